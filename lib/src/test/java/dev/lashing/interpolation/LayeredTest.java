package dev.lashing.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayeredTest {
  /** What the layers stand for: the second copied, then the first put over it. */
  private static Map<String, String> copied(Map<String, String> first, Map<String, String> second) {
    Map<String, String> copy = new HashMap<>(second);
    copy.putAll(first);
    return copy;
  }

  @Test
  void readsAsTheSecondWithTheFirstPutOverIt() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("TAG", "from-file");
    files.put("DB", "postgres");
    files.put("EMPTY", "");
    List<Map<String, String>> firsts = List.of(Map.of(), Map.of("TAG", "from-os"),
        Map.of("HOME", "/root", "TAG", "os"), Map.of("COMPOSE_PROJECT_NAME", "shop"));
    for (Map<String, String> first : firsts) {
      Map<String, String> expected = copied(first, files);
      Map<String, String> layered = new Layered(first, files);
      assertThat(layered).as("over %s", first).isEqualTo(expected).hasSameHashCodeAs(expected)
          .hasSize(expected.size());
      assertThat(layered.entrySet()).hasSize(expected.size())
          .containsExactlyInAnyOrderElementsOf(expected.entrySet());
      assertThat(new HashMap<>(layered)).isEqualTo(expected);
      expected.forEach((name, value) -> {
        assertThat(layered.get(name)).isEqualTo(value);
        assertThat(layered.containsKey(name)).isTrue();
      });
      assertThat(layered.get("UNSET")).isNull();
      assertThat(layered.containsKey("UNSET")).isFalse();
    }
  }

  @Test
  void anEmptyValueInTheFirstWinsToo() {
    assertThat(new Layered(Map.of("TAG", ""), Map.of("TAG", "1.27")).get("TAG")).isEmpty();
  }

  @Test
  void cannotBeChanged() {
    Map<String, String> layered = new Layered(Map.of("A", "1"), new LinkedHashMap<>(Map.of("B", "2")));
    assertThatThrownBy(() -> layered.put("C", "3")).isInstanceOf(UnsupportedOperationException.class);
    for (Map.Entry<String, String> e : layered.entrySet()) {
      assertThatThrownBy(() -> e.setValue("x")).isInstanceOf(UnsupportedOperationException.class);
    }
    assertThatThrownBy(() -> layered.keySet().iterator().remove()).isInstanceOf(RuntimeException.class);
  }
}
