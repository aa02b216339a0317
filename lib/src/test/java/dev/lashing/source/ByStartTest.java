package dev.lashing.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ByStartTest {
  private static SourceRange at(String file, int start, int end) {
    return new SourceRange(file, 1, start + 1, 1, end + 1, start, end);
  }

  private final ByStart<SourceRange> ranges = new ByStart<>(
      List.of(at("a", 30, 32), at("b", 12, 14), at("a", 10, 12), at("a", 20, 25), at("a", 9, 11)), r -> r);

  @Test
  void thoseStartingWithinARangeAreFoundInTheOrderTheyStartItsEndsIncluded() {
    assertThat(ranges.startingWithin(at("a", 10, 20))).containsExactly(at("a", 10, 12), at("a", 20, 25));
    assertThat(ranges.startingWithin(at("a", 0, 100)))
        .containsExactly(at("a", 9, 11), at("a", 10, 12), at("a", 20, 25), at("a", 30, 32));
  }

  @Test
  void noneStartingWithinOrInAnotherFile() {
    assertThat(ranges.startingWithin(at("a", 21, 29))).isEmpty();
    assertThat(ranges.startingWithin(at("c", 0, 100))).isEmpty();
    assertThat(ranges.startingWithin(at("b", 0, 100))).containsExactly(at("b", 12, 14));
  }
}
