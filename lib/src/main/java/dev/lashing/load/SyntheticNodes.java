package dev.lashing.load;

import dev.lashing.source.Origin;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.Node.MergeTag;
import dev.lashing.tree.ScalarNode;

/** Nodes Lashing makes while normalizing; each carries the origin of the text it stands for. */
final class SyntheticNodes {
  private SyntheticNodes() {}

  static ScalarNode integer(long value, Origin origin) {
    return new ScalarNode(Long.toString(value), ScalarNode.Type.INT, ScalarNode.Style.SYNTHETIC, origin, MergeTag.NONE);
  }

  static ScalarNode bool(boolean value, Origin origin) {
    return new ScalarNode(
        Boolean.toString(value), ScalarNode.Type.BOOL, ScalarNode.Style.SYNTHETIC, origin, MergeTag.NONE);
  }

  /** An entry whose key borrows the origin of the value it describes. */
  static MapNode.Entry entry(String key, Node value) {
    return new MapNode.Entry(ScalarNode.string(key, value.origin()), value);
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.isNull();
  }

  /** The text of a non-null scalar as Compose reads it in a string context, else null. */
  static String text(Node node) {
    return node instanceof ScalarNode s ? s.text() : null;
  }

  static boolean isString(Node node) {
    return node instanceof ScalarNode s && s.isString();
  }
}
