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
    V there = get(start, end);
    if (there == null) {
      put(start, end, value);
    }
    return there;
  }

  /** Puts the value at the range, replacing the one there. */
  void put(int start, int end, V value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    if (insert(keys, values, key(start, end), value)) {
      size++;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        insert(keys, values, oldKeys[i], oldValues[i]);
      }
    }
  }

  /** Whether the key was new. */
  private static boolean insert(long[] keys, Object[] values, long key, Object value) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (values[i] != null) {
      if (keys[i] == key) {
        values[i] = value;
        return false;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    return true;
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
