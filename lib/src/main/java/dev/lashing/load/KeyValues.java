package dev.lashing.load;

import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code list_or_dict} attributes that Compose merges as {@code K=V} lists ({@code mergeToSequence}).
 * Lashing holds them as maps, which merge to the same result; what the map cannot show is that Compose's own
 * model holds such an attribute as a list once it was written as one or merged, and a per-key {@code !reset}
 * path does not reach into a list. Keys made from {@code K=V} items are therefore SYNTHETIC-styled, while keys
 * written in map form keep their YAML style: a map with synthetic keys is "list form" for {@link Resets}.
 */
final class KeyValues {
  static final List<TreePath> PATHS =
      Stream.of(
              "services.*.environment",
              "services.*.labels",
              "services.*.annotations",
              "services.*.sysctls",
              "services.*.build.args",
              "services.*.build.labels",
              "services.*.build.additional_contexts",
              "services.*.deploy.labels",
              "services.*.pre_start.[].environment",
              "services.*.post_start.[].environment",
              "services.*.pre_stop.[].environment",
              "services.*.develop.watch.[].exec.environment",
              "networks.*.labels",
              "volumes.*.labels")
          .map(TreePath::parse)
          .toList();

  private KeyValues() {}

  static boolean isAt(TreePath path) {
    return path.matchesAny(PATHS);
  }

  /**
   * {@code [K=V, K]} as {@code {K: "V", K: null}}, a later duplicate key replacing the earlier value in place;
   * null when an item is not a scalar (left for the schema to report).
   */
  static MapNode fromList(SeqNode list) {
    List<MapNode.Entry> entries = new ArrayList<>(list.size());
    for (Node item : list.items()) {
      String text = SyntheticNodes.text(item);
      if (text == null) {
        return null;
      }
      int eq = text.indexOf('=');
      String key = eq < 0 ? text : text.substring(0, eq);
      Node value =
          eq < 0 ? ScalarNode.ofNull(item.origin()) : ScalarNode.string(text.substring(eq + 1), item.origin());
      entries.add(new MapNode.Entry(ScalarNode.string(key, item.origin()), value));
    }
    return MapNode.empty(list.origin()).withTag(list.tag()).replacingAll(entries);
  }

  /**
   * Numbers and booleans as the strings Compose passes on ({@code 1.0} is "1", {@code 1e6} "1e+06", {@code true}
   * "true"; {@link ScalarNode#asComposeString()}).
   */
  static MapNode withStringValues(MapNode map) {
    // the mapping itself when every value is a string or null already, as labels mostly are
    return map.withValuesWalked(e -> e.value() instanceof ScalarNode s && !s.isNull() && !s.isString()
        ? s.asComposeString() : e.value());
  }

  static boolean isListForm(MapNode map) {
    for (MapNode.Entry e : map.entries()) {
      if (e.key().style() == ScalarNode.Style.SYNTHETIC) {
        return true;
      }
    }
    return false;
  }

  static MapNode asListForm(MapNode map) {
    List<MapNode.Entry> entries = new ArrayList<>(map.size());
    for (MapNode.Entry e : map.entries()) {
      ScalarNode key = e.key();
      entries.add(
          new MapNode.Entry(
              new ScalarNode(key.value(), key.type(), ScalarNode.Style.SYNTHETIC, key.origin(), key.tag()),
              e.value()));
    }
    return map.withEntries(entries);
  }
}
