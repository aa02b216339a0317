package dev.lashing.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetsTest {
  private static final int[] OFFSETS = {3, 7, 7, 7, 12};

  private static int firstAtOrAfter(int offset) {
    return Offsets.firstAtOrAfter(OFFSETS.length, i -> OFFSETS[i], offset);
  }

  @Test
  void theFirstOfEqualOffsetsIsFound() {
    assertThat(firstAtOrAfter(7)).isEqualTo(1);
  }

  @Test
  void anOffsetBetweenTwoFindsTheLater() {
    assertThat(firstAtOrAfter(4)).isEqualTo(1);
    assertThat(firstAtOrAfter(8)).isEqualTo(4);
  }

  @Test
  void beforeAllIsTheFirstAndAfterAllIsTheSize() {
    assertThat(firstAtOrAfter(0)).isZero();
    assertThat(firstAtOrAfter(13)).isEqualTo(OFFSETS.length);
    assertThat(Offsets.firstAtOrAfter(0, i -> 0, 5)).isZero();
  }
}
