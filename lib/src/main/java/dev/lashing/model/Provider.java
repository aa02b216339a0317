package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.List;
import java.util.Map;

/** A service run by a provider plugin instead of as a container; each option may have several values. */
public record Provider(Located<String> type, Map<String, List<Located<String>>> options, Origin origin) {

  public Provider {
    options = Frozen.map(options);
  }
}
