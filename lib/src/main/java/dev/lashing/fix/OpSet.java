package dev.lashing.fix;

import dev.lashing.fix.YamlFile.Written;
import java.util.ArrayList;
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

  private final Map<Key, Op> ops = new LinkedHashMap<>();
  private final Map<Key, Set<Integer>> owners = new LinkedHashMap<>();

  OpSet copy() {
    OpSet copy = new OpSet();
    copy.ops.putAll(ops);
    owners.forEach((k, v) -> copy.owners.put(k, new LinkedHashSet<>(v)));
    return copy;
  }

  /** The merged edits of one file, in the order first added. */
  List<Op> of(YamlFile file) {
    List<Op> list = new ArrayList<>();
    for (Op op : ops.values()) {
      if (op.file() == file) {
        list.add(op);
      }
    }
    return list;
  }

  /** The fixes whose edits are in this file. */
  Set<Integer> ownersIn(YamlFile file) {
    Set<Integer> in = new LinkedHashSet<>();
    owners.forEach((k, v) -> {
      if (ops.get(k).file() == file) {
        in.addAll(v);
      }
    });
    return in;
  }

  void add(int owner, Op op) throws Conflict {
    Key key = new Key(op.getClass(), op.target());
    for (Map.Entry<Key, Op> e : ops.entrySet()) {
      Op other = e.getValue();
      if (e.getKey().equals(key) || other.file() != op.file()) {
        continue;
      }
      if (replaces(other) && op.target().isWithin(other.target())
          || replaces(op) && other.target().isWithin(op.target())) {
        throw new Conflict("edits " + op.target().path() + " which another fix rewrites", owners.get(e.getKey()));
      }
    }
    Op existing = ops.get(key);
    Op merged = existing == null ? op : merge(existing, op, owners.get(key));
    ops.put(key, merged);
    owners.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(owner);
  }

  private static boolean replaces(Op op) {
    return op instanceof Op.Replace || op instanceof Op.RawReplace || op instanceof Op.ReplaceItem
        || op instanceof Op.DeleteEntry || op instanceof Op.DeleteItem;
  }

  private static Op merge(Op existing, Op op, Set<Integer> with) throws Conflict {
    if (existing.equals(op)) {
      return existing;
    }
    if (existing instanceof Op.Insert a && op instanceof Op.Insert b) {
      return new Op.Insert(a.file(), a.target(), deepMerge(a.entries(), b.entries(), a.target().path(), with));
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
