package dev.lashing.inventory;

import dev.lashing.source.Diagnostic;
import dev.lashing.tree.Node;
import java.util.ArrayList;
import java.util.List;

/** The problems found in an inventory, each at the node where it is written. */
final class InventoryProblems {
  private final List<Diagnostic> problems = new ArrayList<>();

  void error(Node node, String message) {
    problems.add(Diagnostic.error(Diagnostic.Kind.SCHEMA, node.origin().usedAt(), message));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /** In the order of the file. */
  List<Diagnostic> sorted() {
    List<Diagnostic> sorted = new ArrayList<>(problems);
    sorted.sort((a, b) -> {
      int order = Integer.compare(a.at().line(), b.at().line());
      if (order == 0) {
        order = Integer.compare(a.at().column(), b.at().column());
      }
      return order != 0 ? order : a.message().compareTo(b.message());
    });
    return sorted;
  }
}
