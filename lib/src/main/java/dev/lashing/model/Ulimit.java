package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.Optional;

/** One {@code ulimits} entry: a single value for both limits, or {@code soft} and {@code hard}. */
public record Ulimit(
    String name, Origin nameOrigin, Located<Long> single, Located<Long> soft, Located<Long> hard, Origin origin) {

  /** The soft limit the engine gets: {@code soft} unless zero or absent, else the single value. */
  public Optional<Located<Long>> softLimit() {
    return limit(soft);
  }

  /** The hard limit the engine gets: {@code hard} unless zero or absent, else the single value. */
  public Optional<Located<Long>> hardLimit() {
    return limit(hard);
  }

  private Optional<Located<Long>> limit(Located<Long> specific) {
    return Optional.ofNullable(specific != null && specific.value() != 0 ? specific : single);
  }
}
