package dev.lashing.syntax;

import java.time.Duration;
import java.util.Map;

/**
 * Durations as Compose reads them (go-str2duration, which is Go's {@code time.ParseDuration} plus days and
 * weeks) and writes them ({@code time.Duration.String}).
 */
public final class GoDuration {
  private static final long MICROSECOND = 1_000L;
  private static final long MILLISECOND = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;
  private static final long HOUR = 3600 * SECOND;
  /** 2^63 read as unsigned: the largest magnitude a negative Go duration has. */
  private static final long TWO_TO_63 = Long.MIN_VALUE;
  /** All bits set: above 2^63 as unsigned, so never a valid magnitude. */
  private static final long OVERFLOW = -1L;
  private static final Map<String, Long> UNITS =
      Map.of(
          "ns", 1L,
          "us", MICROSECOND,
          "\u00b5s", MICROSECOND, // micro sign
          "\u03bcs", MICROSECOND, // Greek mu
          "ms", MILLISECOND,
          "s", SECOND,
          "m", 60 * SECOND,
          "h", HOUR,
          "d", 24 * HOUR,
          "w", 7 * 24 * HOUR);

  private GoDuration() {}

  /** A signed sequence of decimal numbers, each with a unit, such as {@code 1h30m} or {@code -1.5s}. */
  public static Duration parse(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    // Magnitudes are unsigned 64-bit values, as in Go; a negative total may reach 2^63.
    long limit = negative ? TWO_TO_63 : Long.MAX_VALUE;
    long total = 0;
    int i = 0;
    while (i < s.length()) {
      if (!(s.charAt(i) == '.' || isDigit(s.charAt(i)))) {
        throw invalid(text);
      }
      int start = i;
      long whole = 0;
      for (; i < s.length() && isDigit(s.charAt(i)); i++) {
        whole = shiftIn(whole, s.charAt(i));
        if (whole == OVERFLOW) {
          throw invalid(text);
        }
      }
      boolean digits = i > start;
      long fraction = 0;
      double scale = 1;
      if (i < s.length() && s.charAt(i) == '.') {
        boolean full = false;
        for (i++; i < s.length() && isDigit(s.charAt(i)); i++) {
          digits = true;
          // Past 63 bits, further fraction digits are ignored rather than rejected.
          long next = full ? OVERFLOW : shiftIn(fraction, s.charAt(i));
          full = next == OVERFLOW;
          if (!full) {
            fraction = next;
            scale *= 10;
          }
        }
      }
      if (!digits) {
        throw invalid(text);
      }
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
        i++;
      }
      if (i == unitStart) {
        throw new SyntaxException("time: missing unit in duration \"" + text + "\"");
      }
      String unitName = s.substring(unitStart, i);
      Long unit = UNITS.get(unitName);
      if (unit == null) {
        throw new SyntaxException("time: unknown unit \"" + unitName + "\" in duration \"" + text + "\"");
      }
      if (Long.compareUnsigned(whole, Long.divideUnsigned(limit, unit)) > 0) {
        throw invalid(text);
      }
      long value = whole * unit;
      if (fraction > 0) {
        // Go scales the fraction in float64, so 1.1h is not an exact nanosecond count either.
        long part = (long) ((double) fraction * ((double) unit / scale));
        if (Long.compareUnsigned(part, limit - value) > 0) {
          throw invalid(text);
        }
        value += part;
      }
      if (Long.compareUnsigned(value, limit - total) > 0) {
        throw invalid(text);
      }
      total += value;
    }
    return Duration.ofNanos(negative ? -total : total);
  }

  /** {@code x * 10 + digit} as an unsigned value, or {@link #OVERFLOW} past 2^63. */
  private static long shiftIn(long x, char digit) {
    if (Long.compareUnsigned(x, Long.divideUnsigned(TWO_TO_63, 10)) > 0) {
      return OVERFLOW;
    }
    long y = x * 10 + (digit - '0');
    return Long.compareUnsigned(y, TWO_TO_63) > 0 ? OVERFLOW : y;
  }

  /**
   * Go's {@code time.Duration.String}: {@code 1h0m0s}, {@code 1m30s}, {@code 1.5s}, {@code 500ms},
   * {@code 0s}.
   *
   * @throws ArithmeticException beyond Go's range of about 292 years
   */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    String sign = nanos < 0 ? "-" : "";
    long u = Math.abs(nanos); // Long.MIN_VALUE stays negative: read it as unsigned 2^63 below
    if (u == 0) {
      return "0s";
    }
    if (Long.compareUnsigned(u, SECOND) < 0) {
      if (u < MICROSECOND) {
        return sign + u + "ns";
      }
      if (u < MILLISECOND) {
        return sign + decimal(u, 3) + "\u00b5s";
      }
      return sign + decimal(u, 6) + "ms";
    }
    long seconds = Long.divideUnsigned(u, SECOND);
    String secondsPart = decimal(Long.remainderUnsigned(u, 60 * SECOND), 9) + "s";
    long minutes = seconds / 60;
    if (minutes == 0) {
      return sign + secondsPart;
    }
    long hours = minutes / 60;
    String minutesPart = (minutes % 60) + "m" + secondsPart;
    return sign + (hours == 0 ? minutesPart : hours + "h" + minutesPart);
  }

  /** {@code value / 10^digits} with the fraction's trailing zeros (and a bare point) dropped. */
  private static String decimal(long value, int digits) {
    long pow = (long) Math.pow(10, digits);
    String whole = Long.toString(value / pow);
    String fraction = Long.toString(value % pow);
    fraction = ("0".repeat(digits - fraction.length()) + fraction).replaceFirst("0+$", "");
    return fraction.isEmpty() ? whole : whole + "." + fraction;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static SyntaxException invalid(String text) {
    return new SyntaxException("time: invalid duration \"" + text + "\"");
  }
}
