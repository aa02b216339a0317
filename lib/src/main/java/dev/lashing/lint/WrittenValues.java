package dev.lashing.lint;

import dev.lashing.api.ComposeException;
import dev.lashing.api.LoadResult;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.YamlReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What a compose file itself writes for a value, before interpolation: the scalar at a position, with YAML's
 * quoting and escapes undone exactly (the file is read again with the same reader). Rules use it to tell a
 * literal ({@code PASSWORD: hunter2}, {@code ${TAG:-latest}}) from a value that comes from the environment.
 */
public final class WrittenValues {
  /** Scalars by start offset, per file text; weak so a finished run's files can go. */
  private static final Map<SourceFile, Map<Integer, ScalarNode>> CACHE = new WeakHashMap<>();

  private WrittenValues() {}

  /**
   * The written value of the scalar at {@code at} ("" for a null such as {@code KEY:}), or null when no
   * scalar is written there.
   */
  public static String at(LoadResult load, SourceRange at) {
    if (at.isSynthetic()) {
      return null;
    }
    SourceFile file = load.sources().get(at.file());
    if (file == null) {
      return null;
    }
    ScalarNode scalar = scalars(file).get(at.startOffset());
    if (scalar == null || scalar.origin().at().endOffset() != at.endOffset()) {
      return null;
    }
    return scalar.isNull() ? "" : scalar.value();
  }

  private static Map<Integer, ScalarNode> scalars(SourceFile file) {
    synchronized (CACHE) {
      Map<Integer, ScalarNode> known = CACHE.get(file);
      if (known != null) {
        return known;
      }
      Map<Integer, ScalarNode> byOffset = new HashMap<>();
      try {
        for (Node document : YamlReader.read(file)) {
          collect(document, byOffset);
        }
      } catch (ComposeException notYaml) {
        // an env file, or a file that did not load: it writes no compose values
      }
      CACHE.put(file, byOffset);
      return byOffset;
    }
  }

  private static void collect(Node node, Map<Integer, ScalarNode> out) {
    if (node instanceof MapNode map) {
      for (MapNode.Entry e : map.entries()) {
        if (e.value().origin().via().isEmpty()) {
          collect(e.value(), out);
        }
      }
    } else if (node instanceof SeqNode seq) {
      List<Node> items = seq.items();
      for (Node item : items) {
        if (item.origin().via().isEmpty()) {
          collect(item, out);
        }
      }
    } else if (node instanceof ScalarNode scalar) {
      out.putIfAbsent(scalar.origin().at().startOffset(), scalar);
    }
  }
}
