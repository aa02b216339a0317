package dev.lashing.model;

import dev.lashing.source.Origin;
import dev.lashing.tree.Node;
import java.util.List;
import java.util.Map;

/**
 * A top-level network definition, under its {@code key}; {@code name} is the {@code name:} attribute (after
 * normalization, the engine's name such as {@code myapp_default}).
 */
public record Network(
    String key,
    Origin keyOrigin,
    Located<String> name,
    Located<String> driver,
    Map<String, KeyValue> driverOpts,
    Ipam ipam,
    Located<Boolean> external,
    Located<Boolean> internal,
    Located<Boolean> attachable,
    Map<String, KeyValue> labels,
    Located<Boolean> enableIpv4,
    Located<Boolean> enableIpv6,
    Map<String, Node> extensions,
    Map<String, Node> unknown,
    Origin origin) {

  public Network {
    driverOpts = Frozen.map(driverOpts);
    labels = Frozen.map(labels);
    extensions = Frozen.map(extensions);
    unknown = Frozen.map(unknown);
  }

  /** {@code ipam}. */
  public record Ipam(Located<String> driver, List<Pool> config, Map<String, KeyValue> options, Origin origin) {

    public Ipam {
      config = Frozen.list(config);
      options = Frozen.map(options);
    }
  }

  /** One {@code ipam.config} entry. */
  public record Pool(
      Located<String> subnet,
      Located<String> gateway,
      Located<String> ipRange,
      Map<String, KeyValue> auxAddresses,
      Origin origin) {

    public Pool {
      auxAddresses = Frozen.map(auxAddresses);
    }
  }

  public boolean isExternal() {
    return external != null && external.value();
  }

  /** Without a route off the network. */
  public boolean isInternal() {
    return internal != null && internal.value();
  }
}
