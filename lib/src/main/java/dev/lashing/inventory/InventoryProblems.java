package dev.lashing.inventory;

import dev.lashing.source.Diagnostic;
import dev.lashing.tree.Node;
import java.util.ArrayList;
import java.util.Comparator;
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
    sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.at().line())
        .thenComparingInt(d -> d.at().column()).thenComparing(Diagnostic::message));
    return sorted;
  }
}
