package dev.lashing.source;

/**
 * A value as a finding's message quotes it: whole when it is short, else its start and how long it is, so that a
 * hostile value (a 5 MB {@code image:}) gives a message of a line, not of megabytes; the code frame shows where.
 */
public final class QuotedValue {
  /** Longer values are cut to their first {@value #KEPT} characters. */
  private static final int LONGEST_QUOTED = 120;
  private static final int KEPT = 80;

  private QuotedValue() {}

  public static String of(String value) {
    return value.length() <= LONGEST_QUOTED ? value
        : value.substring(0, KEPT) + "… (" + value.length() + " characters)";
  }
}
