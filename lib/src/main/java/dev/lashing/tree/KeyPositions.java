package dev.lashing.tree;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each key of a large mapping is first found, by position: a table of keys and their positions in two
 * arrays (open addressing), not a {@code HashMap<String, Integer>}, which spends an entry object and a boxed
 * position on every key. A mapping of a million keys (the labels of a 16 MiB file) is indexed in 16 MB
 * instead of 50 MB, and the collector has two arrays to copy instead of two million objects.
 *
 * <p>Keys are placed by their {@link String#hashCode}, which anyone can make collide ("Aa" and "BB" hash alike,
 * and so do all 2<sup>n</sup> words made of n of them): a file of such keys would make each look-up walk all of
 * them. So no look-up walks more places than the longest walk any key took to be placed, and a key that needs
 * more than {@link #longestWalkAllowed} moves the index into a {@code HashMap}, whose buckets of keys that share a
 * hash are trees ordered by the keys' text.
 *
 * <p>Not thread-safe: whoever adds keys must keep others from reading meanwhile.
 */
public final class KeyPositions {
  /** Below this many keys a walk over them is as fast as a look-up here and costs no memory. */
  public static final int WORTH_FROM = 16;

  private String[] keys;
  private int[] positions;
  private int size;
  /** The most places any key walked to be placed: a key not found within as many is not here. */
  private int longestWalk;
  /** Where the keys are once they collide too much for the table; null until then. */
  private Map<String, Integer> crowded;

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
    if (crowded != null) {
      return crowded.getOrDefault(key, -1);
    }
    int hash = key.hashCode();
    int mask = keys.length - 1;
    int i = spread(hash) & mask;
    for (int walked = 0; walked < longestWalk; walked++, i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return -1;
      }
      // a string keeps its hash: comparing it first spares comparing the text of keys that only share a slot
      if (k.hashCode() == hash && k.equals(key)) {
        return positions[i];
      }
    }
    return -1;
  }

  /** Records {@code key} at {@code position} unless it is recorded; returns the earlier position, or -1. */
  public int putIfAbsent(String key, int position) {
    if (crowded != null) {
      Integer earlier = crowded.putIfAbsent(key, position);
      return earlier == null ? -1 : earlier;
    }
    if (2 * (size + 1) > keys.length) {
      grow();
      if (crowded != null) {
        return putIfAbsent(key, position);
      }
    }
    int hash = key.hashCode();
    int mask = keys.length - 1;
    int i = spread(hash) & mask;
    for (int walked = 1; ; walked++, i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        keys[i] = key;
        positions[i] = position;
        size++;
        placed(walked);
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
    longestWalk = 0;
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = spread(oldKeys[j].hashCode()) & mask;
        int walked = 1;
        while (keys[i] != null) {
          i = (i + 1) & mask;
          walked++;
        }
        keys[i] = oldKeys[j];
        positions[i] = oldPositions[j];
        longestWalk = Math.max(longestWalk, walked);
      }
    }
    if (longestWalk > longestWalkAllowed()) {
      moveToMap();
    }
  }

  /**
   * The most places a key may walk to before the index moves into a map: three times the bits of the table's
   * size. In a table at most half full, keys of unrelated hashes walk one or two places on average and the
   * longest walk grows as those bits do: measured, 13 for 1,000 numbered keys, 38 for a million (63 allowed).
   */
  private int longestWalkAllowed() {
    return 3 * Integer.numberOfTrailingZeros(keys.length);
  }

  private void placed(int walked) {
    longestWalk = Math.max(longestWalk, walked);
    if (walked > longestWalkAllowed()) {
      moveToMap();
    }
  }

  private void moveToMap() {
    crowded = new HashMap<>(keys.length); // as many keys as the table was sized for: no resizing
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        crowded.put(keys[i], positions[i]);
      }
    }
    keys = null;
    positions = null;
  }

  /** Whether the keys collided so much that they moved into a map. */
  boolean crowded() {
    return crowded != null;
  }

  /**
   * The hash with every bit mixed into the low ones the mask keeps (MurmurHash3's finalizer): keys numbered in
   * order ({@code service-0001}, {@code service-0002}...) have hashes that follow one another, which would take
   * places that follow one another and make every key placed after them walk the whole run.
   */
  private static int spread(int hash) {
    int h = (hash ^ (hash >>> 16)) * 0x85ebca6b;
    h = (h ^ (h >>> 13)) * 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
