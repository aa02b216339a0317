package dev.lashing.load;

import static dev.lashing.load.SyntheticNodes.isNull;
import static dev.lashing.load.SyntheticNodes.text;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges canonical Compose trees the way compose-go's {@code override.Merge} and
 * {@code override.EnforceUnicity} do: mappings merge key by key, a later scalar wins, a null changes nothing,
 * sequences append; a handful of attributes follow special rules; then list entries that name the same
 * thing (a mount target, a published port...) collapse, the later one taking the earlier one's place.
 *
 * <p>Start from an empty model and merge every file into it, the first too: Compose enforces uniqueness on
 * a single file as well. {@code !reset}/{@code !override} are not seen here; apply {@link Resets} to the
 * earlier model first. Every node keeps the origin of the file it came from.
 */
public final class Merger {
  @FunctionalInterface
  private interface Rule {
    Node merge(Node base, Node override, TreePath path);
  }

  private static final Map<TreePath, Rule> SPECIALS = new LinkedHashMap<>();

  static {
    for (String replaced : List.of("command", "entrypoint", "healthcheck.test", "ulimits.*")) {
      SPECIALS.put(TreePath.parse("services.*." + replaced), (base, override, path) -> override);
    }
    special("services.*.logging", Merger::logging);
    KeyValues.PATHS.forEach(path -> SPECIALS.put(path, unlessNull(Merger::keyValues)));
    for (String appended : List.of("dns", "dns_opt", "dns_search", "env_file", "label_file", "tmpfs")) {
      special("services.*." + appended, Merger::appendLists);
    }
    special("services.*.extra_hosts", Merger::extraHosts);
    special("services.*.build.extra_hosts", Merger::extraHosts);
    special("networks.*.ipam.config", Merger::ipamConfig);
  }

  private static final PathPatterns<Rule> PATTERNS = new PathPatterns<>(SPECIALS);

  private static void special(String pattern, Rule rule) {
    SPECIALS.put(TreePath.parse(pattern), unlessNull(rule));
  }

  /** A null on either side leaves the other, as compose-go's special mergers do (bar the replacing ones). */
  private static Rule unlessNull(Rule rule) {
    return (base, override, path) -> {
      if (isNull(override)) {
        return base;
      }
      return isNull(base) ? override : rule.merge(base, override, path);
    };
  }

  private Merger() {}

  /**
   * {@code override} merged over {@code base}, then made unique.
   *
   * @param base an empty model or the result of an earlier merge (already unique), maybe with paths reset
   * @throws ComposeException {@code cannot override <path>}, at the override's node, when a mapping or a
   *     sequence meets a value of another kind; or a uniqueness error (a mount without a target...)
   */
  public static MapNode merge(MapNode base, MapNode override) {
    List<Diagnostic> problems = new ArrayList<>();
    return refusing(merge(base, override, problems), problems);
  }

  /**
   * The same, leniently: a list item Compose refuses while making the lists unique is left out and its problem
   * added to {@code problems}.
   *
   * @throws ComposeException {@code cannot override <path>}, when a mapping or a sequence meets a value of
   *     another kind
   */
  static MapNode merge(MapNode base, MapNode override, List<Diagnostic> problems) {
    return (MapNode) Uniqueness.enforceOver(mergeNode(base, override, TreePath.ROOT), base, TreePath.ROOT, problems);
  }

  /**
   * {@link #merge(MapNode, MapNode)} for an {@code override} already made unique, as a loaded project is: only
   * what the two share is made unique again.
   */
  static MapNode mergeUnique(MapNode base, MapNode override) {
    List<Diagnostic> problems = new ArrayList<>();
    return refusing(mergeUnique(base, override, problems), problems);
  }

  /** The same, leniently, as {@link #merge(MapNode, MapNode, List)}. */
  static MapNode mergeUnique(MapNode base, MapNode override, List<Diagnostic> problems) {
    return (MapNode) Uniqueness.enforceOverBoth(
        mergeNode(base, override, TreePath.ROOT), base, override, TreePath.ROOT, problems);
  }

  /**
   * A service that {@code extends} {@code base}, with its own attributes in {@code local}: the same rules on
   * one service (Compose names it {@code services.x} in messages).
   */
  public static MapNode mergeService(MapNode base, MapNode local) {
    TreePath at = TreePath.ROOT.child("services").child("x");
    List<Diagnostic> problems = new ArrayList<>();
    return refusing((MapNode) Uniqueness.enforce(mergeNode(base, local, at), at, problems), problems);
  }

  private static MapNode refusing(MapNode merged, List<Diagnostic> problems) {
    if (!problems.isEmpty()) {
      throw new ComposeException(List.of(problems.get(0)));
    }
    return merged;
  }

  private static Node mergeNode(Node base, Node override, TreePath path) {
    Rule special = PATTERNS.at(path).match();
    return special != null ? special.merge(base, override, path) : mergeDefault(base, override, path);
  }

  private static Node mergeDefault(Node base, Node override, TreePath path) {
    if (isNull(override)) {
      return base;
    }
    if (base instanceof MapNode map) {
      if (!(override instanceof MapNode other)) {
        throw cannotOverride(path, override);
      }
      return mergeMaps(map, other, path);
    }
    if (base instanceof SeqNode seq) {
      if (!(override instanceof SeqNode other)) {
        throw cannotOverride(path, override);
      }
      return append(seq, other.items());
    }
    return override;
  }

  private static ComposeException cannotOverride(TreePath path, Node override) {
    return new ComposeException(override.origin().usedAt(), "cannot override " + path);
  }

  /** Keys of {@code override} merged into {@code base} in place; new keys go last. */
  private static MapNode mergeMaps(MapNode base, MapNode override, TreePath path) {
    if (override.entries().stream().noneMatch(e -> base.has(e.name()))) {
      return base.withAppended(override.entries()); // only new keys: a large base is shared, not copied
    }
    List<MapNode.Entry> entries = new ArrayList<>(base.entries());
    Map<String, Integer> positions = new HashMap<>();
    for (int i = entries.size() - 1; i >= 0; i--) {
      positions.put(entries.get(i).name(), i);
    }
    for (MapNode.Entry next : override.entries()) {
      Integer i = positions.get(next.name());
      if (i == null) {
        positions.put(next.name(), entries.size());
        entries.add(next);
        continue;
      }
      MapNode.Entry earlier = entries.get(i);
      Node merged = mergeNode(earlier.value(), next.value(), path.child(next.name()));
      // The key follows the value: an override that wins outright points at its own file.
      entries.set(i, new MapNode.Entry(merged == next.value() ? next.key() : earlier.key(), merged));
    }
    return base.withEntries(entries);
  }

  private static SeqNode append(SeqNode base, List<Node> more) {
    List<Node> items = new ArrayList<>(base.items());
    items.addAll(more);
    return base.withItems(items);
  }

  // ---- special rules ----

  /** The options merge only when both name the same driver, or one names none; otherwise replaced. */
  private static Node logging(Node base, Node override, TreePath path) {
    if (base instanceof MapNode earlier && override instanceof MapNode later) {
      boolean sameDriver =
          !earlier.has("driver")
              || !later.has("driver")
              || Objects.equals(text(earlier.get("driver")), text(later.get("driver")));
      return sameDriver ? mergeMaps(earlier, later, path) : later;
    }
    return mergeDefault(base, override, path);
  }

  /**
   * Compose appends both as {@code K=V} lists and keeps the later entry per key, a bare {@code K} (null)
   * included; the result is a list in Compose's model, so it is marked list form.
   */
  private static Node keyValues(Node base, Node override, TreePath path) {
    if (!(base instanceof MapNode earlier) || !(override instanceof MapNode later)) {
      return mergeDefault(base, override, path);
    }
    return KeyValues.asListForm(earlier.replacingAll(later.entries()));
  }

  /** Lists that Compose also accepts as one string append; uniqueness then applies. */
  private static Node appendLists(Node base, Node override, TreePath path) {
    SeqNode earlier = asList(base);
    SeqNode later = asList(override);
    if (earlier == null || later == null) {
      return mergeDefault(base, override, path);
    }
    return append(earlier, later.items());
  }

  private static SeqNode asList(Node node) {
    if (node instanceof SeqNode seq) {
      return seq;
    }
    return node instanceof ScalarNode s && s.isString() ? SeqNode.of(List.of(s), s.origin()) : null;
  }

  /** Appended, leaving out the later entries already written earlier (exact text only). */
  private static Node extraHosts(Node base, Node override, TreePath path) {
    SeqNode earlier = asList(base);
    SeqNode later = asList(override);
    if (earlier == null || later == null) {
      return mergeDefault(base, override, path);
    }
    List<Node> added = new ArrayList<>();
    for (Node host : later.items()) {
      boolean known =
          earlier.items().stream().anyMatch(e -> text(e) != null && Objects.equals(text(e), text(host)));
      if (!known) {
        added.add(host);
      }
    }
    return append(earlier, added);
  }

  /**
   * compose-go's {@code mergeIPAMConfig}, quirks included: for each earlier pool, each later pool either
   * merges into it (same subnet, or a subnet already collected) or is collected as is; an earlier pool that
   * no later one touches is dropped, and with no earlier pool the result is empty.
   */
  private static Node ipamConfig(Node base, Node override, TreePath path) {
    if (!(base instanceof SeqNode earlier)
        || !(override instanceof SeqNode later)
        || !allMaps(earlier)
        || !allMaps(later)) {
      return mergeDefault(base, override, path);
    }
    List<Node> pools = new ArrayList<>();
    for (Node original : earlier.items()) {
      MapNode right = (MapNode) original;
      for (Node next : later.items()) {
        MapNode left = (MapNode) next;
        String subnet = text(left.get("subnet"));
        if (!Objects.equals(subnet, text(right.get("subnet"))) && indexOfSubnet(pools, subnet) < 0) {
          pools.add(left);
          continue;
        }
        right = mergeMaps(right, left, path);
        int i = indexOfSubnet(pools, text(right.get("subnet")));
        if (i >= 0) {
          pools.set(i, right);
        } else {
          pools.add(right);
        }
      }
    }
    return earlier.withItems(pools);
  }

  private static boolean allMaps(SeqNode seq) {
    return seq.items().stream().allMatch(MapNode.class::isInstance);
  }

  private static int indexOfSubnet(List<Node> pools, String subnet) {
    for (int i = 0; i < pools.size(); i++) {
      if (Objects.equals(text(((MapNode) pools.get(i)).get("subnet")), subnet)) {
        return i;
      }
    }
    return -1;
  }
}
