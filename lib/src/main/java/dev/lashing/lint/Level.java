package dev.lashing.lint;

/** A rule's severity under one policy: off, the same as under the default policy, or a severity. */
public enum Level {
  SAME, OFF, CRITICAL, HIGH, MEDIUM, LOW, INFO;

  Severity orElse(Severity fallback) {
    return switch (this) {
      case SAME -> fallback;
      case OFF -> null;
      default -> Severity.valueOf(name());
    };
  }
}
