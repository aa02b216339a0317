package dev.lashing.fix;

/**
 * Values by a range of text ({@code [start, end)}), in open addressing: a file's every node is put here once and
 * looked up again for each merged node, and a {@code HashMap} of boxed keys spent most of that time following
 * pointers to them. Nothing is removed.
 */
final class RangeMap<V> {
  private long[] keys = new long[16];
  private Object[] values = new Object[16];
  private int size;

  /** The value at the range, or null. */
  @SuppressWarnings("unchecked")
  V get(int start, int end) {
    long key = key(start, end);
    int mask = keys.length - 1;
    for (int i = slot(key, mask); values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return (V) values[i];
      }
    }
    return null;
  }

  /** Puts the value at the range unless one is there already; returns the one there, or null. */
  V putIfAbsent(int start, int end, V value) {
    return put(key(start, end), value, false);
  }

  /** Puts the value at the range, replacing the one there. */
  void put(int start, int end, V value) {
    put(key(start, end), value, true);
  }

  /** One probe for both: the value there before (null when the key is new), replaced or not. */
  @SuppressWarnings("unchecked")
  private V put(long key, V value, boolean replace) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    for (; values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == key) {
        V there = (V) values[i];
        if (replace) {
          values[i] = value;
        }
        return there;
      }
    }
    keys[i] = key;
    values[i] = value;
    size++;
    return null;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldValues[j] != null) {
        // the keys are distinct: each goes to the first free slot from its own
        int i = slot(oldKeys[j], mask);
        while (values[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }

  /**
   * A range as one number: the two offsets side by side, multiplied by an odd constant, which keeps them apart (a
   * bijection) and mixes them, so that the high bits make a good slot.
   */
  private static long key(int start, int end) {
    return (((long) start << 32) | (end & 0xffffffffL)) * 0x9E3779B97F4A7C15L;
  }

  private static int slot(long key, int mask) {
    return (int) (key >>> 32) & mask;
  }
}
