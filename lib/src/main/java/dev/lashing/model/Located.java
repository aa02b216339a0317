package dev.lashing.model;

import dev.lashing.source.Origin;
import dev.lashing.source.SourceRange;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value bound from the Compose tree and where it is written, so a finding about it can point at the text.
 * A missing attribute is never a {@code Located}: the model holds null (or an empty collection) instead.
 */
public record Located<T>(T value, Origin origin) {

  public Located {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
  }

  /** Where the value is written. */
  public SourceRange at() {
    return origin.at();
  }

  /** The same place with a value derived from this one. */
  public <U> Located<U> map(Function<? super T, ? extends U> f) {
    return new Located<>(f.apply(value), origin);
  }

  @Override
  public String toString() {
    return value + " at " + origin;
  }
}
