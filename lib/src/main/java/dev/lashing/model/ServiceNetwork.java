package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.List;
import java.util.Map;

/**
 * A service's attachment to a network ({@code networks: {name: ...}}). Written as null it has no settings;
 * {@code origin} is then the null value's.
 */
public record ServiceNetwork(
    String name,
    Origin nameOrigin,
    List<Located<String>> aliases,
    Map<String, KeyValue> driverOpts,
    Located<Long> gwPriority,
    Located<String> interfaceName,
    Located<String> ipv4Address,
    Located<String> ipv6Address,
    List<Located<String>> linkLocalIps,
    Located<String> macAddress,
    Located<Long> priority,
    Origin origin) {

  public ServiceNetwork {
    aliases = Frozen.list(aliases);
    driverOpts = Frozen.map(driverOpts);
    linkLocalIps = Frozen.list(linkLocalIps);
  }
}
