package dev.lashing.tree;

import dev.lashing.source.Origin;
import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import java.util.ArrayList;
import java.util.List;

/** Whole-tree operations on {@link Node}s. */
public final class Trees {
  private Trees() {}

  /** The number of nodes in a tree, keys included. */
  public static long size(Node node) {
    if (node instanceof MapNode map) {
      long n = 1;
      for (MapNode.Entry e : map.entries()) {
        n += 1 + size(e.value());
      }
      return n;
    }
    if (node instanceof SeqNode seq) {
      long n = 1;
      for (Node item : seq.items()) {
        n += size(item);
      }
      return n;
    }
    return 1;
  }

  /** A copy in which every node, keys included, also records that it was brought in by {@code kind} at {@code at}. */
  public static Node withVia(Node node, Via.Kind kind, SourceRange at) {
    return withUse(node, new Origin.Uses(kind, at));
  }

  private static Node withUse(Node node, Origin.Uses use) {
    Node moved = node.withOrigin(use.added(node.origin()));
    if (moved instanceof MapNode map) {
      List<MapNode.Entry> entries = new ArrayList<>(map.size());
      for (MapNode.Entry e : map.entries()) {
        ScalarNode key = e.key().withOrigin(use.added(e.key().origin()));
        entries.add(new MapNode.Entry(key, withUse(e.value(), use)));
      }
      return map.withEntries(entries);
    }
    if (moved instanceof SeqNode seq) {
      List<Node> items = new ArrayList<>(seq.size());
      for (Node item : seq.items()) {
        items.add(withUse(item, use));
      }
      return seq.withItems(items);
    }
    return moved;
  }

  /** The mapping at {@code key}, or null when absent or not a mapping. */
  public static MapNode map(MapNode parent, String key) {
    return parent != null && parent.get(key) instanceof MapNode m ? m : null;
  }

  /** The text of the scalar at {@code key} (numbers and booleans in canonical form), or null. */
  public static String text(MapNode parent, String key) {
    return parent != null && parent.get(key) instanceof ScalarNode s ? s.text() : null;
  }
}
