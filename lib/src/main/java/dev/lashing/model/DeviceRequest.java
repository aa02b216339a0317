package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.List;
import java.util.Map;

/**
 * A request for devices such as GPUs ({@code gpus:}, {@code deploy.resources.reservations.devices}).
 * {@code count} is -1 for {@code all}.
 */
public record DeviceRequest(
    List<Located<String>> capabilities,
    Located<String> driver,
    Located<Long> count,
    List<Located<String>> deviceIds,
    Map<String, KeyValue> options,
    Origin origin) {

  public DeviceRequest {
    capabilities = Frozen.list(capabilities);
    deviceIds = Frozen.list(deviceIds);
    options = Frozen.map(options);
  }
}
