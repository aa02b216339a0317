package dev.lashing.lint;

import java.util.Locale;

/** How serious a finding is, most serious first. */
public enum Severity {
  CRITICAL, HIGH, MEDIUM, LOW, INFO;

  /** Written once: every finding of every report prints it. */
  private final String label = name().toLowerCase(Locale.ROOT);

  /** True when this is as serious as {@code threshold} or more. */
  public boolean isAtLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  public String label() {
    return label;
  }

  /** The severity named {@code text} (any case), or an IllegalArgumentException listing the names. */
  public static Severity parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown severity '" + text + "' (expected critical, high, medium, low or info)");
    }
  }
}
