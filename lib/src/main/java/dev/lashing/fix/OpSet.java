package dev.lashing.fix;

import dev.lashing.fix.YamlFile.Written;
import dev.lashing.tree.ScalarNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The structural edits accepted so far, merged per node: entries inserted into one mapping by several fixes
 * become one insertion (nested paths merged), items appended to one sequence one append. An edit that
 * contradicts an accepted one (another value for the same key, an edit inside a node being replaced) is
 * refused with the fixes it conflicts with.
 *
 * <p>The edits of one fix are tried together: {@link #begin()}, then {@link #add} each, then {@link #commit()}
 * or {@link #rollback()}. Each edit is checked against the edits on the nodes above and below it only, so a fix
 * of every service of a large file costs in proportion to its own edits, not to all edits accepted before.
 */
final class OpSet {
  /** The edit contradicts edits of these fixes. */
  static final class Conflict extends Exception {
    private static final long serialVersionUID = 1L;
    final Set<Integer> with;

    Conflict(String message, Set<Integer> with) {
      super(message);
      this.with = with;
    }
  }

  private record Key(Class<?> kind, Written target) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.kind == kind && k.target == target;
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, System.identityHashCode(target));
    }
  }

  /** The merged edits, in the order their nodes were first edited. */
  private final Map<Key, Op> ops = new LinkedHashMap<>();
  private final Map<Key, Set<Integer>> owners = new HashMap<>();
  /** When each key was first edited, to name the earliest of several conflicting edits. */
  private final Map<Key, Long> firstEdited = new HashMap<>();
  private long edited;
  /** The keys of edits that replace or delete each node. */
  private final Map<Written, List<Key>> replacing = new IdentityHashMap<>();
  /** The keys of all edits at or below each node. */
  private final Map<Written, List<Key>> atOrBelow = new IdentityHashMap<>();
  /** The keys rendered together: those of one collection (see {@link Renderer#collectionOf}), or a key alone. */
  private final Map<Object, Set<Key>> units = new HashMap<>();

  /** How to take back the edits of the fix being tried, newest first; and the units they changed. */
  private final Deque<Runnable> undo = new ArrayDeque<>();
  private final Map<YamlFile, Set<Object>> changed = new LinkedHashMap<>();

  /** Starts trying the edits of one fix. */
  void begin() {
    undo.clear();
    changed.clear();
  }

  /** Keeps the edits tried since {@link #begin()}. */
  void commit() {
    undo.clear();
    changed.clear();
  }

  /** Takes back the edits tried since {@link #begin()}. */
  void rollback() {
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
    changed.clear();
  }

  /** The units of {@code file} whose edits changed since {@link #begin()}, each with all its edits now. */
  Map<Object, List<Op>> changedUnits(YamlFile file) {
    Map<Object, List<Op>> out = new LinkedHashMap<>();
    for (Object unit : changed.getOrDefault(file, Set.of())) {
      List<Op> unitOps = new ArrayList<>();
      for (Key key : units.getOrDefault(unit, Set.of())) {
        unitOps.add(ops.get(key));
      }
      out.put(unit, unitOps);
    }
    return out;
  }

  /** The fixes whose edits are in this file. */
  Set<Integer> ownersIn(YamlFile file) {
    Set<Integer> in = new LinkedHashSet<>();
    ops.forEach((key, op) -> {
      if (op.file() == file) {
        in.addAll(owners.get(key));
      }
    });
    return in;
  }

  void add(int owner, Op op) throws Conflict {
    Key key = new Key(op.getClass(), op.target());
    Key contradicted = contradicted(key, op);
    if (contradicted != null) {
      throw new Conflict("edits " + op.target().path() + " which another fix rewrites", owners.get(contradicted));
    }
    Op existing = ops.get(key);
    if (existing == null) {
      addNew(key, op);
    } else {
      Op merged = merge(existing, op, owners.get(key));
      ops.put(key, merged);
      undo.push(() -> ops.put(key, existing));
    }
    if (owners.get(key).add(owner)) {
      undo.push(() -> owners.get(key).remove(owner));
    }
    changed.computeIfAbsent(op.file(), f -> new LinkedHashSet<>()).add(unitOf(key, op));
  }

  private void addNew(Key key, Op op) {
    ops.put(key, op);
    owners.put(key, new LinkedHashSet<>());
    firstEdited.put(key, edited++);
    List<List<Key>> indexed = new ArrayList<>();
    if (replaces(op)) {
      indexed.add(replacing.computeIfAbsent(op.target(), w -> new ArrayList<>()));
    }
    for (Written w = op.target(); w != null; w = w.parent) {
      indexed.add(atOrBelow.computeIfAbsent(w, x -> new ArrayList<>()));
    }
    indexed.forEach(list -> list.add(key));
    Set<Key> unit = units.computeIfAbsent(unitOf(key, op), u -> new LinkedHashSet<>());
    unit.add(key);
    undo.push(() -> {
      ops.remove(key);
      owners.remove(key);
      firstEdited.remove(key);
      indexed.forEach(list -> list.remove(list.size() - 1));
      unit.remove(key);
    });
  }

  private static Object unitOf(Key key, Op op) {
    Written collection = Renderer.collectionOf(op);
    return collection != null ? collection : key;
  }

  /**
   * The first edited key that this edit contradicts: another edit of the same file that replaces a node this
   * one is within, or, when this one replaces its node, another edit within it.
   */
  private Key contradicted(Key key, Op op) {
    Key first = null;
    for (Written w = op.target(); w != null; w = w.parent) {
      for (Key other : replacing.getOrDefault(w, List.of())) {
        first = earlier(first, other, key, op);
      }
    }
    if (replaces(op)) {
      for (Key other : atOrBelow.getOrDefault(op.target(), List.of())) {
        first = earlier(first, other, key, op);
      }
    }
    return first;
  }

  private Key earlier(Key first, Key other, Key key, Op op) {
    if (other.equals(key) || ops.get(other).file() != op.file()) {
      return first;
    }
    return first == null || firstEdited.get(other) < firstEdited.get(first) ? other : first;
  }

  private static boolean replaces(Op op) {
    return op instanceof Op.Replace || op instanceof Op.RawReplace || op instanceof Op.ReplaceItem
        || op instanceof Op.DeleteEntry || op instanceof Op.DeleteItem;
  }

  private static boolean isEmpty(Written w) {
    return w.node instanceof ScalarNode s && s.isNull();
  }

  /** Whether two values written in place of an alias both merge the same anchor ({@code <<: *log}) first. */
  private static boolean sameOverlay(Written w, Map<?, ?> first, Map<?, ?> second) {
    return w.isAlias() && first.get("<<") instanceof YamlText.Alias merged && merged.equals(second.get("<<"));
  }

  @SuppressWarnings("unchecked")
  private static Op merge(Op existing, Op op, Set<Integer> with) throws Conflict {
    if (Op.same(existing, op)) {
      return existing;
    }
    if (existing instanceof Op.Insert a && op instanceof Op.Insert b) {
      return new Op.Insert(a.file(), a.target(), deepMerge(a.entries(), b.entries(), a.target().path(), with));
    }
    if (existing instanceof Op.Replace a && op instanceof Op.Replace b && a.value() instanceof Map<?, ?> first
        && b.value() instanceof Map<?, ?> second && (isEmpty(a.target()) || sameOverlay(a.target(), first, second))) {
      // an empty value (deploy: with nothing after it) that two settings below it fill, or an alias (logging: *log)
      // that two settings override through the same `<<: *log`: one mapping with both
      return new Op.Replace(a.file(), a.target(), deepMerge((Map<String, Object>) first,
          (Map<String, Object>) second, a.target().path(), with));
    }
    if (existing instanceof Op.Append a && op instanceof Op.Append b) {
      List<Object> items = new ArrayList<>(a.items());
      for (Object item : b.items()) {
        if (!items.contains(item)) {
          items.add(item);
        }
      }
      return new Op.Append(a.file(), a.target(), items);
    }
    throw new Conflict("writes " + op.target().path() + " differently from another fix", with);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepMerge(Map<String, Object> a, Map<String, Object> b, String path,
      Set<Integer> with) throws Conflict {
    Map<String, Object> out = new LinkedHashMap<>(a);
    for (Map.Entry<String, Object> e : b.entrySet()) {
      Object mine = out.get(e.getKey());
      if (!out.containsKey(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      } else if (mine instanceof Map<?, ?> m1 && e.getValue() instanceof Map<?, ?> m2) {
        out.put(e.getKey(), deepMerge((Map<String, Object>) m1, (Map<String, Object>) m2,
            path + "." + e.getKey(), with));
      } else if (mine instanceof List<?> l1 && e.getValue() instanceof List<?> l2) {
        List<Object> items = new ArrayList<>(l1);
        for (Object item : l2) {
          if (!items.contains(item)) {
            items.add(item);
          }
        }
        out.put(e.getKey(), items);
      } else if (!Objects.equals(mine, e.getValue())) {
        throw new Conflict("sets " + path + "." + e.getKey() + " to " + e.getValue() + " where another fix sets "
            + mine, with);
      }
    }
    return out;
  }
}
