package dev.lashing.load;

import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.Node.MergeTag;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code !reset} and {@code !override} tags of one file, as compose-go's {@code ResetProcessor} handles
 * them: the path of every tagged value is recorded, {@code !reset} values are removed from the file itself,
 * and before the file is merged every recorded path is deleted from the model of the earlier files (and from
 * the base of an {@code extends}). So {@code !reset} leaves the key absent and {@code !override} means
 * "delete, then set".
 *
 * <p>For each file: {@link #collect} from the interpolated tree, {@link #stripResets}, canonicalize, then
 * {@link #applyTo} the model of the earlier files and {@link #applyToService} each {@code extends} base
 * before merging.
 *
 * <p>Limits, kept because Compose has them:
 *
 * <ul>
 *   <li>Only mapping keys are reached. A tag on a list element, or inside one, removes the element from this
 *       file but never from the earlier model ({@code ports: [!reset "80:80"]} drops nothing inherited);
 *       {@code !override} the whole list instead.
 *   <li>A per-key reset of a {@code K=V} attribute ({@code environment: {FOO: !reset}}) reaches the earlier
 *       value only while Compose holds it as a map: not when it was written as a list, nor once two files
 *       were merged into it (see {@link KeyValues}).
 *   <li>A tagged value is not looked into: tags nested in it are not recorded, and a {@code !reset} inside an
 *       {@code !override} stays.
 *   <li>A key written {@code *} matches any key at its level, as in Compose's path patterns.
 * </ul>
 */
public final class Resets {
  /**
   * The recorded paths, for the walk that deletes them: a patch file resets a path or two in each of thousands
   * of services, too many to match every node against.
   */
  private final PathPatterns<TreePath> patterns;

  /** The resets of a file that tags nothing. */
  static final Resets NONE = new Resets(List.of());

  private Resets(List<TreePath> paths) {
    Map<TreePath, TreePath> byPath = new LinkedHashMap<>();
    paths.forEach(path -> byPath.put(path, path));
    this.patterns = new PathPatterns<>(byPath);
  }

  /** The tagged paths of a file as read (before {@link #stripResets} and canonicalization). */
  public static Resets collect(MapNode file) {
    List<TreePath> paths = new ArrayList<>();
    collect(file, TreePath.ROOT, paths);
    return new Resets(paths);
  }

  private static void collect(MapNode map, TreePath path, List<TreePath> paths) {
    List<MapNode.Entry> entries = map.entries();
    for (int i = 0; i < entries.size(); i++) { // counted: this walks every mapping of every file
      MapNode.Entry e = entries.get(i);
      if (e.value().tag() != MergeTag.NONE) {
        paths.add(path.child(e.name()));
      } else if (e.value() instanceof MapNode child) {
        collect(child, path.child(e.name()), paths);
      }
    }
  }

  /**
   * The file these resets were collected from, without its {@code !reset} values (in mappings and lists);
   * {@code !override} values stay.
   */
  public MapNode stripResets(MapNode file) {
    return (MapNode) strip(file);
  }

  private static Node strip(Node node) {
    if (node.tag() != MergeTag.NONE) {
      return node;
    }
    // a file without !reset, nearly every one, is kept as it is instead of copied whole
    if (node instanceof MapNode map) {
      return map.withValuesWalked(e -> e.value().tag() == MergeTag.RESET ? null : strip(e.value()));
    }
    if (node instanceof SeqNode seq) {
      return seq.withItemsWalked(item -> item.tag() == MergeTag.RESET ? null : strip(item));
    }
    return node;
  }

  /** The model of the earlier files without the recorded paths. */
  public MapNode applyTo(MapNode earlier) {
    return delete(earlier, TreePath.ROOT, patterns.root());
  }

  /**
   * The base of {@code services.<service>: extends} without the recorded paths of that service. The service
   * itself is never removed, as in Compose.
   */
  public MapNode applyToService(String service, MapNode base) {
    TreePath path = TreePath.ROOT.child("services").child(service);
    return delete(base, path, patterns.at(path));
  }

  /** {@code map} without the recorded paths below {@code path}; itself when none reaches into it. */
  private MapNode delete(MapNode map, TreePath path, PathPatterns.Cursor<TreePath> cursor) {
    if (!cursor.leadsBelow()) {
      return map; // most files reset nothing: the earlier model is kept, not copied for each file
    }
    if (KeyValues.isAt(path) && KeyValues.isListForm(map)) {
      return map; // a list in Compose's model: no key path reaches its entries
    }
    List<MapNode.Entry> entries = new ArrayList<>(map.size());
    for (MapNode.Entry e : map.entries()) {
      PathPatterns.Cursor<TreePath> next = cursor.child(e.name());
      if (next.match() != null) {
        continue;
      }
      entries.add(e.value() instanceof MapNode child ? e.withValue(delete(child, path.child(e.name()), next)) : e);
    }
    return map.withEntries(entries);
  }
}
