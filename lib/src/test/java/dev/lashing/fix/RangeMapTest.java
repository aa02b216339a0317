package dev.lashing.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The range map answers as a map of (start, end) pairs does, through its growth and its collisions. */
class RangeMapTest {
  @Test
  void answersAsAMapOfPairs() {
    Random random = new Random(42);
    RangeMap<String> ranges = new RangeMap<>();
    Map<List<Integer>, String> expected = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      // small offsets repeat often: the same range is put again, and nearby ranges share slots
      int start = random.nextInt(i % 2 == 0 ? 300 : Integer.MAX_VALUE);
      int end = start + random.nextInt(50);
      String value = "v" + i;
      if (random.nextBoolean()) {
        ranges.put(start, end, value);
        expected.put(List.of(start, end), value);
      } else {
        assertThat(ranges.putIfAbsent(start, end, value)).isEqualTo(expected.putIfAbsent(List.of(start, end), value));
      }
    }
    expected.forEach((range, value) -> assertThat(ranges.get(range.get(0), range.get(1))).isEqualTo(value));
    assertThat(ranges.get(0, -1)).isNull();
    assertThat(ranges.get(299, 400)).isEqualTo(expected.get(List.of(299, 400)));
  }
}
