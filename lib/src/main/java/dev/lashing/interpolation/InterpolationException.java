package dev.lashing.interpolation;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceRange;

/**
 * A text that Compose refuses to interpolate. The message is worded as Compose words the reason; {@link #start()}
 * and {@link #end()} bound the offending {@code $...} expression in the text given to {@link Template}.
 */
public final class InterpolationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why interpolation failed. */
  public enum Kind {
    /** A <code>${</code> that does not open a valid braced form. */
    INVALID_FORMAT,
    /** A {@code ${V:?msg}} or {@code ${V?msg}} whose variable is missing. */
    MISSING_REQUIRED,
    /** References that would make values grow beyond {@link Template.Growth}'s bound. */
    TOO_LONG,
    /** Defaults nested in defaults deeper than {@link Template#MAX_NESTING} levels. */
    TOO_DEEP
  }

  private final Kind kind;
  private final int start;
  private final int end;

  InterpolationException(Kind kind, String message, int start, int end) {
    super(message);
    this.kind = kind;
    this.start = start;
    this.end = end;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * Whether interpolation stopped at a limit of Lashing's own, where Compose, which sets none, would go on
   * (and grow or nest further).
   */
  public boolean pastLashingLimit() {
    return switch (kind) {
      case INVALID_FORMAT, MISSING_REQUIRED -> false;
      case TOO_LONG, TOO_DEEP -> true;
    };
  }

  /**
   * The error this failure is reported as, of {@code kind} at {@code at} with {@code message}: one of Lashing's own
   * limits where it is one ({@link #pastLashingLimit()}).
   */
  public Diagnostic diagnostic(Diagnostic.Kind kind, SourceRange at, String message) {
    return pastLashingLimit() ? Diagnostic.pastLashingLimit(kind, at, message) : Diagnostic.error(kind, at, message);
  }

  /** Offset of the {@code $} that starts the offending expression. */
  public int start() {
    return start;
  }

  /** Offset just after the offending expression. */
  public int end() {
    return end;
  }
}
