package dev.lashing.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
  @Test
  void isStrict() throws Exception {
    assertThat(JsonReader.parse("{\"a\":[1,-2.5e3,true,false,null,{\"b\":\"\\u00e9\\n\"}]}").toString())
        .isEqualTo("{a=[1, -2500.0, true, false, null, {b=\u00e9\n}]}");
    for (String bad : List.of("{\"a\":1,}", "{\"a\":01x}", "{a:1}", "{\"a\":1} x", "{\"a\":tru}", "{\"a\":\"\\q\"}",
        "{\"a\":1,\"a\":2}")) {
      assertThatThrownBy(() -> JsonReader.parse(bad)).as(bad).isInstanceOf(JsonReader.JsonException.class);
    }
    assertThatThrownBy(() -> JsonReader.parse("[".repeat(100))).hasMessageContaining("nested deeper than 64");
  }

  @Test
  void givesNumbersAsJsonLibrariesDo() throws Exception {
    Map<?, ?> numbers = (Map<?, ?>) JsonReader.parse(
        "{\"small\": -1000, \"big\": 123456789012345678901234567890, \"x\": 1.5e2, \"y\": 0.5}");
    assertThat(numbers.get("small")).isEqualTo(-1000L);
    assertThat(numbers.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(numbers.get("x")).isEqualTo(150.0);
    assertThat(numbers.get("y")).isEqualTo(0.5);
  }

  @Test
  void readsTextOverSeveralLines() throws Exception {
    assertThat(JsonReader.parse("{\n  \"a\": [\n    1\n  ]\n}\n")).isEqualTo(Map.of("a", List.of(1L)));
  }

  @Test
  void saysWhereTheTextStopsBeingJson() {
    assertThatThrownBy(() -> JsonReader.parse("{\"a\": tru}"))
        .isInstanceOfSatisfying(JsonReader.JsonException.class, e -> assertThat(e.index).isEqualTo(6));
  }
}
