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
    for (String text : new String[] {"0", "7", "-1", "+1", "1_000", "0755", "0o17", "0x1F", "0xfe", "0b101"}) {
      expected.put(text, ScalarNode.Type.INT);
    }
    for (String text : new String[] {"1.5", ".5", "-.5", "1e3", "1E3", "1.27", "1.", "-.inf", "+.Inf", "-.INF",
        ".nan", ".NaN", ".NAN", "9223372036854775808"}) {
      expected.put(text, ScalarNode.Type.FLOAT);
    }
    for (String text : new String[] {"nULL", "nil", "tRUE", "yes", "no", "on", "off", "nginx:1.27", "22:22", "-",
        ".", "+", "0x", "1.2.3", "8080:80", "10m", "512M", "1.5G", "0X1F", "0O17", "1_000a", ".inf.", "1e", "true ",
        "fal", "trueish", "NaN", "inf"}) {
      expected.put(text, ScalarNode.Type.STRING);
    }
    expected.forEach((text, type) -> assertThat(Scalars.resolvePlain(text)).as("'" + text + "'").isEqualTo(type));
  }

  /** Go prints a whole float in full below 1e21, also past the largest long (not clamped to it). */
  @Test
  void wholeFloatsArePrintedInFull() {
    Map<String, String> printed = new LinkedHashMap<>();
    printed.put("3.0", "3");
    printed.put("-2e3", "-2000");
    printed.put("9223372036854775808", "9223372036854776000");
    printed.put("99999999999999999999", "100000000000000000000");
    printed.put("1.5", "1.5");
    printed.forEach((text, canonical) -> assertThat(Scalars.canonicalFloat(text)).as(text).isEqualTo(canonical));
  }
}
