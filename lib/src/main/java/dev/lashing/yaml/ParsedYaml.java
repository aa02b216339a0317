package dev.lashing.yaml;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.Offsets;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import java.util.BitSet;
import java.util.List;

/**
 * One YAML file as the reader parsed it, once, for every later stage: its documents (each scalar keeps its
 * style, tag and range), its comments, and the anchors and tags written in it. The loader keeps one per compose
 * file in its {@code LoadResult}, so lint, fix and patch read this instead of parsing the text again.
 */
public final class ParsedYaml {
  /** A comment written in the file: from its {@code #} to the end of its line, as offsets. */
  public record Comment(int start, int end) {}

  /**
   * An {@code &name} written in the file from {@code start}, on the node whose value starts at {@code valueStart}
   * (a tag or a comment may come between them).
   */
  public record Anchor(String name, int start, int valueStart) {}

  /** An {@code *name} written in the file (as a value, or in a merge key), starting at {@code start}. */
  public record Alias(String name, int start) {}

  /**
   * A tag written on a value (not on a mapping key): {@code name} as the parser resolves it
   * ({@code tag:yaml.org,2002:str} for {@code !!str}, {@code !reset}), written at {@code [start, end)} on the node
   * whose value starts at {@code valueStart}.
   */
  public record Tag(String name, int start, int end, int valueStart) {}

  private final SourceFile source;
  private final List<Node> documents;
  private final List<Comment> comments;
  private final List<Anchor> anchors;
  private final List<Alias> aliases;
  private final List<Tag> tags;
  private final BitSet mergeTagged;
  private final List<Diagnostic> errors;
  /** Written scalars sorted by start offset, made on the first look-up (most runs ask for none). */
  private WrittenScalars scalars;

  ParsedYaml(SourceFile source, List<Node> documents, List<Comment> comments, List<Anchor> anchors,
      List<Alias> aliases, List<Tag> tags, BitSet mergeTagged, List<Diagnostic> errors) {
    this.source = source;
    this.documents = List.copyOf(documents);
    this.comments = List.copyOf(comments);
    this.anchors = List.copyOf(anchors);
    this.aliases = List.copyOf(aliases);
    this.tags = List.copyOf(tags);
    this.mergeTagged = (BitSet) mergeTagged.clone();
    this.errors = List.copyOf(errors);
  }

  /**
   * What Compose refuses in the file and the reading went past, each an error where it is written, in the order
   * they are written: a key written again in its mapping (at the second key, naming the line of the first; the
   * documents hold the first value), a key that is not a string, a value whose tag does not hold for it
   * ({@code !!int abc}, {@code !!binary} that is not base64; at the tag). The documents leave out each entry or
   * item so refused.
   */
  public List<Diagnostic> errors() {
    return errors;
  }

  /**
   * Whether a node of document {@code index} is tagged {@code !reset} or {@code !override} (aliases included:
   * an anchor is in the document that uses it), so that the loader can skip looking for tags in the others.
   */
  public boolean hasMergeTags(int index) {
    return mergeTagged.get(index);
  }

  public SourceFile source() {
    return source;
  }

  /** The documents of the stream, in order; an empty document is a null scalar. */
  public List<Node> documents() {
    return documents;
  }

  /** The comments, in the order they are written. */
  public List<Comment> comments() {
    return comments;
  }

  /** The anchors, in the order they are written. */
  public List<Anchor> anchors() {
    return anchors;
  }

  /** The aliases, in the order they are written. */
  public List<Alias> aliases() {
    return aliases;
  }

  /** The tags written on values, in the order they are written. */
  public List<Tag> tags() {
    return tags;
  }

  /**
   * Whether a tag is written on the value that starts at {@code valueStart} ({@code !!str no}): found by halving,
   * as the tags are in the order they are written, and so of their values.
   */
  public boolean isTagged(int valueStart) {
    int i = Offsets.firstAtOrAfter(tags.size(), t -> tags.get(t).valueStart(), valueStart);
    return i < tags.size() && tags.get(i).valueStart() == valueStart;
  }

  /**
   * The scalar value written exactly at {@code at} (not a key, not a copy an alias makes), or null.
   */
  public ScalarNode scalarAt(SourceRange at) {
    ScalarNode scalar = writtenScalars().startingAt(at.startOffset());
    return scalar != null && scalar.origin().at().endOffset() == at.endOffset() ? scalar : null;
  }

  private synchronized WrittenScalars writtenScalars() {
    if (scalars == null) {
      scalars = WrittenScalars.of(documents);
    }
    return scalars;
  }
}
