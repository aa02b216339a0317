package dev.lashing.inventory;

import dev.lashing.schema.Suggestions;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reading values out of an inventory that its schema has already checked. */
final class InventoryNodes {
  private InventoryNodes() {}

  static String suggestion(String written, Set<String> names) {
    return Suggestions.closest(written, names).map(s -> " (did you mean '" + s + "'?)")
        .orElse("");
  }

  static MapNode map(MapNode parent, String key) {
    return parent != null && parent.get(key) instanceof MapNode m ? m : null;
  }

  static String text(MapNode parent, String key) {
    return parent != null && parent.get(key) instanceof ScalarNode s && !s.isNull() ? s.text() : null;
  }

  static boolean bool(MapNode parent, String key, boolean fallback) {
    return parent != null && parent.get(key) instanceof ScalarNode s ? s.asBoolean().orElse(fallback) : fallback;
  }

  static List<String> strings(MapNode parent, String key) {
    List<String> out = new ArrayList<>();
    if (parent != null && parent.get(key) instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        out.add(((ScalarNode) item).text());
      }
    }
    return out;
  }
}
