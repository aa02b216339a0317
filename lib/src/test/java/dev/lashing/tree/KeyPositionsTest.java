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
    assertThat(index.crowded()).as("keys of unrelated hashes stay in the table").isFalse();
  }

  @Test
  void movesIntoAMapWhenManyKeysShareAHash() {
    // 2^14 keys of one hash: in the table each look-up would walk all the keys placed before it
    KeyPositions index = new KeyPositions(1);
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < 1 << 14; i++) {
      String key = collidingWord(i, 14);
      expected.put(key, i);
      assertThat(index.putIfAbsent(key, i)).isEqualTo(-1);
      assertThat(index.putIfAbsent(key, -5)).isEqualTo(i);
    }
    assertThat(index.crowded()).isTrue();
    expected.forEach((key, position) -> assertThat(index.get(key)).isEqualTo(position));
    assertThat(index.get(collidingWord(1 << 14, 15))).isEqualTo(-1);
    assertThat(index.putIfAbsent("other", 7)).isEqualTo(-1);
    assertThat(index.get("other")).isEqualTo(7);
  }

  @Test
  void findsKeysPlacedBeforeItGrewAmongCollidingOnes() {
    // sized for all: no growing, so the move happens while a key is placed, not while the table grows
    KeyPositions index = new KeyPositions(1 << 10);
    for (int i = 0; i < 1 << 10; i++) {
      index.putIfAbsent(collidingWord(i, 10), i);
    }
    assertThat(index.crowded()).isTrue();
    for (int i = 0; i < 1 << 10; i++) {
      assertThat(index.get(collidingWord(i, 10))).isEqualTo(i);
    }
  }

  /** The {@code bits} bits of {@code n} as a word of "Aa" (one) and "BB" (zero): all such words hash alike. */
  private static String collidingWord(int n, int bits) {
    StringBuilder word = new StringBuilder();
    for (int b = 0; b < bits; b++) {
      word.append((n >> b & 1) == 1 ? "Aa" : "BB");
    }
    return word.toString();
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
