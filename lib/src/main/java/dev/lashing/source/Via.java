package dev.lashing.source;

import java.util.Objects;

/** One step by which a value travelled from where it is written to where it takes effect. */
public record Via(Kind kind, SourceRange at) {

  /** How a value was brought in. */
  public enum Kind {
    /** {@code *anchor} used at {@link #at()}. */
    ALIAS,
    /** {@code <<: *anchor} merge key at {@link #at()}. */
    MERGE_KEY,
    /** inherited through the {@code extends:} at {@link #at()}. */
    EXTENDS,
    /** imported by the {@code include:} entry at {@link #at()}. */
    INCLUDE,
    /** set by a later file given with {@code -f} (an override file); {@link #at()} is its first line. */
    OVERRIDE_FILE,
    /** produced by interpolating the string at {@link #at()}. */
    INTERPOLATION
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " at " + at;
  }

  // equals and hashCode written out, not generated at run time (scripts/check-dist.sh says why)
  @Override
  public boolean equals(Object o) {
    return o instanceof Via other && kind == other.kind && Objects.equals(at, other.at);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(kind) * 31 + Objects.hashCode(at);
  }
}
