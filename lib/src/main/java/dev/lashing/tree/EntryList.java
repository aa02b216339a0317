package dev.lashing.tree;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The unmodifiable entries of a {@link MapNode}, with an index from key to entry once the mapping is large
 * enough that walking it costs more than hashing: a compose file's {@code services} can hold thousands of
 * keys, and the loader and the rules look keys up for each of them.
 *
 * <p>A large list extended by a few entries ({@link #extend}) shares its array and index with the longer list
 * when nothing extended it before: a file of thousands of documents, each adding a service, then costs what
 * each document adds, not a copy of every service so far for each one. Only the loader extends mappings, and
 * only those it made itself in the same load; the shared index is not thread-safe because a concurrent one made
 * every load of the corpus 30% slower, so a list must not be extended while another thread reads the list it
 * extends (the synchronized block only decides which of two extensions takes the shared places).
 */
final class EntryList extends AbstractList<MapNode.Entry> implements RandomAccess {
  /**
   * What the lists that extend one another share: how many entries of their arrays are taken, and the position
   * of the first entry of each key among them.
   */
  private static final class Line {
    int taken;
    final KeyPositions firstAt;

    Line(int keys) {
      firstAt = new KeyPositions(keys);
    }
  }

  /** Holds this list's entries first; entries after {@link #size} belong to longer lists. */
  private final MapNode.Entry[] entries;
  private final int size;
  /** Null for small lists: they are walked, and copied when extended. */
  private final Line line;
  /**
   * For a small list, one bit per key ({@link #bit} of its hash): a key whose bit is clear is not here. The binder
   * asks each service for some sixty keys and finds a few, so most look-ups end at this field, without reading an
   * entry, its key node and its text from three places in memory. It fits where the object was padded.
   */
  private final int keyBits;

  private EntryList(MapNode.Entry[] entries, int size, Line line) {
    this.entries = entries;
    this.size = size;
    this.line = line;
    int bits = 0;
    if (line == null) {
      for (int i = 0; i < size; i++) {
        bits |= bit(entries[i].name().hashCode());
      }
    }
    this.keyBits = bits;
  }

  private static int bit(int hash) {
    return 1 << ((hash ^ (hash >>> 5) ^ (hash >>> 16)) & 31);
  }

  static EntryList of(List<MapNode.Entry> entries) {
    if (entries instanceof EntryList list) {
      return list;
    }
    MapNode.Entry[] copy = entries.toArray(new MapNode.Entry[0]);
    for (MapNode.Entry e : copy) {
      Objects.requireNonNull(e, "entry");
    }
    return indexed(copy);
  }

  private static EntryList indexed(MapNode.Entry[] entries) {
    if (entries.length < KeyPositions.WORTH_FROM) {
      return new EntryList(entries, entries.length, null);
    }
    Line line = new Line(entries.length);
    for (int i = 0; i < entries.length; i++) {
      line.firstAt.putIfAbsent(entries[i].name(), i);
    }
    line.taken = entries.length;
    return new EntryList(entries, entries.length, line);
  }

  /** This list followed by {@code more}. */
  EntryList extend(List<MapNode.Entry> more) {
    for (MapNode.Entry e : more) {
      Objects.requireNonNull(e, "entry");
    }
    if (line != null) {
      synchronized (line) {
        if (line.taken == size) {
          // nothing extended this list yet: the longer list takes the places after it
          MapNode.Entry[] array = entries.length >= size + more.size() ? entries
              : Arrays.copyOf(entries, Math.max(2 * entries.length, size + more.size()));
          for (int i = 0; i < more.size(); i++) {
            array[size + i] = more.get(i);
            line.firstAt.putIfAbsent(more.get(i).name(), size + i);
          }
          line.taken = size + more.size();
          return new EntryList(array, line.taken, line);
        }
      }
    }
    MapNode.Entry[] copy = Arrays.copyOf(entries, size + more.size());
    for (int i = 0; i < more.size(); i++) {
      copy[size + i] = more.get(i);
    }
    return indexed(copy);
  }

  /** Whether this list begins with all of {@code shorter}, the same entries, because it extends it. */
  boolean extendsList(EntryList shorter) {
    return line != null && line == shorter.line && shorter.size <= size;
  }

  MapNode.Entry find(String key) {
    if (line != null) {
      int at = line.firstAt.get(key);
      return at >= 0 && at < size ? entries[at] : null;
    }
    int hash = key.hashCode(); // strings keep their hash: comparing it first spares most comparisons of text
    if ((keyBits & bit(hash)) == 0) {
      return null;
    }
    for (int i = 0; i < size; i++) {
      String name = entries[i].name();
      if (name.hashCode() == hash && name.equals(key)) {
        return entries[i];
      }
    }
    return null;
  }

  @Override
  public MapNode.Entry get(int index) {
    Objects.checkIndex(index, size);
    return entries[index];
  }

  @Override
  public int size() {
    return size;
  }
}
