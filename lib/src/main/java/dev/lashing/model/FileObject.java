package dev.lashing.model;

import dev.lashing.source.Origin;
import dev.lashing.tree.Node;
import java.util.Map;

/**
 * A top-level secret or config definition, under its {@code key}: its content comes from {@code file},
 * {@code environment} or {@code content}, or it is {@code external}.
 */
public record FileObject(
    String key,
    Origin keyOrigin,
    Located<String> name,
    Located<String> file,
    Located<String> environment,
    Located<String> content,
    Located<Boolean> external,
    Map<String, KeyValue> labels,
    Located<String> driver,
    Map<String, KeyValue> driverOpts,
    Located<String> templateDriver,
    Map<String, Node> extensions,
    Map<String, Node> unknown,
    Origin origin) {

  public FileObject {
    labels = Frozen.map(labels);
    driverOpts = Frozen.map(driverOpts);
    extensions = Frozen.map(extensions);
    unknown = Frozen.map(unknown);
  }

  public boolean isExternal() {
    return external != null && external.value();
  }
}
