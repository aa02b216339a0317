package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.List;

/** A service's {@code develop} section (Compose Watch). */
public record Develop(List<Watch> watch, Origin origin) {

  public Develop {
    watch = Frozen.list(watch);
  }

  /** One {@code watch} rule. */
  public record Watch(
      Located<String> path,
      Located<String> action,
      Located<String> target,
      Hook exec,
      List<Located<String>> ignore,
      List<Located<String>> include,
      Located<Boolean> initialSync,
      Origin origin) {

    public Watch {
      ignore = Frozen.list(ignore);
      include = Frozen.list(include);
    }
  }
}
