package dev.lashing.load;

import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leaves values out of a tree by path (mapping keys as strings, sequence indices as integers): how a lenient
 * load drops only what Compose refuses and keeps the rest for the rules. All paths are taken in one walk, so
 * that leaving out one item of a sequence does not move the others.
 */
final class Pruning {
  /** The paths below one node: which children to leave out, which to walk into. */
  private static final class Marks {
    private final Map<Object, Marks> children = new HashMap<>();
    private boolean drop;

    void add(List<Object> path) {
      Marks at = this;
      for (Object step : path) {
        at = at.children.computeIfAbsent(step, k -> new Marks());
      }
      at.drop = true;
    }
  }

  private Pruning() {}

  /** {@code root} without the values at {@code paths}; an empty path (the root itself) is ignored. */
  static MapNode without(MapNode root, Collection<List<Object>> paths) {
    Marks marks = new Marks();
    for (List<Object> path : paths) {
      if (!path.isEmpty()) {
        marks.add(path);
      }
    }
    return marks.children.isEmpty() ? root : (MapNode) prune(root, marks);
  }

  private static Node prune(Node node, Marks marks) {
    if (node instanceof MapNode map) {
      List<MapNode.Entry> kept = new ArrayList<>(map.size());
      for (MapNode.Entry e : map.entries()) {
        Marks child = marks.children.get(e.name());
        if (child == null) {
          kept.add(e);
        } else if (!child.drop) {
          kept.add(e.withValue(prune(e.value(), child)));
        }
      }
      return map.withEntries(kept);
    }
    if (node instanceof SeqNode seq) {
      List<Node> kept = new ArrayList<>(seq.size());
      for (int i = 0; i < seq.size(); i++) {
        Marks child = marks.children.get(i);
        if (child == null) {
          kept.add(seq.get(i));
        } else if (!child.drop) {
          kept.add(prune(seq.get(i), child));
        }
      }
      return seq.withItems(kept);
    }
    return node;
  }
}
