package dev.lashing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class FrozenTest {
  private static LinkedHashMap<String, String> written() {
    LinkedHashMap<String, String> map = new LinkedHashMap<>();
    map.put("b", "2");
    map.put("a", "1");
    return map;
  }

  @Test
  void aMapIsCopiedInWrittenOrderAndReadsAsTheMapItWasMadeFrom() {
    LinkedHashMap<String, String> source = written();
    Map<String, String> frozen = Frozen.map(source);
    source.put("c", "3");

    assertThat(frozen).isEqualTo(written()).hasSameHashCodeAs(written()).hasToString("{b=2, a=1}");
    assertThat(frozen.keySet()).containsExactly("b", "a").contains("a").doesNotContain("c");
    assertThat(frozen.values()).containsExactly("2", "1");
    Iterator<String> values = frozen.values().iterator();
    values.next();
    values.next();
    assertThatThrownBy(values::next).isInstanceOf(NoSuchElementException.class);
    assertThat(frozen.get("a")).isEqualTo("1");
    assertThat(frozen.get("c")).isNull();
    assertThat(frozen.containsKey("b")).isTrue();
    assertThat(frozen.containsKey("c")).isFalse();
    List<String> visited = new ArrayList<>();
    frozen.forEach((key, value) -> visited.add(key + "=" + value));
    assertThat(visited).containsExactly("b=2", "a=1");
  }

  @Test
  void aFrozenMapCannotBeChanged() {
    Map<String, String> frozen = Frozen.map(written());

    assertThat(Frozen.map(frozen)).isSameAs(frozen);
    assertThatThrownBy(() -> frozen.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> frozen.keySet().iterator().remove()).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> frozen.values().iterator().remove()).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> frozen.values().clear()).isInstanceOf(RuntimeException.class);
  }

  /** Past a few entries keys are found by hash; colliding hashes and null keys and values still work. */
  @Test
  void aLargeMapFindsEveryKeyAndNoOther() {
    LinkedHashMap<String, Integer> source = new LinkedHashMap<>();
    for (int i = 0; i < 5000; i++) {
      source.put("label-" + i, i);
    }
    source.put("Aa", -1); // "Aa" and "BB" have the same hash code
    source.put("BB", -2);
    source.put(null, -3);
    source.put("nothing", null);
    Map<String, Integer> frozen = Frozen.map(source);

    assertThat(frozen).hasSize(5004).isEqualTo(source);
    assertThat(new ArrayList<>(frozen.keySet())).isEqualTo(new ArrayList<>(source.keySet()));
    for (Map.Entry<String, Integer> e : source.entrySet()) {
      assertThat(frozen.get(e.getKey())).isEqualTo(e.getValue());
      assertThat(frozen.containsKey(e.getKey())).isTrue();
    }
    assertThat(frozen.get("label-5000")).isNull();
    assertThat(frozen.containsKey("label-5000")).isFalse();
    assertThat(frozen.containsKey("nothing")).isTrue();
    assertThat(new HashMap<>(frozen)).isEqualTo(source);
  }

  @Test
  void keysThatShareOneHashAreEachFound() {
    // every word of twelve "Aa" or "BB" has the same String hash: 4,096 keys in one place of a hash table
    LinkedHashMap<String, Integer> source = new LinkedHashMap<>();
    for (int i = 0; i < 1 << 12; i++) {
      StringBuilder key = new StringBuilder();
      for (int bit = 0; bit < 12; bit++) {
        key.append((i >> bit & 1) == 1 ? "Aa" : "BB");
      }
      source.put(key.toString(), i);
    }
    Map<String, Integer> frozen = Frozen.map(source);

    assertThat(new ArrayList<>(frozen.keySet())).isEqualTo(new ArrayList<>(source.keySet()));
    source.forEach((key, value) -> assertThat(frozen.get(key)).isEqualTo(value));
    assertThat(frozen.get("AaAaAaAaAaAaAaAaAaAaAaBB" + "x")).isNull();
  }

  @Test
  void anEmptyMapIsTheSharedEmptyOne() {
    assertThat(Frozen.map(new LinkedHashMap<String, String>())).isSameAs(Frozen.map(Map.of()));
  }
}
