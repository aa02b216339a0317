package dev.lashing.tree;

import dev.lashing.syntax.Decimals;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Compose's YAML reader resolves plain scalars: go-yaml's {@code resolve} (v4, which Compose reads with since
 * compose-go 2.10; v3 differed only in reading {@code -0} as the integer 0). YAML 1.2 core booleans and nulls only
 * (so {@code no}, {@code on}, {@code 22:22} stay strings); integers as Go's {@code strconv.ParseInt} and then
 * {@code ParseUint} read them with base 0 once every underscore is dropped: decimal, {@code 0x}, {@code 0o},
 * {@code 0b} (either case) and the legacy leading-zero octal ({@code 0440} is 288), up to the largest uint64;
 * floats including {@code .inf} and {@code .nan}, and {@code -0}, a float (negative zero).
 */
public final class Scalars {
  /** go-yaml's {@code yamlStyleFloat}, matched against the text without its underscores. */
  private static final Pattern FLOAT = Pattern.compile("[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?");
  /**
   * What Go's {@code strconv.ParseFloat} takes of a text starting with a dot, which go-yaml hands it as written:
   * an underscore only between two digits.
   */
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?");

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
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
          "-0", "-0.0" -> {
        return ScalarNode.Type.FLOAT; // go-yaml's table of special texts: "-0" is a float, negative zero
      }
      default -> {
        if (NUMBER_STARTS.indexOf(text.charAt(0)) < 0) {
          return ScalarNode.Type.STRING; // most scalars: no pattern can match, so none is tried
        }
      }
    }
    if (text.charAt(0) == '.') {
      return DOT_FLOAT.matcher(text).matches() && finite(text) ? ScalarNode.Type.FLOAT : ScalarNode.Type.STRING;
    }
    String plain = text.indexOf('_') < 0 ? text : text.replace("_", "");
    if (integerText(plain) != null) {
      return ScalarNode.Type.INT;
    }
    // a float too large for a float64 is a string: ParseFloat fails with a range error
    return FLOAT.matcher(plain).matches() && finite(plain) ? ScalarNode.Type.FLOAT : ScalarNode.Type.STRING;
  }

  private static boolean finite(String text) {
    return Double.isFinite(parseFloat(text));
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

  /**
   * The value of an integer literal as go-yaml reads it into an int64 ({@code strconv.ParseInt(text, 0, 64)} once
   * the underscores are dropped), or null when it is not one: not an integer, or beyond an int64 (a uint64, for
   * which see {@link #integerText}).
   */
  public static Long parseInt(String text) {
    String s = text.indexOf('_') < 0 ? text : text.replace("_", "");
    boolean negative = s.startsWith("-");
    Long magnitude = parseUnsigned(negative || s.startsWith("+") ? s.substring(1) : s);
    if (magnitude == null) {
      return null;
    }
    long m = magnitude;
    if (!negative) {
      return m < 0 ? null : m; // 2^63 and above need a uint64
    }
    // down to -2^63, whose magnitude, 2^63, reads as Long.MIN_VALUE and negates to itself
    return Long.compareUnsigned(m, Long.MIN_VALUE) > 0 ? null : -m;
  }

  /**
   * The decimal digits of an integer literal as go-yaml reads it: an int64 ({@link #parseInt}), else, unsigned, a
   * uint64 ({@code strconv.ParseUint(text, 0, 64)}, which takes no sign: {@code 0xFFFFFFFFFFFFFFFF} is
   * 18446744073709551615, {@code +18446744073709551615} is a float); null when it is neither.
   */
  public static String integerText(String text) {
    Long signed = parseInt(text);
    if (signed != null) {
      return Long.toString(signed);
    }
    Long unsigned = parseUnsigned(text.indexOf('_') < 0 ? text : text.replace("_", ""));
    return unsigned != null ? Long.toUnsignedString(unsigned) : null;
  }

  /**
   * Go's {@code strconv.ParseUint(s, 0, 64)} of a text with no underscore: {@code 0b}, {@code 0o}, {@code 0x} (in
   * either case) before at least one digit pick base 2, 8 or 16, any other leading 0 octal, else decimal; no sign.
   * The 64 bits of the value (a long that is negative from 2^63 up), or null when it is not one or is too large.
   */
  private static Long parseUnsigned(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int radix = 10;
    int i = 0;
    if (s.charAt(0) == '0') {
      char prefix = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : ' ';
      radix = prefix == 'b' ? 2 : prefix == 'o' ? 8 : prefix == 'x' ? 16 : 8;
      i = radix == 8 && prefix != 'o' ? 1 : 2;
    }
    long limit = Long.divideUnsigned(-1L, radix); // past it, times the radix overflows
    long n = 0;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10
          : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : Integer.MAX_VALUE;
      if (digit >= radix || Long.compareUnsigned(n, limit) > 0) {
        return null;
      }
      long next = n * radix + digit;
      if (Long.compareUnsigned(next, n * radix) < 0) {
        return null;
      }
      n = next;
    }
    return n;
  }

  /**
   * The value of a float literal as go-yaml reads it: underscores, {@code .inf}, {@code -.Inf}, {@code .nan}; and of
   * an integer literal tagged {@code !!float}, which it reads as an integer first ({@code 0xd} is 13, {@code 010}
   * is 8).
   */
  public static double parseFloat(String text) {
    String s = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    if (s.endsWith("inf")) {
      return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (s.endsWith("nan")) {
      return Double.NaN;
    }
    return Double.parseDouble(decimal(s));
  }

  /** The decimal digits of an integer literal ({@link #integerText}); any other text as it is. */
  private static String decimal(String text) {
    String integer = text.equals("-0") ? null : integerText(text); // -0 is a float: negative zero
    return integer != null ? integer : text;
  }

  /** A float in the form Go's JSON encoder would print it. */
  public static String canonicalFloat(String text) {
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
   * label): {@code fmt.Sprint} of a float64 (an integer too large for a uint64 included), which {@code %v} prints as
   * strconv's {@code 'g'} with the shortest digits that read back as the same float: {@code %e} when the exponent is below -4
   * or at least 6 ({@code 1e+06}, {@code 1.5e-07}), else {@code %f} ({@code 100000}, {@code 0.0001}).
   */
  public static String goFloat(String text) {
    double d = parseFloat(text);
    return goFloat(d, Double.isFinite(d) && Math.abs(d) >= Double.MIN_NORMAL ? writtenDigits(decimal(text)) : null);
  }

  /** A float64 as Go's {@code fmt.Sprint} prints it: {@code 1e+21}, {@code 0.5}, {@code -0}, {@code +Inf}, {@code NaN}. */
  public static String goFloat(double d) {
    return goFloat(d, null);
  }

  /**
   * A finite float64 as Go's {@code encoding/json} writes it: strconv's shortest {@code 'f'} ({@code 1000000},
   * {@code 0.00001}, {@code -0}), or {@code 'e'} below 1e-6 and from 1e21 on, its exponent without a leading zero
   * ({@code 1e+21}, {@code 1.5e-7}).
   */
  public static String goJsonFloat(double d) {
    boolean negative = Double.doubleToRawLongBits(d) < 0;
    double abs = Math.abs(d);
    if (abs == 0) {
      return negative ? "-0" : "0";
    }
    Digits shortest = shortestDigits(abs);
    String digits = shortest.digits();
    int dp = shortest.pointAt();
    StringBuilder out = new StringBuilder(negative ? "-" : "");
    if (abs < 1e-6 || abs >= 1e21) {
      return scientific(out, digits, dp - 1, 1);
    }
    return Decimals.appendPlain(out, digits, dp).toString();
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
  private record Digits(String digits, int scale) {
    /** How many of the digits come before the decimal point (0 or less: zeros come first). */
    int pointAt() {
      return digits.length() - scale;
    }
  }

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
    int dp = shortest.pointAt();
    int exp = dp - 1;
    StringBuilder out = new StringBuilder(negative ? "-" : "");
    if (exp < -4 || exp >= 6) { // strconv's 'g' with the shortest digits decides with a precision of 6
      return scientific(out, digits, exp, 2);
    }
    return Decimals.appendPlain(out, digits, dp).toString();
  }

  /**
   * {@code out} followed by the digits as {@code d.ddd}, {@code e}, the exponent's sign and at least
   * {@code exponentDigits} digits of it: strconv's {@code 'e'} writes two ({@code 1e+06}), encoding/json one
   * ({@code 1e+21}).
   */
  private static String scientific(StringBuilder out, String digits, int exp, int exponentDigits) {
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    String magnitude = Integer.toString(Math.abs(exp));
    return out.append('e').append(exp < 0 ? '-' : '+').append("0".repeat(Math.max(0, exponentDigits
        - magnitude.length()))).append(magnitude).toString();
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
}
