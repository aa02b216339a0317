package dev.lashing.fix;

import dev.lashing.fix.Renderer.Unwritable;
import dev.lashing.fix.YamlFile.Written;
import dev.lashing.load.LoadResult;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.Node.MergeTag;
import dev.lashing.yaml.ParsedYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code !reset} and {@code !override} tags of a project's compose files, which make an edit below them
 * count for nothing: a value written inside a {@code !reset}, or in a document that a later one resets or overrides
 * at that path, or that a document includes and resets or overrides there, never reaches the merged model. Such an
 * edit is refused rather than reported as a fix. Tags are found as the loader's {@code Resets} finds them: on
 * mapping keys, not looked into once found.
 *
 * <p>A document's tags reach what is merged before it, as the loader merges: the documents before it among the files
 * merged in order with its own (the {@code -f} files, or the files of one include entry), what those documents
 * include, and what it includes itself; not the files that include it, nor an {@code extends} base of another file.
 */
final class MergeTags {
  /**
   * Where a document is merged, one step for each level of includes from the {@code -f} files down: the include
   * entry of the level above ({@code -1} for the {@code -f} files), the file's position among those merged in order
   * there, and the document's index in the file.
   */
  private record Step(int entry, int position, int document) {}

  /** A tagged value: the file it is in, where its document is merged, and its key path from the document root. */
  private record Tagged(String file, List<Step> merged, List<String> keys, MergeTag tag) {}

  private final LoadResult load;
  /** Every tag of the project; made when first asked for, and nearly always empty. */
  private List<Tagged> tags;

  MergeTags(LoadResult load) {
    this.load = load;
  }

  /** Refuses an edit that a {@code !reset} or {@code !override} cancels. */
  void refuseCancelled(Op op) throws Unwritable {
    if (op instanceof Op.AddAnchor) {
      return; // an anchor changes no value
    }
    Written target = op.target();
    for (Written w = target; w != null; w = w.parent) {
      if (w.node.tag() == MergeTag.RESET) {
        throw cancelled(MergeTag.RESET, keysOf(w), op.file().source.name());
      }
    }
    List<Step> edited = tags().isEmpty() ? null
        : merged(op.file().source.name(), op.file().documents.indexOf(root(target)));
    if (edited == null) {
      return; // no tags, or a file merged nowhere
    }
    List<String> at = keysOf(target);
    // what an insertion or a replacement writes below its target is reached by a tag further down
    Object written = at.size() != target.depth() ? null
        : op instanceof Op.Insert insert ? insert.entries()
        : op instanceof Op.Replace replace ? replace.value()
        : null;
    for (Tagged tag : tags()) {
      if (reaches(tag.merged(), edited) && (startsWith(at, tag.keys())
          || startsWith(tag.keys(), at) && writes(written, tag.keys().subList(at.size(), tag.keys().size())))) {
        throw cancelled(tag.tag(), tag.keys(), tag.file());
      }
    }
  }

  /**
   * Whether the tags of the document merged at {@code tagged} reach the document merged at {@code edited}: one
   * merged before it with its own files, or included by such a one, or by itself.
   */
  private static boolean reaches(List<Step> tagged, List<Step> edited) {
    int level = tagged.size() - 1;
    if (edited.size() <= level || !edited.subList(0, level).equals(tagged.subList(0, level))) {
      return false;
    }
    Step tag = tagged.get(level);
    Step edit = edited.get(level);
    return tag.entry() == edit.entry() && (edit.position() < tag.position()
        || edit.position() == tag.position() && (edit.document() < tag.document()
            || edit.document() == tag.document() && edited.size() > tagged.size()));
  }

  /** Where document {@code document} of compose file {@code file} is merged, or null when the file is nowhere. */
  private List<Step> merged(String file, int document) {
    LoadResult.Placement placement = load.placements().get(file);
    if (placement == null) {
      return null;
    }
    LoadResult.Inclusion inclusion = placement.includedBy();
    List<Step> steps = inclusion == null ? new ArrayList<>() : merged(inclusion.file(), inclusion.document());
    if (steps != null) {
      steps.add(new Step(inclusion == null ? -1 : inclusion.entry(), placement.position(), document));
    }
    return steps;
  }

  /** Says which file holds the tag, not where: a later round's text has moved it from where the user wrote it. */
  private static Unwritable cancelled(MergeTag tag, List<String> keys, String file) {
    return new Unwritable(String.join(".", keys) + (tag == MergeTag.RESET ? " is removed by !reset in "
        : " is replaced by !override in ") + file + ", so the fix would not count; change it there");
  }

  /** Whether {@code value} holds the key path {@code keys} (a key {@code *} matching any). */
  private static boolean writes(Object value, List<String> keys) {
    if (keys.isEmpty()) {
      return true;
    }
    if (!(value instanceof Map<?, ?> map)) {
      return false;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if ((keys.get(0).equals("*") || keys.get(0).equals(String.valueOf(e.getKey())))
          && writes(e.getValue(), keys.subList(1, keys.size()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code path} starts with {@code prefix}, a key {@code *} of the prefix matching any key. */
  private static boolean startsWith(List<String> path, List<String> prefix) {
    if (prefix.size() > path.size()) {
      return false;
    }
    for (int i = 0; i < prefix.size(); i++) {
      if (!prefix.get(i).equals("*") && !prefix.get(i).equals(path.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The keys from the document root to a written node, up to the first list item (tags address keys alone). */
  private static List<String> keysOf(Written w) {
    List<String> keys = new ArrayList<>();
    for (Written at = w; at.parent != null; at = at.parent) {
      if (at.key == null) {
        keys.clear(); // an item: what lies below it is no key path
      } else {
        keys.add(0, at.key.value());
      }
    }
    return keys;
  }

  private static Written root(Written w) {
    Written root = w;
    while (root.parent != null) {
      root = root.parent;
    }
    return root;
  }

  private List<Tagged> tags() {
    if (tags == null) {
      tags = new ArrayList<>();
      for (String file : load.composeFiles()) {
        ParsedYaml parsed = load.parsed().get(file);
        if (parsed == null) {
          continue;
        }
        List<Node> documents = parsed.documents();
        for (int document = 0; document < documents.size(); document++) {
          List<Step> merged = parsed.hasMergeTags(document) ? merged(file, document) : null;
          if (merged != null && documents.get(document) instanceof MapNode map) {
            collect(map, file, merged, List.of());
          }
        }
      }
    }
    return tags;
  }

  private void collect(MapNode map, String file, List<Step> merged, List<String> path) {
    for (MapNode.Entry e : map.entries()) {
      List<String> keys = new ArrayList<>(path);
      keys.add(e.name());
      if (e.value().tag() != MergeTag.NONE) {
        tags.add(new Tagged(file, merged, List.copyOf(keys), e.value().tag()));
      } else if (e.value() instanceof MapNode child) {
        collect(child, file, merged, keys);
      }
    }
  }
}
