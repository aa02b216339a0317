package dev.lashing.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TreePath} patterns compiled into a trie for tree walks. A walk carries a {@link Cursor} from a node to
 * its children instead of matching each node's whole path against every pattern, which made the walks over a
 * large file cost its size times the number of patterns; and a cursor that leads nowhere tells the walk that no
 * pattern matches at or below its node, so that subtree is left as it is. Where several patterns match, the one
 * given first wins, as in a walk over the patterns in order.
 */
final class PathPatterns<T> {
  private final Cursor<T> root;

  /** The patterns with what each stands for, in the order in which they win. */
  PathPatterns(Map<TreePath, T> patterns) {
    Trie<T> trie = new Trie<>();
    int order = 0;
    for (Map.Entry<TreePath, T> pattern : patterns.entrySet()) {
      Trie<T> at = trie;
      for (String part : pattern.getKey().parts()) {
        at = at.child(part);
      }
      if (at.value == null) {
        at.value = pattern.getValue();
        at.order = order;
      }
      order++;
    }
    root = new Cursor<>(List.of(trie));
  }

  /** The cursor at the root of a tree. */
  Cursor<T> root() {
    return root;
  }

  /** The cursor at {@code path}. */
  Cursor<T> at(TreePath path) {
    Cursor<T> cursor = root;
    for (String part : path.parts()) {
      cursor = cursor.child(part);
    }
    return cursor;
  }

  /** The places of the trie that one node's path reaches: a part may match a name and a {@code *} at once. */
  static final class Cursor<T> {
    private static final Cursor<?> NOWHERE = new Cursor<>(List.of());

    private final List<Trie<T>> reached;

    private Cursor(List<Trie<T>> reached) {
      this.reached = reached;
    }

    /**
     * The cursor at the child named {@code part} ({@link TreePath#ITEM} for a sequence item). Most children of a
     * large tree lead nowhere: they get the one cursor that does, and no list is made for them.
     */
    @SuppressWarnings("unchecked")
    Cursor<T> child(String part) {
      List<Trie<T>> next = null;
      for (int i = 0; i < reached.size(); i++) {
        Trie<T> trie = reached.get(i);
        Trie<T> named = trie.named.get(part);
        if (named != null) {
          next = add(next, named);
        }
        if (trie.any != null) {
          next = add(next, trie.any);
        }
      }
      return next == null ? (Cursor<T>) NOWHERE : new Cursor<>(next);
    }

    private static <T> List<Trie<T>> add(List<Trie<T>> list, Trie<T> trie) {
      List<Trie<T>> to = list == null ? new ArrayList<>(2) : list;
      to.add(trie);
      return to;
    }

    /** What the first pattern matching this place stands for; null when none does. */
    T match() {
      Trie<T> first = null;
      for (int i = 0; i < reached.size(); i++) {
        Trie<T> trie = reached.get(i);
        if (trie.value != null && (first == null || trie.order < first.order)) {
          first = trie;
        }
      }
      return first == null ? null : first.value;
    }

    /** Whether a pattern matches somewhere below here. */
    boolean leadsBelow() {
      for (int i = 0; i < reached.size(); i++) {
        Trie<T> trie = reached.get(i);
        if (!trie.named.isEmpty() || trie.any != null) {
          return true;
        }
      }
      return false;
    }

    /** Whether no pattern matches here or anywhere below. */
    boolean leadsNowhere() {
      return reached.isEmpty();
    }
  }

  private static final class Trie<T> {
    final Map<String, Trie<T>> named = new HashMap<>();
    Trie<T> any;
    T value;
    int order;

    Trie<T> child(String part) {
      if (!part.equals(TreePath.ANY)) {
        return named.computeIfAbsent(part, k -> new Trie<>());
      }
      if (any == null) {
        any = new Trie<>();
      }
      return any;
    }
  }
}
