package dev.lashing.model;

import dev.lashing.source.Origin;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the attributes of one mapping into typed values. It remembers which keys were read, so that
 * {@link #finish()} can hand every other key to the owner: nothing in the tree is ever dropped.
 */
final class Fields {
  /** Binds one named entry of a mapping; returns null when the entry could not be bound. */
  interface EntryBinder<T> {
    T bind(MapNode.Entry entry, String rel);
  }

  /** Binds one item of a sequence; returns null when the item could not be bound. */
  interface ItemBinder<T> {
    T bind(Node item, String rel);
  }

  private final MapNode map;
  private final Owner owner;
  private final String path;
  private final Set<String> read = new HashSet<>();
  private boolean finished;

  Fields(MapNode map, Owner owner, String path) {
    this.map = map;
    this.owner = owner;
    this.path = path;
  }

  Origin origin() {
    return map.origin();
  }

  Owner owner() {
    return owner;
  }

  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Where each key of the mapping is written, in written order. */
  Map<String, Origin> keyOrigins() {
    Map<String, Origin> keys = new LinkedHashMap<>();
    for (MapNode.Entry e : map.entries()) {
      keys.put(e.name(), e.key().origin());
    }
    return keys;
  }

  /** The value at {@code key}, without counting it as read. */
  Node peek(String key) {
    return map.get(key);
  }

  /** The value at {@code key}; null when absent or written as null, which Compose both treats as unset. */
  Node node(String key) {
    Node node = map.get(key);
    if (node != null) {
      read.add(key); // only the keys written: finish() asks about no other, and most look-ups find nothing
    }
    return node instanceof ScalarNode s && s.isNull() ? null : node;
  }

  Located<String> string(String key) {
    Node n = node(key);
    return n == null ? null : owner.string(n, path(key));
  }

  Located<Boolean> bool(String key) {
    Node n = node(key);
    return n == null ? null : owner.bool(n, path(key));
  }

  Located<Long> integer(String key) {
    Node n = node(key);
    return n == null ? null : owner.integer(n, path(key));
  }

  Located<Long> fileMode(String key) {
    Node n = node(key);
    return n == null ? null : owner.fileMode(n, path(key));
  }

  Located<Double> decimal(String key) {
    Node n = node(key);
    return n == null ? null : owner.decimal(n, path(key));
  }

  Located<ByteCount> bytes(String key) {
    Node n = node(key);
    return n == null ? null : owner.bytes(n, path(key));
  }

  Located<Duration> duration(String key) {
    Node n = node(key);
    return n == null ? null : owner.duration(n, path(key));
  }

  /** A list of strings; empty when absent. */
  List<Located<String>> strings(String key) {
    Node n = node(key);
    return n == null ? new ArrayList<>() : items(n, path(key), owner::string);
  }

  /** A list of strings where a single string counts as a list of one (Compose's {@code StringList}). */
  List<Located<String>> stringOrList(String key) {
    Node n = node(key);
    return n == null ? new ArrayList<>() : stringOrList(n, path(key));
  }

  List<Located<String>> stringOrList(Node node, String rel) {
    if (node instanceof ScalarNode) {
      Located<String> one = owner.string(node, rel);
      return one == null ? List.of() : List.of(one);
    }
    return items(node, rel, owner::string);
  }

  /** A mapping of strings or nulls (environment, labels...), in written order; empty when absent. */
  Map<String, KeyValue> stringMap(String key) {
    Node n = node(key);
    if (n == null) {
      return Frozen.map(Map.of());
    }
    return Frozen.map(entries(
        n,
        key,
        (entry, rel) -> {
          Node value = entry.value();
          if (value instanceof ScalarNode s && s.isNull()) {
            return new KeyValue(entry.name(), entry.key().origin(), null);
          }
          Located<String> text = owner.string(value, rel);
          return text == null ? null : new KeyValue(entry.name(), entry.key().origin(), text);
        }));
  }

  /** A command as a list of words; null when absent. */
  Command command(String key) {
    Node n = node(key);
    if (n == null) {
      return null;
    }
    if (!(n instanceof SeqNode)) {
      owner.wrongKind(path(key), n, "a list");
      return null;
    }
    return new Command(items(n, path(key), owner::string), n.origin());
  }

  /** A nested mapping bound by {@code bind}; null when absent or not a mapping. */
  <T> T object(String key, Function<Fields, T> bind) {
    Node n = node(key);
    return n == null ? null : mapping(n, path(key), false, bind);
  }

  /** A list of mappings, each bound by {@code bind}; items of another shape are kept and reported. */
  <T> List<T> objects(String key, Function<Fields, T> bind) {
    Node n = node(key);
    return n == null ? new ArrayList<>() : items(n, path(key), (item, rel) -> mapping(item, rel, false, bind));
  }

  /** The named entries of a mapping, in written order; empty when absent. */
  <T> LinkedHashMap<String, T> entries(String key, EntryBinder<T> bind) {
    Node n = node(key);
    return n == null ? new LinkedHashMap<>() : entries(n, key, bind);
  }

  /**
   * The named entries of {@code n}, the value at {@code key}. The callers above look the key up first and make
   * their binder only when it is written: under C1 each capturing lambda made is a call into the runtime, and a
   * service is asked for a hundred attributes and writes a dozen.
   */
  private <T> LinkedHashMap<String, T> entries(Node n, String key, EntryBinder<T> bind) {
    if (!(n instanceof MapNode m)) {
      owner.wrongKind(path(key), n, "a mapping");
      return new LinkedHashMap<>();
    }
    // sized for every entry at once: growing a million labels' map rehashed it twenty times
    LinkedHashMap<String, T> result = new LinkedHashMap<>(m.size() * 4 / 3 + 1);
    String prefix = path(key) + ".";
    List<MapNode.Entry> entries = m.entries();
    for (int i = 0; i < entries.size(); i++) {
      MapNode.Entry e = entries.get(i);
      T value = bind.bind(e, prefix + e.name());
      if (value != null) {
        result.put(e.name(), value);
      }
    }
    return result;
  }

  /** The items of a sequence, in order; empty when {@code node} is null. */
  <T> List<T> items(Node node, String rel, ItemBinder<T> bind) {
    List<T> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    if (!(node instanceof SeqNode seq)) {
      owner.wrongKind(rel, node, "a list");
      return result;
    }
    for (int i = 0; i < seq.size(); i++) {
      T value = bind.bind(seq.get(i), rel + "[" + i + "]");
      if (value != null) {
        result.add(value);
      }
    }
    return result;
  }

  /**
   * Binds a mapping below this one (same owner), then hands its unread keys to the owner. A null value is
   * bound as an empty mapping when {@code nullIsEmpty}; any other non-mapping is kept and reported.
   */
  <T> T mapping(Node value, String rel, boolean nullIsEmpty, Function<Fields, T> bind) {
    MapNode node = asMapping(value, nullIsEmpty);
    if (node == null) {
      owner.wrongKind(rel, value, "a mapping");
      return null;
    }
    Fields fields = new Fields(node, owner, rel);
    T bound = bind.apply(fields);
    fields.finish();
    return bound;
  }

  /** {@code value} as a mapping (a null as an empty one when {@code nullIsEmpty}), or null. */
  static MapNode asMapping(Node value, boolean nullIsEmpty) {
    if (value instanceof MapNode m) {
      return m;
    }
    return nullIsEmpty && value instanceof ScalarNode s && s.isNull() ? MapNode.empty(value.origin()) : null;
  }

  /**
   * The owner's {@code x-*} nodes, after handing it every unread key. For a definition's record, pass it
   * (and {@link #unknown()}) as the last constructor arguments: Java evaluates arguments left to right, so
   * every other attribute has been read by then.
   */
  Map<String, Node> extensions() {
    finish();
    return owner.extensions;
  }

  /** The owner's unbound nodes, after handing it every unread key; see {@link #extensions()}. */
  Map<String, Node> unknown() {
    finish();
    return owner.unknown;
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    for (MapNode.Entry e : map.entries()) {
      if (!read.contains(e.name())) {
        owner.keep(path(e.name()), e.value());
      }
    }
  }
}
