package dev.lashing.tree;

import dev.lashing.source.Origin;

/**
 * An immutable YAML value as Compose sees it after anchors, aliases and merge keys are resolved: a mapping
 * with string keys, a sequence, or a scalar. Every node remembers where it came from ({@link #origin()}).
 * This tree is what the loader interpolates, merges and validates; the typed model is bound from it.
 */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {

  Origin origin();

  /** The Compose merge tag written on this node ({@code !reset}, {@code !override}), or NONE. */
  MergeTag tag();

  /** The same node with a different origin (children keep theirs). */
  Node withOrigin(Origin origin);

  Node withTag(MergeTag tag);

  /** A short name of the node's kind for messages: "mapping", "sequence", "string", "number"... */
  String kindName();

  /** The Compose tags that steer merging of several files. */
  enum MergeTag {
    NONE,
    /** {@code !reset}: remove the value inherited from earlier files and from this one. */
    RESET,
    /** {@code !override}: replace the inherited value instead of merging with it. */
    OVERRIDE
  }
}
