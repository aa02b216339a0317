package dev.lashing.syntax;

import java.util.regex.Pattern;

/** Go's reading of an integer from a string in base 10, as Compose casts and decodes strings. */
public final class GoInteger {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");

  private GoInteger() {}

  /**
   * {@code strconv.Atoi} (and {@code ParseInt(s, 10, 64)}): decimal digits with an optional sign, leading zeros
   * included ("010" is 10, where the same digits written as a YAML integer are octal), nothing around them; null
   * when the text is not one or does not fit in a long.
   */
  public static Long parseDecimal(String text) {
    if (DECIMAL.matcher(text).matches()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        // out of range
      }
    }
    return null;
  }
}
