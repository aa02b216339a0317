package dev.lashing.yaml;

import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.util.Arrays;
import java.util.List;

/**
 * The scalar values a file writes (not its keys, not the copies aliases make), sorted by start offset in two
 * arrays searched by bisection: a map from offset to scalar would spend an entry and a boxed offset on each
 * of a large file's million values.
 */
final class WrittenScalars {
  private final int[] starts;
  private final ScalarNode[] scalars;

  private WrittenScalars(int[] starts, ScalarNode[] scalars) {
    this.starts = starts;
    this.scalars = scalars;
  }

  static WrittenScalars of(List<Node> documents) {
    Collector collector = new Collector();
    for (Node document : documents) {
      collector.collect(document);
    }
    return collector.sorted();
  }

  /** The first scalar collected that starts at {@code offset}, or null. */
  ScalarNode startingAt(int offset) {
    int at = Arrays.binarySearch(starts, offset);
    if (at < 0) {
      return null;
    }
    while (at > 0 && starts[at - 1] == offset) {
      at--;
    }
    return scalars[at];
  }

  private static final class Collector {
    int[] starts = new int[64];
    ScalarNode[] scalars = new ScalarNode[64];
    int size;
    boolean inOrder = true;

    /** Depth is bounded by the reader's nesting limit, so recursion is safe here. */
    void collect(Node node) {
      if (node instanceof MapNode map) {
        for (MapNode.Entry e : map.entries()) {
          if (e.value().origin().via().isEmpty()) {
            collect(e.value());
          }
        }
      } else if (node instanceof SeqNode seq) {
        for (Node item : seq.items()) {
          if (item.origin().via().isEmpty()) {
            collect(item);
          }
        }
      } else {
        add((ScalarNode) node); // the last kind of the sealed Node
      }
    }

    private void add(ScalarNode scalar) {
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, 2 * size);
        scalars = Arrays.copyOf(scalars, 2 * size);
      }
      int start = scalar.origin().at().startOffset();
      inOrder &= size == 0 || starts[size - 1] <= start;
      starts[size] = start;
      scalars[size] = scalar;
      size++;
    }

    /** Written order is offset order but for what a merge key moved; a stable sort keeps the first at an offset. */
    WrittenScalars sorted() {
      if (inOrder) {
        return new WrittenScalars(Arrays.copyOf(starts, size), Arrays.copyOf(scalars, size));
      }
      long[] keys = new long[size];
      for (int i = 0; i < size; i++) {
        keys[i] = (long) starts[i] << 32 | i;
      }
      Arrays.sort(keys);
      int[] sortedStarts = new int[size];
      ScalarNode[] sortedScalars = new ScalarNode[size];
      for (int i = 0; i < size; i++) {
        sortedStarts[i] = (int) (keys[i] >>> 32);
        sortedScalars[i] = scalars[(int) keys[i]];
      }
      return new WrittenScalars(sortedStarts, sortedScalars);
    }
  }
}
