package dev.lashing.fix;

import dev.lashing.fix.YamlFile.Written;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One structural edit of a written node, before it becomes text. */
sealed interface Op {
  YamlFile file();

  /** The node the edit is about (edits of one node by several fixes are merged). */
  Written target();

  /** What the edit writes at its node, beside its kind (null for an edit that writes nothing of its own). */
  default Object content() {
    return null;
  }

  /**
   * Whether two edits are the same: of one kind, of one node of one file (both held by identity), writing the same.
   * Not the records' equals, which would be generated at run time (scripts/check-dist.sh says why).
   */
  static boolean same(Op a, Op b) {
    return a.getClass() == b.getClass() && a.file() == b.file() && a.target() == b.target()
        && Objects.equals(a.content(), b.content());
  }

  /** Add entries (nested mappings allowed) at the end of a mapping. */
  record Insert(YamlFile file, Written target, Map<String, Object> entries) implements Op {
    @Override
    public Object content() {
      return entries;
    }
  }

  /** Write {@code value} in place of a node (a scalar, an alias, a null, a collection). */
  record Replace(YamlFile file, Written target, Object value) implements Op {
    @Override
    public Object content() {
      return value;
    }
  }

  /**
   * Write literal YAML text in place of a scalar: a port's short form rewritten, or a string and a new item as a flow
   * list. {@code sameKind} when the text is still a string, so that a {@code !!str} written on it still holds.
   */
  record RawReplace(YamlFile file, Written target, String text, boolean sameKind) implements Op {
    @Override
    public Object content() {
      return Arrays.asList(text, sameKind);
    }
  }

  /** Add items at the end of a sequence. */
  record Append(YamlFile file, Written target, List<Object> items) implements Op {
    @Override
    public Object content() {
      return items;
    }
  }

  /** Remove the mapping entry whose value is {@code target}. */
  record DeleteEntry(YamlFile file, Written target) implements Op {}

  /** Remove the sequence item {@code target}. */
  record DeleteItem(YamlFile file, Written target) implements Op {}

  /** Write {@code items} in place of the sequence item {@code target}. */
  record ReplaceItem(YamlFile file, Written target, List<Object> items) implements Op {
    @Override
    public Object content() {
      return items;
    }
  }

  /** Write a plain scalar quoted. */
  record Quote(YamlFile file, Written target) implements Op {}

  /** Put {@code &name} on a node so that another place can merge it. */
  record AddAnchor(YamlFile file, Written target, String name) implements Op {
    @Override
    public Object content() {
      return name;
    }
  }
}
