package dev.lashing.model;

import dev.lashing.source.Origin;
import dev.lashing.tree.Node;
import java.util.List;
import java.util.Map;

/** A top-level AI model definition ({@code models:}), under its {@code key}. */
public record Model(
    String key,
    Origin keyOrigin,
    Located<String> name,
    Located<String> model,
    Located<Long> contextSize,
    List<Located<String>> runtimeFlags,
    Map<String, Node> extensions,
    Map<String, Node> unknown,
    Origin origin) {

  public Model {
    runtimeFlags = Frozen.list(runtimeFlags);
    extensions = Frozen.map(extensions);
    unknown = Frozen.map(unknown);
  }
}
