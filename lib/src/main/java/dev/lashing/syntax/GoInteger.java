package dev.lashing.syntax;

/** Go's reading of an integer from a string ({@code strconv.ParseInt}), as Compose casts and decodes strings. */
public final class GoInteger {
  private GoInteger() {}

  /**
   * {@code strconv.Atoi} (and {@code ParseInt(s, 10, 64)}): decimal digits with an optional sign, leading zeros
   * included ("010" is 10, where the same digits written as a YAML integer are octal), nothing around them; null
   * when the text is not one or does not fit in a long.
   */
  public static Long parseDecimal(String text) {
    return parse(text, 10);
  }

  /**
   * {@code strconv.ParseInt(text, radix, 64)} for a radix of at most 10: an optional sign and digits of the radix,
   * no prefix, no underscore; null when the text is not one or does not fit in a long.
   */
  static Long parse(String text, int radix) {
    int first = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
    if (first == text.length()) {
      return null;
    }
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c >= '0' + radix) {
        return null;
      }
    }
    try {
      return Long.parseLong(text, radix);
    } catch (NumberFormatException e) {
      return null; // out of range
    }
  }
}
