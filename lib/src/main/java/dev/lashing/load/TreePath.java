package dev.lashing.load;

import java.util.ArrayList;
import java.util.List;

/**
 * A place in a Compose tree as compose-go's {@code tree.Path} names it: one part per mapping key (dots inside
 * a key do not split it), {@code []} for any sequence item. Used as a pattern, a {@code *} part matches any
 * one part, which is how Compose picks its merge, uniqueness and reset rules.
 */
record TreePath(List<String> parts) {
  static final TreePath ROOT = new TreePath(List.of());
  static final String ITEM = "[]";
  static final String ANY = "*";

  TreePath {
    parts = List.copyOf(parts);
  }

  /** A pattern written in code, such as {@code services.*.ports}. */
  static TreePath parse(String dotted) {
    return new TreePath(List.of(dotted.split("\\.")));
  }

  TreePath child(String part) {
    List<String> next = new ArrayList<>(parts.size() + 1);
    next.addAll(parts);
    next.add(part);
    return new TreePath(next);
  }

  boolean matches(TreePath pattern) {
    if (pattern.parts.size() != parts.size()) {
      return false;
    }
    for (int i = 0; i < parts.size(); i++) {
      String want = pattern.parts.get(i);
      if (!want.equals(ANY) && !want.equals(parts.get(i))) {
        return false;
      }
    }
    return true;
  }

  boolean matchesAny(List<TreePath> patterns) {
    return patterns.stream().anyMatch(this::matches);
  }

  @Override
  public String toString() {
    return String.join(".", parts);
  }

  // equals and hashCode written out: a record's generated ones are linked at run time by a bootstrap method that
  // the ahead-of-time cache cannot hold, which costs every run; the hash is the record's own formula.
  @Override
  public boolean equals(Object o) {
    return o instanceof TreePath other && parts.equals(other.parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }
}
