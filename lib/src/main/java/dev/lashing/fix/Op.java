package dev.lashing.fix;

import dev.lashing.fix.YamlFile.Written;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One structural edit of a written node, before it becomes text. */
sealed interface Op {
  YamlFile file();

  /** The node the edit is about (edits of one node by several fixes are merged). */
  Written target();

  /**
   * Whether two edits are of the same node of the same file, both held by identity. (The records' equals and
   * hashCode are written out, not generated at run time: scripts/check-dist.sh says why.)
   */
  static boolean sameNode(Op a, Op b) {
    return a.file() == b.file() && a.target() == b.target();
  }

  /** Add entries (nested mappings allowed) at the end of a mapping. */
  record Insert(YamlFile file, Written target, Map<String, Object> entries) implements Op {
    @Override
    public boolean equals(Object o) {
      return o instanceof Insert other && sameNode(this, other) && Objects.equals(entries, other.entries);
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, target, entries);
    }
  }

  /** Write {@code value} in place of a node (a scalar, an alias, a null, a collection). */
  record Replace(YamlFile file, Written target, Object value) implements Op {
    @Override
    public boolean equals(Object o) {
      return o instanceof Replace other && sameNode(this, other) && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, target, value);
    }
  }

  /**
   * Write literal YAML text in place of a scalar: a port's short form rewritten, or a string and a new item as a flow
   * list. {@code sameKind} when the text is still a string, so that a {@code !!str} written on it still holds.
   */
  record RawReplace(YamlFile file, Written target, String text, boolean sameKind) implements Op {
    @Override
    public boolean equals(Object o) {
      return o instanceof RawReplace other && sameNode(this, other) && Objects.equals(text, other.text)
          && sameKind == other.sameKind;
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, target, text, sameKind);
    }
  }

  /** Add items at the end of a sequence. */
  record Append(YamlFile file, Written target, List<Object> items) implements Op {
    @Override
    public boolean equals(Object o) {
      return o instanceof Append other && sameNode(this, other) && Objects.equals(items, other.items);
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, target, items);
    }
  }

  /** Remove the mapping entry whose value is {@code target}. */
  record DeleteEntry(YamlFile file, Written target) implements Op {
    @Override
    public boolean equals(Object o) {
      return o instanceof DeleteEntry other && sameNode(this, other);
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, target);
    }
  }

  /** Remove the sequence item {@code target}. */
  record DeleteItem(YamlFile file, Written target) implements Op {
    @Override
    public boolean equals(Object o) {
      return o instanceof DeleteItem other && sameNode(this, other);
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, target);
    }
  }

  /** Write {@code items} in place of the sequence item {@code target}. */
  record ReplaceItem(YamlFile file, Written target, List<Object> items) implements Op {
    @Override
    public boolean equals(Object o) {
      return o instanceof ReplaceItem other && sameNode(this, other) && Objects.equals(items, other.items);
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, target, items);
    }
  }

  /** Write a plain scalar quoted. */
  record Quote(YamlFile file, Written target) implements Op {
    @Override
    public boolean equals(Object o) {
      return o instanceof Quote other && sameNode(this, other);
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, target);
    }
  }

  /** Put {@code &name} on a node so that another place can merge it. */
  record AddAnchor(YamlFile file, Written target, String name) implements Op {
    @Override
    public boolean equals(Object o) {
      return o instanceof AddAnchor other && sameNode(this, other) && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, target, name);
    }
  }
}
