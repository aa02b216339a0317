package dev.lashing.patch;

import dev.lashing.lint.Fix;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.SeqNode;
import java.util.List;

/** Fix paths: mapping keys, with {@code [n]} segments indexing lists. */
final class PatchPaths {
  private PatchPaths() {}

  /** The list an edit changes items of (by index), or null for a plain key edit. */
  static List<String> listPath(Fix.Change c) {
    if (c instanceof Fix.ReplaceItem || c instanceof Fix.RemoveItem) {
      return c.path();
    }
    int at = firstIndexSegment(c.path());
    return at < 0 ? null : c.path().subList(0, at);
  }

  private static int firstIndexSegment(List<String> path) {
    for (int i = 0; i < path.size(); i++) {
      if (isIndex(path.get(i))) {
        return i;
      }
    }
    return -1;
  }

  static boolean isIndex(String segment) {
    return segment.length() > 2 && segment.startsWith("[") && segment.endsWith("]");
  }

  static int index(String segment) {
    return Integer.parseInt(segment.substring(1, segment.length() - 1));
  }

  /** The node at a fix path in a model ({@code [n]} segments index lists), or null. */
  static Node nodeAt(MapNode root, List<String> path) {
    Node node = root;
    for (String segment : path) {
      if (node instanceof MapNode map) {
        node = map.get(segment);
      } else if (node instanceof SeqNode seq && isIndex(segment) && index(segment) < seq.size()) {
        node = seq.get(index(segment));
      } else {
        return null;
      }
    }
    return node;
  }
}
