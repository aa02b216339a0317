package dev.lashing.report;

import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;

/**
 * The first line of a range and the part of it the range covers, as UTF-16 indices into {@code line}; a
 * range that goes on to later lines covers the rest of its first line.
 */
record LineSpan(String line, int start, int end) {

  /** The span of {@code at} in {@code file}, or null when there is no text to show (no file, no position). */
  static LineSpan of(SourceRange at, SourceFile file) {
    if (file == null || at.isSynthetic() || at.line() < 1 || at.line() > file.lineCount()) {
      return null;
    }
    String line = file.line(at.line());
    int start = Math.min(Math.max(at.column() - 1, 0), line.length());
    int end = at.endLine() == at.line() ? Math.max(start, Math.min(at.endColumn() - 1, line.length())) : line.length();
    return new LineSpan(line, start, end);
  }

  String covered() {
    return line.substring(start, end);
  }
}
