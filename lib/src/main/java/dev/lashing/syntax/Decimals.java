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
    if (pointAt <= 0) {
      plain.append("0.").append("0".repeat(-pointAt)).append(digits);
    } else if (pointAt >= digits.length()) {
      plain.append(digits).append("0".repeat(pointAt - digits.length()));
    } else {
      plain.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length());
    }
    return plain.toString();
  }
}
