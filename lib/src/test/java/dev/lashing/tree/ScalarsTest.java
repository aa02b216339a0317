package dev.lashing.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalarsTest {
  @Test
  void plainScalarsResolveAsComposesReaderResolvesThem() {
    Map<String, ScalarNode.Type> expected = new LinkedHashMap<>();
    for (String text : new String[] {"", "~", "null", "Null", "NULL"}) {
      expected.put(text, ScalarNode.Type.NULL);
    }
    for (String text : new String[] {"true", "True", "TRUE", "false", "False", "FALSE"}) {
      expected.put(text, ScalarNode.Type.BOOL);
    }
    for (String text : new String[] {"0", "7", "-1", "+1", "1_000", "0755", "0o17", "0x1F", "0xfe", "0b101",
        // strconv.ParseInt with base 0 takes its prefixes in either case, and a sign before them
        "0X1F", "0O17", "0B101", "-0x1F", "+0o17",
        // go-yaml drops every underscore before it parses, wherever it stands
        "+_1", "1__0", "0x_1F", "0_", "-0x8000000000000000", "-9223372036854775808",
        // beyond an int64, a uint64 when it fits one, in any base (ParseUint takes no sign)
        "9223372036854775808", "18446744073709551615", "0xFFFFFFFFFFFFFFFF", "0o1777777777777777777777",
        "01777777777777777777777", "0b" + "1".repeat(64)}) {
      expected.put(text, ScalarNode.Type.INT);
    }
    for (String text : new String[] {"1.5", ".5", "-.5", "1e3", "1E3", "1.27", "1.", "-.inf", "+.Inf", "-.INF",
        ".nan", ".NaN", ".NAN", "09", "-0", "-0.0", "1e1_0", "1_.5", ".5_5", ".5e1_0", "18446744073709551616",
        "+18446744073709551615", "-9223372036854775809", "1e-400"}) {
      expected.put(text, ScalarNode.Type.FLOAT);
    }
    for (String text : new String[] {"nULL", "nil", "tRUE", "yes", "no", "on", "off", "nginx:1.27", "22:22", "-",
        ".", "+", "0x", "0o", "0b", "0x_", "0b2", "0o8", "0xG", "1.2.3", "8080:80", "10m", "512M", "1.5G", "1_000a",
        ".inf.", "1e", "true ", "fal", "trueish", "NaN", "inf", "_1", "._5", ".5_", ".5__5", "0x10000000000000000",
        "-0xFFFFFFFFFFFFFFFF", "0x1p4", "1e400", ".5e400", "-1e400", "1\u0661"}) {
      expected.put(text, ScalarNode.Type.STRING);
    }
    expected.forEach((text, type) -> assertThat(Scalars.resolvePlain(text)).as("'" + text + "'").isEqualTo(type));
  }

  /**
   * go-yaml reads a plain scalar as a timestamp (a time.Time, which compose-go refuses as a key) when Go's time.Parse
   * takes it in one of the layouts go-yaml tries, with a day that exists and a time in range.
   */
  @Test
  void timestampsAreTheTextsGoYamlReadsAsTimestamps() {
    for (String text : new String[] {"2001-12-14", "2001-1-2", "2001-12-14t21:59:43.10-05:00",
        "2001-12-14T21:59:43Z", "2001-12-14T1:2:3,5+24:00", "2001-12-14 21:59:43.10", "2001-12-14   1:2:3",
        "2000-02-29", "0000-02-29"}) {
      assertThat(Scalars.isTimestamp(text)).as(text).isTrue();
    }
    for (String text : new String[] {"2001-12-14 21:59:43.10 -5", "2001-02-29", "2001-13-01", "2001-00-10",
        "2001-12-00", "2001-12-14T24:00:00Z", "2001-12-14T21:60:00Z", "2001-12-14T21:59:60Z", "2001-12-14T21:59:43",
        "2001-12-14T21:59:43+25:00", "2001-12-14T21:59:43+5:00", "2001-12-14 21:59", "2001-12-140", "01-12-14",
        "12001-12-14", "2001/12/14", "2001-12-14x", "2001-12-14 ", ""}) {
      assertThat(Scalars.isTimestamp(text)).as(text).isFalse();
    }
  }

  /** Go prints a whole float in full below 1e21, also past the largest long (not clamped to it). */
  @Test
  void wholeFloatsArePrintedInFull() {
    Map<String, String> printed = new LinkedHashMap<>();
    printed.put("3.0", "3");
    printed.put("-2e3", "-2000");
    printed.put("18446744073709551616", "18446744073709552000"); // beyond 64 bits: a float, printed whole
    printed.put("99999999999999999999", "100000000000000000000");
    printed.put("1.5", "1.5");
    printed.forEach((text, canonical) -> assertThat(Scalars.canonicalFloat(text)).as(text).isEqualTo(canonical));
  }

  /**
   * Where Compose wants a string of a number (an environment value, a label), it prints what go-yaml read with
   * {@code fmt.Sprint}: an int as its decimal digits, a uint64 likewise, a float64 as strconv's shortest {@code 'g'}
   * (the exponent form below 1e-4 and from 1e6 on).
   */
  @Test
  void numbersBecomeTextAsGoPrintsThem() {
    Map<String, String> printed = new LinkedHashMap<>();
    printed.put("1e6", "1e+06");
    printed.put("100000000.0", "1e+08");
    printed.put("1e20", "1e+20");
    printed.put("1e21", "1e+21");
    printed.put("0.00001", "1e-05");
    printed.put("0.0001", "0.0001");
    printed.put("1.5e-7", "1.5e-07");
    printed.put("123456789.0", "1.23456789e+08");
    printed.put("1234567.0", "1.234567e+06");
    printed.put("999999.0", "999999");
    printed.put("100000.0", "100000");
    printed.put("123456.7", "123456.7");
    printed.put("0.5", "0.5");
    printed.put(".5", "0.5");
    printed.put("-.5", "-0.5");
    printed.put("0.10", "0.1");
    printed.put("1.0", "1");
    printed.put("3.", "3");
    printed.put("1e3", "1000");
    printed.put("1_000.5", "1000.5");
    printed.put("0.0", "0");
    printed.put("-0.0", "-0");
    printed.put("09", "9"); // not octal, so a float to go-yaml
    printed.put("018", "18");
    printed.put("18446744073709551616", "1.8446744073709552e+19");
    printed.put("+12345678901234567890", "1.2345678901234567e+19"); // ParseUint takes no sign
    printed.put("-9223372036854775809", "-9.223372036854776e+18");
    printed.put("123456789012345678901234", "1.2345678901234569e+23"); // the nearer of two 17-digit readings
    printed.put("2.82879384806159e17", "2.82879384806159e+17"); // Java 17's Double.toString has 18 digits here
    printed.put("1.7976931348623157e308", "1.7976931348623157e+308");
    printed.put("4.9e-324", "5e-324");
    printed.put("0.1e1", "1");
    printed.put("0.3", "0.3");
    printed.put("2.5e-5", "2.5e-05");
    printed.put(".inf", "+Inf");
    printed.put("+.Inf", "+Inf");
    printed.put("-.inf", "-Inf");
    printed.put(".nan", "NaN");
    printed.forEach((text, go) -> assertThat(Scalars.goFloat(text)).as(text).isEqualTo(go));
  }

  /** The same through a scalar: an int, a bool and a float as the string Compose makes of each. */
  @Test
  void aScalarAsComposesString() {
    Map<String, String> printed = new LinkedHashMap<>();
    printed.put("0x1F", "31");
    printed.put("0o17", "15");
    printed.put("017", "15");
    printed.put("+12", "12");
    printed.put("-0", "-0"); // a float to go-yaml v4: negative zero
    printed.put("0b101", "5");
    printed.put("1_000", "1000");
    printed.put("9223372036854775807", "9223372036854775807");
    printed.put("-0x8000000000000000", "-9223372036854775808");
    printed.put("TRUE", "true");
    printed.put("1e6", "1e+06");
    // a uint64 keeps every digit, in whichever base it was written
    printed.put("12345678901234567890", "12345678901234567890");
    printed.put("18446744073709551615", "18446744073709551615");
    printed.put("01777777777777777777777", "18446744073709551615");
    printed.put("0xFFFFFFFFFFFFFFFF", "18446744073709551615");
    printed.put("0XFF", "255");
    printed.put("0o1777777777777777777777", "18446744073709551615");
    printed.put("0b1" + "0".repeat(63), "9223372036854775808");
    printed.put("nginx", "nginx");
    printed.forEach((text, go) -> {
      ScalarNode scalar = new ScalarNode(text, Scalars.resolvePlain(text), ScalarNode.Style.PLAIN, null, Node.MergeTag.NONE);
      assertThat(scalar.asComposeString().value()).as(text).isEqualTo(go);
      assertThat(scalar.asComposeString().type()).as(text).isEqualTo(ScalarNode.Type.STRING);
    });
  }

  /** Go's encoding/json: the shortest digits, 'f' from 1e-6 up to 1e21, 'e' outside with no padded exponent. */
  @Test
  void floatsAsGoJsonWritesThem() {
    Map<Double, String> written = new LinkedHashMap<>();
    written.put(1e20, "100000000000000000000");
    written.put(1e21, "1e+21");
    written.put(123456789.0, "123456789");
    written.put(1e-6, "0.000001");
    written.put(9.99e-7, "9.99e-7");
    written.put(1.5e-300, "1.5e-300");
    written.put(-0.0, "-0");
    written.put(0.0, "0");
    written.put(-2.5, "-2.5");
    written.put(0.1, "0.1");
    written.forEach((d, go) -> assertThat(Scalars.goJsonFloat(d)).as("%s", d).isEqualTo(go));
  }

  /**
   * A decimal written with at most 15 significant digits is printed from its own digits, without the search for
   * the shortest: the same text as the search gives for its float, whatever its form and exponent.
   */
  @Test
  void aWrittenDecimalPrintsAsTheSearchForItsFloatWould() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
      for (int k = random.nextInt(15); k > 0; k--) {
        digits.append((char) ('0' + random.nextInt(10)));
      }
      int split = 1 + random.nextInt(digits.length());
      String text = (random.nextBoolean() ? "-" : "") + digits.substring(0, split) + "." + digits.substring(split)
          + (random.nextBoolean() ? "e" + (random.nextInt(640) - 330) : "");
      assertThat(Scalars.goFloat(text)).as(text).isEqualTo(Scalars.goFloat(Scalars.parseFloat(text)));
    }
  }
}
