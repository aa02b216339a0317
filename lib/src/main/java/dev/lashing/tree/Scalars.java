package dev.lashing.tree;

import dev.lashing.syntax.Decimals;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Compose's YAML reader (go-yaml v3) resolves plain scalars: YAML 1.2 core booleans and nulls only (so
 * {@code no}, {@code on}, {@code 22:22} stay strings), integers in decimal, {@code 0x}, {@code 0o} and the
 * legacy leading-zero octal ({@code 0440} is 288), floats including {@code .inf} and {@code .nan}.
 */
public final class Scalars {
  private static final Pattern INT =
      Pattern.compile("[-+]?(?:0|[1-9][0-9_]*|0[0-7_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+)");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[-+]?(?:\\.[0-9]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");

  /**
   * The layouts go-yaml's parseTimestamp gives Go's time.Parse: {@code 2006-1-2T15:4:5.999999999Z07:00} (also with
   * a small t), {@code 2006-1-2 15:4:5.999999999} and {@code 2006-1-2}. Groups: year, month, day, then hour,
   * minute, second, zone hours and minutes after a T, or hour, minute and second after blanks.
   */
  private static final Pattern TIMESTAMP = Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
      + "(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(?:Z|[-+]([0-9]{2}):([0-9]{2}))"
      + "| +([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?)?");

  /** The first characters of the texts the number patterns above match. */
  private static final String NUMBER_STARTS = "0123456789+-.";

  private Scalars() {}

  /** The type of a plain (unquoted, untagged) scalar. */
  public static ScalarNode.Type resolvePlain(String text) {
    switch (text) {
      case "", "~", "null", "Null", "NULL" -> {
        return ScalarNode.Type.NULL;
      }
      case "true", "True", "TRUE", "false", "False", "FALSE" -> {
        return ScalarNode.Type.BOOL;
      }
      default -> {
        if (NUMBER_STARTS.indexOf(text.charAt(0)) < 0) {
          return ScalarNode.Type.STRING; // most scalars: no pattern can match, so none is tried
        }
      }
    }
    if (INT.matcher(text).matches() && parseInt(text) != null) {
      return ScalarNode.Type.INT;
    }
    if (FLOAT.matcher(text).matches()) {
      return ScalarNode.Type.FLOAT;
    }
    return ScalarNode.Type.STRING;
  }

  /**
   * Whether go-yaml reads {@code text}, plain or tagged {@code !!timestamp}, as a timestamp (a Go time.Time, not a
   * string): a date with a four-digit year, maybe a time, in a layout {@link #TIMESTAMP} names, whose day exists
   * and whose hours, minutes and seconds are in range, as time.Parse checks them.
   */
  public static boolean isTimestamp(String text) {
    if (text.length() < 8 || text.charAt(4) != '-' || text.charAt(0) < '0' || text.charAt(0) > '9') {
      return false; // most texts: not a date
    }
    Matcher m = TIMESTAMP.matcher(text);
    if (!m.matches()) {
      return false;
    }
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(Integer.parseInt(m.group(1)), month)
        .lengthOfMonth()) {
      return false;
    }
    int time = m.group(4) != null ? 4 : 9; // the hour's group, when there is a time
    if (m.group(time) != null && (Integer.parseInt(m.group(time)) > 23 || Integer.parseInt(m.group(time + 1)) > 59
        || Integer.parseInt(m.group(time + 2)) > 59)) {
      return false;
    }
    // a zone's offset may be as large as 24:60, as some write it
    return m.group(7) == null || Integer.parseInt(m.group(7)) <= 24 && Integer.parseInt(m.group(8)) <= 60;
  }

  public static boolean isTrue(String text) {
    return text.equalsIgnoreCase("true");
  }

  /** The value of an integer literal as go-yaml reads it, or null when it does not fit in a long. */
  public static Long parseInt(String text) {
    String s = text.replace("_", "");
    boolean negative = s.startsWith("-");
    if (s.startsWith("-") || s.startsWith("+")) {
      s = s.substring(1);
    }
    int radix = 10;
    if (s.startsWith("0x")) {
      radix = 16;
      s = s.substring(2);
    } else if (s.startsWith("0o")) {
      radix = 8;
      s = s.substring(2);
    } else if (s.startsWith("0b")) {
      radix = 2;
      s = s.substring(2);
    } else if (s.length() > 1 && s.startsWith("0")) {
      radix = 8;
      s = s.substring(1);
    }
    try {
      long v = Long.parseLong(s, radix);
      return negative ? -v : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The value of a float literal as go-yaml reads it: underscores, {@code .inf}, {@code -.Inf}, {@code .nan}. */
  public static double parseFloat(String text) {
    String s = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    if (s.endsWith("inf")) {
      return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (s.endsWith("nan")) {
      return Double.NaN;
    }
    return Double.parseDouble(s);
  }

  /** A float in the form Go's JSON encoder would print it. */
  public static String canonicalFloat(String text) {
    String unsigned = unsignedInteger(text);
    if (unsigned != null) {
      return unsigned;
    }
    double d = parseFloat(text);
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      // whole digits, also beyond 64 bits (1e20 is 100000000000000000000), which a long would clamp
      return Decimals.plain(d);
    }
    return Double.toString(d);
  }

  /**
   * The text Compose makes of a scalar go-yaml read as a float where it wants a string (an environment value, a
   * label): {@code fmt.Sprint}. go-yaml reads a plain integer too large for an int64 as a uint64 when it fits one
   * ({@code 12345678901234567890} keeps its digits), else as a float64, which {@code %v} prints as strconv's
   * {@code 'g'} with the shortest digits that read back as the same float: {@code %e} when the exponent is below -4
   * or at least 6 ({@code 1e+06}, {@code 1.5e-07}), else {@code %f} ({@code 100000}, {@code 0.0001}).
   */
  public static String goFloat(String text) {
    String unsigned = unsignedInteger(text);
    if (unsigned != null) {
      return unsigned;
    }
    double d = parseFloat(text);
    return goFloat(d, Double.isFinite(d) && Math.abs(d) >= Double.MIN_NORMAL ? writtenDigits(text) : null);
  }

  /** A float64 as Go's {@code fmt.Sprint} prints it: {@code 1e+21}, {@code 0.5}, {@code -0}, {@code +Inf}, {@code NaN}. */
  public static String goFloat(double d) {
    return goFloat(d, null);
  }

  /**
   * The significant digits of a decimal written with at most 15 of them ({@code 0.5}, {@code 1e6}), which are the
   * shortest that read back as its float when it is a normal one: two decimals of 15 digits or fewer never read as
   * the same normal float, so no shorter one does (found without the search of {@link #shortestDigits}, nor
   * BigDecimal, whose static set-up alone costs a start-up run 20 ms); null for any other text.
   */
  private static Digits writtenDigits(String text) {
    int i = 0;
    int n = text.length();
    if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int scale = 0;
    boolean point = false;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c == '.' && !point) {
        point = true;
      } else if (c >= '0' && c <= '9') {
        if (unscaled != 0 || c != '0') {
          if (++digits > 15) {
            return null;
          }
          unscaled = unscaled * 10 + (c - '0');
        }
        scale += point ? 1 : 0;
      } else if (c != '_') {
        break;
      }
    }
    if (i < n) {
      String exponent = text.substring(i + 1);
      if (text.charAt(i) != 'e' && text.charAt(i) != 'E' || exponent.isEmpty() || exponent.length() > 4) {
        return null;
      }
      try {
        scale -= Integer.parseInt(exponent);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (unscaled == 0) {
      return null;
    }
    while (unscaled % 10 == 0) {
      unscaled /= 10;
      scale--;
    }
    return new Digits(Long.toString(unscaled), scale);
  }

  /** Significant digits, with no zero at either end, and where the decimal point goes: 5 and 1 are 0.5. */
  private record Digits(String digits, int scale) {}

  private static String goFloat(double d, Digits shortestIfKnown) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    boolean negative = Double.doubleToRawLongBits(d) < 0;
    if (d == 0) {
      return negative ? "-0" : "0";
    }
    Digits shortest = shortestIfKnown != null ? shortestIfKnown : shortestDigits(Math.abs(d));
    String digits = shortest.digits();
    int nd = digits.length();
    int dp = nd - shortest.scale(); // where the decimal point goes in the digits
    int exp = dp - 1;
    StringBuilder out = new StringBuilder(negative ? "-" : "");
    if (exp < -4 || exp >= 6) { // strconv's 'g' with the shortest digits decides with a precision of 6
      out.append(digits.charAt(0));
      if (nd > 1) {
        out.append('.').append(digits, 1, nd);
      }
      out.append('e').append(exp < 0 ? '-' : '+');
      if (Math.abs(exp) < 10) {
        out.append('0'); // at least two exponent digits
      }
      return out.append(Math.abs(exp)).toString();
    }
    if (dp <= 0) {
      return out.append("0.").append("0".repeat(-dp)).append(digits).toString();
    }
    if (dp >= nd) {
      return out.append(digits).append("0".repeat(dp - nd)).toString();
    }
    return out.append(digits, 0, dp).append('.').append(digits, dp, nd).toString();
  }

  /**
   * The fewest significant digits that read back as {@code d} (positive, finite), the nearest such when both
   * the digits below and above do, as strconv's shortest formatting chooses them. (Java 17's
   * {@code Double.toString} sometimes gives more digits than needed.)
   */
  private static Digits shortestDigits(double d) {
    BigDecimal exact = new BigDecimal(d);
    BigDecimal shortest = exact.round(new MathContext(17, RoundingMode.HALF_EVEN)); // always reads back
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.DOWN));
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.UP));
      boolean downReadsBack = Double.parseDouble(down.toString()) == d;
      boolean upReadsBack = Double.parseDouble(up.toString()) == d;
      if (downReadsBack || upReadsBack) {
        shortest = downReadsBack && upReadsBack ? exact.round(new MathContext(precision, RoundingMode.HALF_EVEN))
            : downReadsBack ? down : up;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    return new Digits(shortest.unscaledValue().toString(), shortest.scale());
  }

  /**
   * The decimal digits of a plain integer go-yaml reads as a uint64 ({@code strconv.ParseUint} with base 0, once
   * {@code ParseInt} found it too large): no sign, decimal, or octal after a leading 0, above the largest int64;
   * null for anything else.
   */
  private static String unsignedInteger(String text) {
    String s = text.replace("_", "");
    if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    boolean octal = s.length() > 1 && s.charAt(0) == '0';
    try {
      long value = Long.parseUnsignedLong(octal ? s.substring(1) : s, octal ? 8 : 10);
      // within an int64, go-yaml had read an int: the text is a float from elsewhere (a cast "010" is 10)
      return value < 0 ? Long.toUnsignedString(value) : null;
    } catch (NumberFormatException e) {
      return null; // beyond 64 bits, or 09 (not octal): a float
    }
  }
}
