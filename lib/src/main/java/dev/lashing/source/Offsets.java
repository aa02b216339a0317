package dev.lashing.source;

import java.util.function.IntUnaryOperator;

/** Searches over offsets kept in ascending order, as positions are. */
public final class Offsets {
  private Offsets() {}

  /**
   * The first index below {@code size} whose offset ({@code offsetAt}, ascending with the index) is {@code offset}
   * or after it; {@code size} when none is. Found by halving.
   */
  public static int firstAtOrAfter(int size, IntUnaryOperator offsetAt, int offset) {
    int low = 0;
    int high = size;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (offsetAt.applyAsInt(middle) < offset) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /**
   * The same over the first {@code size} offsets of an array. A loop of its own: the reader asks it for each value
   * it reads, where a lambda over the array would be made at each call and called through an interface at each step.
   */
  public static int firstAtOrAfter(int[] offsets, int size, int offset) {
    int low = 0;
    int high = size;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (offsets[middle] < offset) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
