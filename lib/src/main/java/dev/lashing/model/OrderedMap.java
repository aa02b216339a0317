package dev.lashing.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map in insertion order, held in one array of keys and values (and, past a few entries, a table
 * of their positions by hash). A model keeps a dozen maps per service (environment, labels, dependencies...)
 * for as long as a run lasts: as LinkedHashMaps behind an unmodifiable view they were five objects and one entry
 * object per key, the largest share of what the collector copied for a large file's model.
 */
final class OrderedMap<K, V> extends AbstractMap<K, V> {
  /** Up to this many entries a key is looked for from the first; beyond, through {@link #positions}. */
  private static final int SCANNED = 8;

  /** key, value, key, value... in insertion order. */
  private final Object[] keysAndValues;
  /** Open addressing by the key's hash: 1 + the position of an entry, 0 for an empty slot; null when small. */
  private final int[] positions;

  private OrderedMap(Object[] keysAndValues) {
    this.keysAndValues = keysAndValues;
    int size = keysAndValues.length / 2;
    this.positions = size > SCANNED ? positions(keysAndValues, size) : null;
  }

  /** {@code map}'s entries in its iteration order. */
  static <K, V> Map<K, V> copyOf(Map<K, V> map) {
    Object[] keysAndValues = new Object[map.size() * 2];
    int i = 0;
    for (Entry<K, V> e : map.entrySet()) {
      keysAndValues[i++] = e.getKey();
      keysAndValues[i++] = e.getValue();
    }
    return new OrderedMap<>(keysAndValues);
  }

  private static int[] positions(Object[] keysAndValues, int size) {
    int[] table = new int[Integer.highestOneBit(size * 2 - 1) << 1];
    for (int position = 0; position < size; position++) {
      int slot = slot(keysAndValues[position * 2], table.length);
      while (table[slot] != 0) {
        slot = (slot + 1) & (table.length - 1);
      }
      table[slot] = position + 1;
    }
    return table;
  }

  private static int slot(Object key, int tableLength) {
    int hash = Objects.hashCode(key);
    return (hash ^ hash >>> 16) & (tableLength - 1);
  }

  /** The position of {@code key}'s entry, or -1. */
  private int find(Object key) {
    if (positions == null) {
      for (int i = 0; i < keysAndValues.length; i += 2) {
        if (Objects.equals(key, keysAndValues[i])) {
          return i / 2;
        }
      }
      return -1;
    }
    for (int slot = slot(key, positions.length); positions[slot] != 0; slot = (slot + 1) & (positions.length - 1)) {
      int position = positions[slot] - 1;
      if (Objects.equals(key, keysAndValues[position * 2])) {
        return position;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return keysAndValues.length / 2;
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int position = find(key);
    return position < 0 ? null : (V) keysAndValues[position * 2 + 1];
  }

  @Override
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super K, ? super V> action) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      action.accept((K) keysAndValues[i], (V) keysAndValues[i + 1]);
    }
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return OrderedMap.this.size();
      }

      @Override
      public Iterator<Entry<K, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keysAndValues.length;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Entry<K, V> next() {
            if (next >= keysAndValues.length) {
              throw new NoSuchElementException();
            }
            Entry<K, V> entry = new SimpleImmutableEntry<>((K) keysAndValues[next], (V) keysAndValues[next + 1]);
            next += 2;
            return entry;
          }
        };
      }
    };
  }
}
