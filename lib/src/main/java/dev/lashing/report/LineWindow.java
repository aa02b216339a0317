package dev.lashing.report;

import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;

/**
 * The text of a range's first line that a code frame may show, and the part of it the range covers, as UTF-16
 * indices into {@code text}. A line of up to {@link #WHOLE_UP_TO} units is taken whole; of a longer one (a
 * minified value, a flow mapping on one line) only a stretch around the range, so that showing each of many
 * findings on it costs the stretch, not the line. {@code cutBefore} and {@code cutAfter} say that the line goes
 * on beyond the text.
 */
record LineWindow(String text, int textStart, int start, int end, boolean cutBefore, boolean cutAfter) {
  /** Lines up to this long are taken whole. */
  static final int WHOLE_UP_TO = 16 * 1024;
  /**
   * How much of a longer line is taken on each side of the range's start: more than a code frame shows (60
   * characters before the span, 200 in all), little enough that a fingerprint of each of a million findings on
   * one line (a SHA-256 of this text, a few hundred nanoseconds a character before the JIT's intrinsic) stays
   * cheap.
   */
  private static final int MARGIN = 256;

  /** The window of {@code at} in {@code file}, or null when there is no text to show (no file, no position). */
  static LineWindow of(SourceRange at, SourceFile file) {
    if (file == null || at.isSynthetic() || at.line() < 1 || at.line() > file.lineCount()) {
      return null;
    }
    int lineStart = file.lineStart(at.line());
    int lineEnd = file.lineEnd(at.line());
    int start = lineStart + Math.min(Math.max(at.column() - 1, 0), lineEnd - lineStart);
    int end = at.endLine() == at.line() ? Math.max(start, Math.min(lineStart + at.endColumn() - 1, lineEnd)) : lineEnd;
    int from = lineStart;
    int to = lineEnd;
    if (lineEnd - lineStart > WHOLE_UP_TO) {
      from = Math.max(lineStart, start - MARGIN);
      to = Math.min(lineEnd, start + MARGIN);
      // never between the two halves of a surrogate pair
      if (from > lineStart && Character.isLowSurrogate(file.text().charAt(from))) {
        from--;
      }
      if (to < lineEnd && Character.isLowSurrogate(file.text().charAt(to))) {
        to--;
      }
    }
    return new LineWindow(file.text().substring(from, to), from, start - from, Math.min(end, to) - from,
        from > lineStart, to < lineEnd);
  }
}
