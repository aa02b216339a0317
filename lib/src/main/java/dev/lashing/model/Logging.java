package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.Map;

/** A service's {@code logging}. */
public record Logging(Located<String> driver, Map<String, KeyValue> options, Origin origin) {

  public Logging {
    options = Frozen.map(options);
  }
}
