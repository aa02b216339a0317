package dev.lashing.tree;

import dev.lashing.source.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A YAML mapping with string keys, in written order; keys are unique. */
public record MapNode(List<Entry> entries, Origin origin, MergeTag tag) implements Node {

  /** One key and its value; the key keeps its own origin so messages can point at it. */
  public record Entry(ScalarNode key, Node value) {
    public String name() {
      return key.value();
    }

    public Entry withValue(Node newValue) {
      return new Entry(key, newValue);
    }
  }

  public MapNode {
    entries = EntryList.of(entries);
  }

  public static MapNode of(List<Entry> entries, Origin origin) {
    return new MapNode(entries, origin, MergeTag.NONE);
  }

  public static MapNode empty(Origin origin) {
    return of(List.of(), origin);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  public Node get(String key) {
    Entry e = entry(key);
    return e == null ? null : e.value();
  }

  public Optional<Node> find(String key) {
    return Optional.ofNullable(get(key));
  }

  public Entry entry(String key) {
    return ((EntryList) entries).find(key);
  }

  public boolean has(String key) {
    return entry(key) != null;
  }

  public List<String> keys() {
    List<String> keys = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      keys.add(e.name());
    }
    return keys;
  }

  /** The entries as an ordered map from key text to value. */
  public Map<String, Node> asMap() {
    Map<String, Node> map = new LinkedHashMap<>();
    for (Entry e : entries) {
      map.put(e.name(), e.value());
    }
    return map;
  }

  /** This mapping with {@code key} set to {@code value}: replaced in place if present, else appended. */
  public MapNode with(ScalarNode key, Node value) {
    List<Entry> next = new ArrayList<>(entries);
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).name().equals(key.value())) {
        next.set(i, new Entry(next.get(i).key(), value));
        return withEntries(next);
      }
    }
    next.add(new Entry(key, value));
    return withEntries(next);
  }

  /**
   * {@link #with(ScalarNode, Node)} for each of {@code more} in turn, the entries copied once: building a mapping
   * of thousands of keys one {@code with} at a time copied it for each key.
   */
  public MapNode withAll(List<Entry> more) {
    return withEach(more, true);
  }

  /**
   * This mapping with each of {@code more} in turn in place of the entry of the same key, whole (its key node
   * too), or added last; the entries copied once.
   */
  public MapNode replacingAll(List<Entry> more) {
    return withEach(more, false);
  }

  private MapNode withEach(List<Entry> more, boolean keepKeys) {
    if (more.isEmpty()) {
      return this;
    }
    Map<String, Entry> byName = new LinkedHashMap<>();
    for (Entry e : entries) {
      byName.putIfAbsent(e.name(), e);
    }
    for (Entry e : more) {
      Entry earlier = byName.get(e.name());
      byName.put(e.name(), earlier != null && keepKeys ? new Entry(earlier.key(), e.value()) : e);
    }
    return withEntries(new ArrayList<>(byName.values()));
  }

  /** {@link #with(ScalarNode, Node)} with a key that borrows the value's origin. */
  public MapNode with(String key, Node value) {
    Entry existing = entry(key);
    return with(existing != null ? existing.key() : ScalarNode.string(key, value.origin()), value);
  }

  public MapNode without(String key) {
    List<Entry> next = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      if (!e.name().equals(key)) {
        next.add(e);
      }
    }
    return next.size() == entries.size() ? this : withEntries(next);
  }

  /**
   * This mapping followed by {@code more} (keys not in it): cheap for a large mapping that was not extended
   * before, whose entries the longer one shares.
   */
  public MapNode withAppended(List<Entry> more) {
    return new MapNode(((EntryList) entries).extend(more), origin, tag);
  }

  /** Whether this mapping's entries begin with all of {@code shorter}'s, shared by {@link #withAppended}. */
  public boolean extendsEntriesOf(MapNode shorter) {
    return ((EntryList) entries).extendsList((EntryList) shorter.entries);
  }

  public MapNode withEntries(List<Entry> newEntries) {
    return new MapNode(newEntries, origin, tag);
  }

  /**
   * This mapping with each value replaced by what {@code walk} gives for its entry, the entry left out where it
   * gives null; this mapping itself when every value comes back unchanged, so that a walk which changes little of
   * a tree copies little of it.
   */
  public MapNode withValuesWalked(Function<Entry, Node> walk) {
    List<Entry> walked = null; // a copy, made at the first value that changes
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      Node value = walk.apply(e);
      if (value != e.value() && walked == null) {
        walked = new ArrayList<>(entries.subList(0, i));
      }
      if (walked != null && value != null) {
        walked.add(value == e.value() ? e : e.withValue(value));
      }
    }
    return walked == null ? this : withEntries(walked);
  }

  @Override
  public MapNode withOrigin(Origin newOrigin) {
    return new MapNode(entries, newOrigin, tag);
  }

  @Override
  public MapNode withTag(MergeTag newTag) {
    return new MapNode(entries, origin, newTag);
  }

  @Override
  public String kindName() {
    return "mapping";
  }
}
