package dev.lashing.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyPositionsTest {
  @Test
  void keepsTheFirstPositionOfEachKeyAsAHashMapWould() {
    KeyPositions index = new KeyPositions(1); // sized for one key: grows many times on the way
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      String key = "k" + (i % 30_000); // the last 20,000 repeat earlier keys
      Integer earlier = expected.putIfAbsent(key, i);
      assertThat(index.putIfAbsent(key, i)).isEqualTo(earlier == null ? -1 : earlier);
    }
    expected.forEach((key, position) -> assertThat(index.get(key)).isEqualTo(position));
    assertThat(index.get("k30000")).isEqualTo(-1);
    assertThat(index.get("")).isEqualTo(-1);
  }

  @Test
  void tellsApartKeysWhoseHashesCollide() {
    // "Aa" and "BB" have the same String hash, as have all their concatenations
    String[] colliding = {"AaAa", "AaBB", "BBAa", "BBBB"};
    KeyPositions index = new KeyPositions(4);
    for (int i = 0; i < colliding.length; i++) {
      assertThat(index.putIfAbsent(colliding[i], i)).isEqualTo(-1);
    }
    for (int i = 0; i < colliding.length; i++) {
      assertThat(index.get(colliding[i])).isEqualTo(i);
      assertThat(index.putIfAbsent(new String(colliding[i]), 99)).isEqualTo(i);
    }
    assertThat(index.get("AaAB")).isEqualTo(-1);
  }
}
