package dev.lashing.syntax;

/**
 * A number as a person writes it: the shortest digits that read back as the same double, in plain notation with no
 * trailing zeros ({@code 0.005}, {@code 0.00001}, {@code 100}), what {@code
 * BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()} gives, made from {@link Double#toString} alone:
 * BigDecimal's static set-up takes 20 ms of a short run before the JIT has compiled anything.
 */
public final class Decimals {
  private Decimals() {}

  /** {@code d} in plain notation; NaN and the infinities as {@link Double#toString} writes them. */
  public static String plain(double d) {
    String text = Double.toString(d);
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return text;
    }
    boolean negative = text.charAt(0) == '-';
    int e = text.indexOf('E');
    String mantissa = text.substring(negative ? 1 : 0, e < 0 ? text.length() : e);
    int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
    int point = mantissa.indexOf('.');
    String digits = mantissa.substring(0, point) + mantissa.substring(point + 1);
    int pointAt = point + exponent; // digits before the decimal point
    int first = 0;
    while (first < digits.length() - 1 && digits.charAt(first) == '0') {
      first++;
      pointAt--;
    }
    int end = digits.length();
    while (end > first + 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    digits = digits.substring(first, end);
    if (digits.equals("0")) {
      return "0";
    }
    StringBuilder plain = new StringBuilder(digits.length() + 8);
    if (negative) {
      plain.append('-');
    }
    return appendPlain(plain, digits, pointAt).toString();
  }

  /**
   * Appends significant {@code digits} with the decimal point after the first {@code pointAt} of them, and the
   * zeros that takes on either side: 5 at 0 is 0.5, at -1 0.05, at 3 500; 125 at 1 is 1.25.
   */
  public static StringBuilder appendPlain(StringBuilder out, String digits, int pointAt) {
    if (pointAt <= 0) {
      return out.append("0.").append("0".repeat(-pointAt)).append(digits);
    }
    if (pointAt >= digits.length()) {
      return out.append(digits).append("0".repeat(pointAt - digits.length()));
    }
    return out.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length());
  }
}
