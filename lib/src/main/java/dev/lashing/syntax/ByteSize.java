package dev.lashing.syntax;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Byte sizes as Compose reads them ({@code types.UnitBytes}): a plain integer as is, otherwise go-units'
 * {@code RAMInBytes}, where every unit is a power of 1024. A size of 2^63 bytes or more is refused.
 */
public final class ByteSize {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final String UNITS = "kmgtp";

  private ByteSize() {}

  public static long parse(String text) {
    if (INTEGER.matcher(text).matches()) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        // Too large for an integer: go-units reads it as a float below.
      }
    }
    int sep = lastIndexOfAny(text, "0123456789. ");
    if (sep < 0) {
      throw new SyntaxException("invalid size: '" + text + "'");
    }
    // One space may separate the number from its unit.
    String number = text.charAt(sep) == ' ' ? text.substring(0, sep) : text.substring(0, sep + 1);
    String suffix = text.substring(sep + 1);
    if (!DECIMAL.matcher(number).matches()) {
      throw new SyntaxException("strconv.ParseFloat: parsing \"" + number + "\": invalid syntax");
    }
    double size = Double.parseDouble(number);
    if (Double.isInfinite(size)) {
      throw new SyntaxException("strconv.ParseFloat: parsing \"" + number + "\": value out of range");
    }
    if (size < 0) {
      throw new SyntaxException("invalid size: '" + text + "'");
    }
    double bytes = size * multiplier(suffix);
    if (bytes >= 0x1p63) {
      // go-units' int64 conversion overflows into a number the engine refuses; a long would clamp it silently
      throw new SyntaxException("invalid size: '" + text + "': value out of range");
    }
    return (long) bytes;
  }

  /** {@code b}, or {@code k|m|g|t|p} followed by nothing, {@code b} or {@code ib}; case-insensitive. */
  private static double multiplier(String suffix) {
    if (suffix.isEmpty()) {
      return 1;
    }
    String unit = suffix.length() > 3 ? suffix : suffix.toLowerCase(Locale.ROOT);
    int power = UNITS.indexOf(unit.charAt(0)) + 1;
    String rest = unit.substring(1);
    boolean valid =
        unit.equals("b") || power > 0 && (rest.isEmpty() || rest.equals("b") || rest.equals("ib"));
    if (!valid) {
      throw new SyntaxException("invalid suffix: '" + unit + "'");
    }
    return Math.pow(1024, power);
  }

  /**
   * The shortest exact form Compose reads back to the same value: the largest unit that divides the size
   * ({@code 1536m} for 1.5 GiB), else the plain number.
   */
  public static String format(long bytes) {
    if (bytes <= 0 || bytes % 1024 != 0) {
      return Long.toString(bytes);
    }
    long value = bytes;
    int power = 0;
    while (value % 1024 == 0 && power < UNITS.length()) {
      value /= 1024;
      power++;
    }
    return value + UNITS.substring(power - 1, power);
  }

  private static int lastIndexOfAny(String text, String chars) {
    for (int i = text.length() - 1; i >= 0; i--) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
