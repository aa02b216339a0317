package dev.lashing.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonTreeReaderTest {
  /** The tree of a text, read as the validator reads its schema. */
  private static JsonNode read(String text) {
    return JsonTreeReader.tree(SchemaValidator.parse(text));
  }

  /** Jackson's own reading is the reference; numbers are equal by value (it picks int, long or BigInteger). */
  private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  @ParameterizedTest
  @ValueSource(strings = {"compose-spec.schema.json", "lashing-config.schema.json", "lashing-report.schema.json",
      "lashing-inventory.schema.json", "lashing-audit-log.schema.json"})
  void readsEveryBundledSchemaAsJacksonDoes(String schema) throws IOException {
    String text;
    try (InputStream in = JsonTreeReaderTest.class.getResourceAsStream("/dev/lashing/schemas/" + schema)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    JsonNode read = read(text);

    assertThat(read.equals(SAME_VALUE, JsonMapper.shared().readTree(text))).isTrue();
  }

  @Test
  void decodesEveryEscape() {
    JsonNode read = read("[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u2603\"]");

    assertThat(read.get(0).asString()).isEqualTo("a\"b\\c/d\b\f\n\r\té\u2603");
  }

  @Test
  void keepsIntegersBeyondALongExact() {
    JsonNode read = read("{\"small\": -1000, \"big\": 123456789012345678901234567890, \"x\": 1.5e2}");

    assertThat(read.get("small").longValue()).isEqualTo(-1000L);
    assertThat(read.get("big").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(read.get("x").doubleValue()).isEqualTo(150.0);
  }

  @Test
  void keepsPropertiesInTheirWrittenOrder() {
    JsonNode read = read("{\"b\": true, \"a\": null, \"c\": {}, \"d\": []}");

    assertThat(read.propertyNames()).containsExactly("b", "a", "c", "d");
    assertThat(read.get("b").booleanValue()).isTrue();
    assertThat(read.get("a").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\": 1} x", "{\"a\" 1}", "[1, 2", "{\"a\": tru}", "\"open", "[\"\\q\"]", "{1: 2}", ""})
  void refusesTextThatIsNotOneJsonValue(String text) {
    assertThatThrownBy(() -> read(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid JSON at offset ");
  }
}
