package dev.lashing.rules.correctness;

import dev.lashing.lint.RuleContext;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The scalars of the project's compose files as written (before interpolation, merges and casts), each with its
 * path in its document, the path a fix of that file takes: for the rules about how a value is spelled.
 */
final class WrittenScalarPaths {
  /** Called for each scalar; {@code path} changes as the walk goes on, so it is copied if kept. */
  interface Visitor {
    void visit(ScalarNode scalar, List<String> path);
  }

  private WrittenScalarPaths() {}

  static void forEach(RuleContext context, Visitor visitor) {
    for (String name : context.load().composeFiles()) {
      for (Node document : context.load().parsed().get(name).documents()) {
        walk(document, new ArrayList<>(), visitor);
      }
    }
  }

  /** The service a path is in, or null. */
  static String serviceOf(List<String> path) {
    return path.size() > 1 && path.get(0).equals("services") ? path.get(1) : null;
  }

  private static void walk(Node node, List<String> path, Visitor visitor) {
    if (node instanceof MapNode map) {
      for (MapNode.Entry e : map.entries()) {
        path.add(e.name());
        walk(e.value(), path, visitor);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof SeqNode seq) {
      for (int i = 0; i < seq.size(); i++) {
        path.add("[" + i + "]");
        walk(seq.get(i), path, visitor);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof ScalarNode scalar) {
      visitor.visit(scalar, path);
    }
  }
}
