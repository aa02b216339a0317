package dev.lashing.source;

import java.util.List;
import java.util.Objects;

/**
 * A span of text in one source file. Lines and columns are 1-based; columns and offsets count UTF-16 code
 * units of the decoded text (a leading byte order mark is offset 0), so they index straight into the String
 * an editor or a fix works on. The end is exclusive.
 */
public record SourceRange(
    String file, int line, int column, int endLine, int endColumn, int startOffset, int endOffset)
    implements Origin {

  /** A range is the origin of a value written there and used there. */
  @Override
  public SourceRange at() {
    return this;
  }

  @Override
  public List<Via> via() {
    return List.of();
  }

  /** A range for something that has no text of its own (a default, a value from the command line). */
  public static SourceRange synthetic(String file) {
    return new SourceRange(file, 0, 0, 0, 0, -1, -1);
  }

  public boolean isSynthetic() {
    return startOffset < 0;
  }

  /** {@code file:line:col}, the form editors and CI annotations understand. */
  @Override
  public String toString() {
    return isSynthetic() ? file : file + ":" + line + ":" + column;
  }

  // equals and hashCode written out, not generated at run time (scripts/check-dist.sh says why)
  @Override
  public boolean equals(Object o) {
    return o instanceof SourceRange r && line == r.line && column == r.column && endLine == r.endLine
        && endColumn == r.endColumn && startOffset == r.startOffset && endOffset == r.endOffset
        && Objects.equals(file, r.file);
  }

  @Override
  public int hashCode() {
    int hash = Objects.hashCode(file) * 31 + line;
    hash = hash * 31 + column;
    hash = hash * 31 + endLine;
    hash = hash * 31 + endColumn;
    hash = hash * 31 + startOffset;
    return hash * 31 + endOffset;
  }
}
