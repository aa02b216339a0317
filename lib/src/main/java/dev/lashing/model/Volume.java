package dev.lashing.model;

import dev.lashing.source.Origin;
import dev.lashing.tree.Node;
import java.util.Map;

/** A top-level volume definition, under its {@code key}; {@code name} is the {@code name:} attribute. */
public record Volume(
    String key,
    Origin keyOrigin,
    Located<String> name,
    Located<String> driver,
    Map<String, KeyValue> driverOpts,
    Located<Boolean> external,
    Map<String, KeyValue> labels,
    Map<String, Node> extensions,
    Map<String, Node> unknown,
    Origin origin) {

  public Volume {
    driverOpts = Frozen.map(driverOpts);
    labels = Frozen.map(labels);
    extensions = Frozen.map(extensions);
    unknown = Frozen.map(unknown);
  }

  public boolean isExternal() {
    return external != null && external.value();
  }
}
