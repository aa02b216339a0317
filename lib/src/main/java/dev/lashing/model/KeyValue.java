package dev.lashing.model;

import dev.lashing.source.Origin;

/**
 * One entry of a string map (environment, labels, sysctls, build args, driver options...). {@code value} is
 * null when the entry is written without one ({@code FOO:}); for environment Compose then leaves the
 * variable out of the container.
 */
public record KeyValue(String key, Origin keyOrigin, Located<String> value) {

  /** The value's text, or null when written without one. */
  public String text() {
    return value == null ? null : value.value();
  }

  /** Where a finding about this entry should point: the value when written, else the key. */
  public Origin origin() {
    return value != null ? value.origin() : keyOrigin;
  }
}
