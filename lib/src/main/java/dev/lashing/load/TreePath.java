package dev.lashing.load;

import java.util.Arrays;
import java.util.List;

/**
 * A place in a Compose tree as compose-go's {@code tree.Path} names it: one part per mapping key (dots inside
 * a key do not split it), {@code []} for any sequence item. Used as a pattern, a {@code *} part matches any
 * one part, which is how Compose picks its merge, uniqueness and reset rules.
 *
 * <p>A path is its last part and a link to its parent's path, so that a walk makes each child's path in one small
 * object instead of copying the parent's parts (a million keys made a million copies).
 */
final class TreePath {
  static final TreePath ROOT = new TreePath(null, null);
  static final String ITEM = "[]";
  static final String ANY = "*";

  private final TreePath parent;
  private final String last;
  private final int size;
  private final int hash;

  private TreePath(TreePath parent, String last) {
    this.parent = parent;
    this.last = last;
    this.size = parent == null ? 0 : parent.size + 1;
    // the hash of the list of parts, as when a path was a record of that list
    this.hash = parent == null ? 1 : 31 * parent.hash + last.hashCode();
  }

  /** A pattern written in code, such as {@code services.*.ports}. */
  static TreePath parse(String dotted) {
    TreePath path = ROOT;
    for (String part : dotted.split("\\.")) {
      path = path.child(part);
    }
    return path;
  }

  TreePath child(String part) {
    return new TreePath(this, part);
  }

  /** The parts from the root down. */
  List<String> parts() {
    String[] parts = new String[size];
    for (TreePath at = this; at.parent != null; at = at.parent) {
      parts[at.size - 1] = at.last;
    }
    return Arrays.asList(parts);
  }

  boolean matches(TreePath pattern) {
    if (pattern.size != size) {
      return false;
    }
    for (TreePath at = this, want = pattern; at.parent != null; at = at.parent, want = want.parent) {
      if (!want.last.equals(ANY) && !want.last.equals(at.last)) {
        return false;
      }
    }
    return true;
  }

  boolean matchesAny(List<TreePath> patterns) {
    for (TreePath pattern : patterns) {
      if (matches(pattern)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return String.join(".", parts());
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TreePath other) || other.size != size || other.hash != hash) {
      return false;
    }
    for (TreePath at = this, them = other; at.parent != null; at = at.parent, them = them.parent) {
      if (!at.last.equals(them.last)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
