package dev.lashing.tree;

/**
 * Where each key of a large mapping is first found, by position: a table of keys and their positions in two
 * arrays (open addressing), not a {@code HashMap<String, Integer>}, which spends an entry object and a boxed
 * position on every key. A mapping of a million keys (the labels of a 16 MiB file) is indexed in 16 MB
 * instead of 50 MB, and the collector has two arrays to copy instead of two million objects.
 *
 * <p>Not thread-safe: whoever adds keys must keep others from reading meanwhile.
 */
public final class KeyPositions {
  /** Below this many keys a walk over them is as fast as a look-up here and costs no memory. */
  public static final int WORTH_FROM = 16;

  private String[] keys;
  private int[] positions;
  private int size;

  /** An index sized for {@code expected} keys: no growing while they are added. */
  public KeyPositions(int expected) {
    int capacity = capacityFor(expected);
    keys = new String[capacity];
    positions = new int[capacity];
  }

  /** A power of two at least twice {@code count}: the table is at most half full, so probes stay short. */
  private static int capacityFor(int count) {
    return Integer.highestOneBit(Math.max(4, 2 * count) - 1) << 1;
  }

  /** The position recorded for {@code key}, or -1. */
  public int get(String key) {
    int hash = key.hashCode();
    int mask = keys.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return -1;
      }
      // a string keeps its hash: comparing it first spares comparing the text of keys that only share a slot
      if (k.hashCode() == hash && k.equals(key)) {
        return positions[i];
      }
    }
  }

  /** Records {@code key} at {@code position} unless it is recorded; returns the earlier position, or -1. */
  public int putIfAbsent(String key, int position) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int hash = key.hashCode();
    int mask = keys.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        keys[i] = key;
        positions[i] = position;
        size++;
        return -1;
      }
      if (k.hashCode() == hash && k.equals(key)) {
        return positions[i];
      }
    }
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldPositions = positions;
    keys = new String[2 * oldKeys.length];
    positions = new int[keys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = spread(oldKeys[j].hashCode()) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        positions[i] = oldPositions[j];
      }
    }
  }

  /** The high bits of the hash mixed into the low ones the mask keeps, as {@code HashMap} does. */
  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
