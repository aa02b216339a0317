package dev.lashing.model;

import dev.lashing.source.Origin;

/** One {@code depends_on} entry, keyed by the service depended on. */
public record Dependency(
    String service,
    Origin serviceOrigin,
    Located<String> condition,
    Located<Boolean> required,
    Located<Boolean> restart,
    Origin origin) {

  /** {@code service_started} unless written otherwise. */
  public String conditionOrDefault() {
    return condition == null ? "service_started" : condition.value();
  }

  /** Required unless {@code required: false}: a missing dependency is then only a warning. */
  public boolean isRequired() {
    return required == null || required.value();
  }
}
