package dev.lashing.tree;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The unmodifiable entries of a {@link MapNode}, with an index from key to entry once the mapping is large
 * enough that walking it costs more than hashing: a compose file's {@code services} can hold thousands of
 * keys, and the loader and the rules look keys up for each of them.
 */
final class EntryList extends AbstractList<MapNode.Entry> implements RandomAccess {
  /** Below this size a walk over the entries is as fast as a hash lookup and costs no memory. */
  private static final int INDEXED_FROM = 16;

  private final MapNode.Entry[] entries;
  /** The first entry of each key; null for small mappings. */
  private final Map<String, MapNode.Entry> byKey;

  private EntryList(MapNode.Entry[] entries) {
    this.entries = entries;
    if (entries.length < INDEXED_FROM) {
      this.byKey = null;
    } else {
      this.byKey = new HashMap<>(entries.length * 4 / 3 + 1);
      for (MapNode.Entry e : entries) {
        byKey.putIfAbsent(e.name(), e);
      }
    }
  }

  /** The entries as an EntryList, copied unless they already are one; null entries are refused. */
  static EntryList of(List<MapNode.Entry> entries) {
    if (entries instanceof EntryList list) {
      return list;
    }
    MapNode.Entry[] copy = entries.toArray(new MapNode.Entry[0]);
    for (MapNode.Entry e : copy) {
      Objects.requireNonNull(e, "entry");
    }
    return new EntryList(copy);
  }

  /** The first entry whose key is {@code key}, or null. */
  MapNode.Entry find(String key) {
    if (byKey != null) {
      return byKey.get(key);
    }
    for (MapNode.Entry e : entries) {
      if (e.name().equals(key)) {
        return e;
      }
    }
    return null;
  }

  @Override
  public MapNode.Entry get(int index) {
    return entries[index];
  }

  @Override
  public int size() {
    return entries.length;
  }
}
