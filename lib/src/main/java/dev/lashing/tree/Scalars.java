package dev.lashing.tree;

import java.math.BigDecimal;
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
    double d = parseFloat(text);
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      // whole digits, also beyond 64 bits (1e20 is 100000000000000000000), which a long would clamp
      return BigDecimal.valueOf(d).toBigInteger().toString();
    }
    return Double.toString(d);
  }
}
