package dev.lashing.model;

import dev.lashing.tree.KeyPositions;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map of texts in insertion order, held in one array of keys and values (and, past a few entries,
 * an index of their positions by key, which keys made to collide do not slow down). A model keeps a dozen maps per
 * service (environment, labels, dependencies...) for as long as a run lasts: as LinkedHashMaps behind an
 * unmodifiable view they were five objects and one entry object per key, the largest share of what the collector
 * copied for a large file's model.
 */
final class OrderedMap<V> extends AbstractMap<String, V> {
  /** Up to this many entries a key is looked for from the first; beyond, through {@link #positions}. */
  private static final int SCANNED = 8;

  /** key, value, key, value... in insertion order. */
  private final Object[] keysAndValues;
  /** The position of each key's entry; null when small. */
  private final KeyPositions positions;

  private OrderedMap(Object[] keysAndValues) {
    this.keysAndValues = keysAndValues;
    int size = keysAndValues.length / 2;
    this.positions = size > SCANNED ? positions(keysAndValues, size) : null;
  }

  /** {@code map}'s entries in its iteration order. */
  static <V> Map<String, V> copyOf(Map<String, V> map) {
    Object[] keysAndValues = new Object[map.size() * 2];
    int i = 0;
    for (Entry<String, V> e : map.entrySet()) {
      keysAndValues[i++] = e.getKey();
      keysAndValues[i++] = e.getValue();
    }
    return new OrderedMap<>(keysAndValues);
  }

  private static KeyPositions positions(Object[] keysAndValues, int size) {
    KeyPositions index = new KeyPositions(size);
    for (int position = 0; position < size; position++) {
      if (keysAndValues[position * 2] instanceof String key) { // a null key is looked for by walking
        index.putIfAbsent(key, position);
      }
    }
    return index;
  }

  /** The position of {@code key}'s entry, or -1. */
  private int find(Object key) {
    if (positions != null && key instanceof String text) {
      return positions.get(text);
    }
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (Objects.equals(key, keysAndValues[i])) {
        return i / 2;
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
  public void forEach(BiConsumer<? super String, ? super V> action) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      action.accept((String) keysAndValues[i], (V) keysAndValues[i + 1]);
    }
  }

  /** The keys in order, read from the array: no entry is made for each, as {@link #entrySet} does. */
  @Override
  public Set<String> keySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return OrderedMap.this.size();
      }

      @Override
      public boolean contains(Object key) {
        return containsKey(key);
      }

      @Override
      public Iterator<String> iterator() {
        return new Every<>(0);
      }
    };
  }

  /** The values in order, read from the array: the rules walk a project's services this way, each of them. */
  @Override
  public Collection<V> values() {
    return new AbstractCollection<>() {
      @Override
      public int size() {
        return OrderedMap.this.size();
      }

      @Override
      public Iterator<V> iterator() {
        return new Every<>(1);
      }
    };
  }

  /** Every other element of the array from {@code first}: the keys from 0, the values from 1. */
  private final class Every<T> implements Iterator<T> {
    private int next;

    Every(int first) {
      this.next = first;
    }

    @Override
    public boolean hasNext() {
      return next < keysAndValues.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
      if (next >= keysAndValues.length) {
        throw new NoSuchElementException();
      }
      T element = (T) keysAndValues[next];
      next += 2;
      return element;
    }
  }

  @Override
  public Set<Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return OrderedMap.this.size();
      }

      @Override
      public Iterator<Entry<String, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keysAndValues.length;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Entry<String, V> next() {
            if (next >= keysAndValues.length) {
              throw new NoSuchElementException();
            }
            Entry<String, V> entry =
                new SimpleImmutableEntry<>((String) keysAndValues[next], (V) keysAndValues[next + 1]);
            next += 2;
            return entry;
          }
        };
      }
    };
  }
}
