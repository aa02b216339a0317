package dev.lashing.source;

import java.util.Arrays;

/**
 * The decoded text of one file and the index that turns offsets into lines and columns. The text is kept
 * exactly as decoded (a byte order mark stays as U+FEFF at offset 0, CRLF stays CRLF), so ranges index into
 * the same String a fix edits.
 */
public final class SourceFile {
  private final String name;
  private final String text;
  private final int[] lineStarts;
  /** UTF-16 offset of each code point, or null when the text has no surrogate pairs (offsets are equal). */
  private final int[] codePointOffsets;

  public SourceFile(String name, String text) {
    this.name = name;
    this.text = text;
    this.lineStarts = lineStarts(text);
    this.codePointOffsets = codePointOffsets(text);
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  public boolean hasByteOrderMark() {
    return !text.isEmpty() && text.charAt(0) == '\uFEFF';
  }

  /** The UTF-16 offset of the code point with the given index (YAML marks count code points). */
  public int offsetOfCodePoint(int codePointIndex) {
    if (codePointOffsets == null) {
      return Math.min(codePointIndex, text.length());
    }
    return codePointIndex >= codePointOffsets.length ? text.length() : codePointOffsets[codePointIndex];
  }

  /** 1-based line of a UTF-16 offset; CR, LF and CRLF end lines, as in YAML 1.2. */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** 1-based column (UTF-16 units; a tab counts one) of a UTF-16 offset. */
  public int columnOf(int offset) {
    return offset - lineStarts[lineOf(offset) - 1] + 1;
  }

  /** The UTF-16 offset where a 1-based line starts. */
  public int lineStart(int line) {
    return lineStarts[line - 1];
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The text of a 1-based line without its line break. */
  public String line(int line) {
    return text.substring(lineStarts[line - 1], lineEnd(line));
  }

  /** The UTF-16 offset where a 1-based line's text ends, before its line break. */
  public int lineEnd(int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  public SourceRange range(int startOffset, int endOffset) {
    int startLine = lineOf(startOffset);
    // most ranges end on the line they start on: no second search
    boolean sameLine = startOffset <= endOffset
        && (startLine == lineStarts.length || endOffset < lineStarts[startLine]);
    int endLine = sameLine ? startLine : lineOf(endOffset);
    return new SourceRange(
        name, startLine, startOffset - lineStart(startLine) + 1, endLine, endOffset - lineStart(endLine) + 1,
        startOffset, endOffset);
  }

  /** A position (zero width) at an offset. */
  public SourceRange at(int offset) {
    return range(offset, offset);
  }

  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    // Breaks are found with String.indexOf, compiled early in every run, rather than a loop over each character,
    // which runs interpreted: this method is called once per file, too seldom to be compiled.
    int lineFeed = text.indexOf('\n');
    int carriageReturn = text.indexOf('\r');
    while (lineFeed >= 0 || carriageReturn >= 0) {
      int last = carriageReturn >= 0 && (lineFeed < 0 || carriageReturn < lineFeed)
          ? (carriageReturn + 1 == lineFeed ? lineFeed : carriageReturn)
          : lineFeed;
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = last + 1;
      if (lineFeed >= 0 && lineFeed <= last) {
        lineFeed = text.indexOf('\n', last + 1);
      }
      if (carriageReturn >= 0 && carriageReturn <= last) {
        carriageReturn = text.indexOf('\r', last + 1);
      }
    }
    return Arrays.copyOf(starts, count);
  }

  private static int[] codePointOffsets(String text) {
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints == text.length()) {
      return null;
    }
    int[] offsets = new int[codePoints];
    for (int i = 0, cp = 0; i < text.length(); cp++) {
      offsets[cp] = i;
      i += Character.charCount(text.codePointAt(i));
    }
    return offsets;
  }

  /**
   * The line break a text uses, by its first: {@code \r\n} when its first line ends so, {@code \r} when it breaks
   * lines with CR alone, else {@code \n}. What a tool that rewrites the file writes, so that it keeps the file's own.
   */
  public static String lineBreakOf(String text) {
    int lf = text.indexOf('\n');
    return lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : lf < 0 && text.indexOf('\r') >= 0 ? "\r" : "\n";
  }
}
