package dev.lashing.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetsTest {
  private static final int[] OFFSETS = {3, 7, 7, 7, 12};

  /** Found both ways, which must agree: through a function of the index and in the array itself. */
  private static int firstAtOrAfter(int offset) {
    int found = Offsets.firstAtOrAfter(OFFSETS.length, i -> OFFSETS[i], offset);
    assertThat(Offsets.firstAtOrAfter(OFFSETS, OFFSETS.length, offset)).isEqualTo(found);
    return found;
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
    assertThat(Offsets.firstAtOrAfter(OFFSETS, 0, 5)).isZero();
  }

  @Test
  void onlyTheFirstSizeOffsetsOfAnArrayAreSearched() {
    assertThat(Offsets.firstAtOrAfter(OFFSETS, 2, 12)).isEqualTo(2);
    assertThat(Offsets.firstAtOrAfter(OFFSETS, 2, 5)).isEqualTo(1);
  }
}
