package dev.lashing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrozenTest {
  private static LinkedHashMap<String, String> written() {
    LinkedHashMap<String, String> map = new LinkedHashMap<>();
    map.put("b", "2");
    map.put("a", "1");
    return map;
  }

  @Test
  void aMapHandedOverIsTakenWithoutACopyAndReadsAsTheMapItHolds() {
    Map<String, String> handed = Frozen.handedOver(written());

    assertThat(Frozen.map(handed)).isSameAs(handed);
    assertThat(handed).isEqualTo(written()).hasSameHashCodeAs(written()).hasToString("{b=2, a=1}");
    assertThat(handed.keySet()).containsExactly("b", "a");
    assertThat(handed.get("a")).isEqualTo("1");
    assertThat(handed.get("c")).isNull();
    assertThat(handed.containsKey("b")).isTrue();
    assertThatThrownBy(() -> handed.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> handed.entrySet().iterator().next().setValue("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anyOtherMapIsCopiedInWrittenOrder() {
    LinkedHashMap<String, String> source = written();
    Map<String, String> frozen = Frozen.map(source);
    source.put("c", "3");

    assertThat(frozen).isEqualTo(written());
    assertThat(frozen.keySet()).containsExactly("b", "a");
    assertThatThrownBy(() -> frozen.remove("a")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anEmptyMapIsTheSharedEmptyOne() {
    assertThat(Frozen.map(new LinkedHashMap<String, String>())).isSameAs(Frozen.map(Map.of()));
    assertThat(Frozen.map(Frozen.handedOver(new LinkedHashMap<String, String>()))).isEmpty();
  }
}
