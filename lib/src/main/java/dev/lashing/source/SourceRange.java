package dev.lashing.source;

/**
 * A span of text in one source file. Lines and columns are 1-based; columns and offsets count UTF-16 code
 * units of the decoded text (a leading byte order mark is offset 0), so they index straight into the String
 * an editor or a fix works on. The end is exclusive.
 */
public record SourceRange(
    String file, int line, int column, int endLine, int endColumn, int startOffset, int endOffset) {

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
}
