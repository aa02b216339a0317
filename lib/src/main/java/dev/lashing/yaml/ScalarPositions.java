package dev.lashing.yaml;

import dev.lashing.source.Offsets;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.ScalarNode;
import java.util.Arrays;

/**
 * Where the characters of a scalar's value are written in its file. A value is its written text with YAML's
 * quotes, escapes, indentation and line folding undone; here the text is read again as the reader read it
 * (snakeyaml-engine's scanner), so that a part of the value, such as a {@code $VAR} in a block scalar, is placed
 * where it is written. A part that spans an escape or a folded line break runs from where its first character
 * is written to where its last one ends.
 *
 * <p>The text is read once, on the first question, and only offsets where text and value stop running side by
 * side (a line break, an escape, indentation) are kept: a long value written on one line keeps none. When the
 * text is unknown, or does not read as the value, every part is placed at the whole scalar.
 */
public final class ScalarPositions {
  private final ScalarNode scalar;
  /** The file the scalar is written in; null when that is not known. */
  private final SourceFile file;
  /** Pairs of offsets, in the value and in the text, sorted; null until read, or when they cannot be. */
  private int[] valueOffsets;
  private int[] textOffsets;
  private int size;
  private boolean textRead;

  private ScalarPositions(ScalarNode scalar, SourceFile file) {
    this.scalar = scalar;
    this.file = file;
  }

  /** The positions of {@code scalar}'s value in {@code file}, where it is written (null when not known). */
  public static ScalarPositions of(ScalarNode scalar, SourceFile file) {
    return new ScalarPositions(scalar, file);
  }

  /** Where {@code value[start, end)} is written, or the whole scalar when that is not known. */
  public SourceRange range(int start, int end) {
    if (!textRead) {
      textRead = true;
      readText();
    }
    if (valueOffsets == null) {
      return scalar.origin().at();
    }
    int from = start < scalar.value().length() ? startOf(start) : endOf(start);
    return file.range(from, end > start ? endOf(end) : from);
  }

  private void readText() {
    SourceRange at = scalar.origin().at();
    if (file == null || at.isSynthetic() || at.endOffset() > file.text().length()) {
      return;
    }
    Reading reading = new Reading(file.text(), scalar.value(), at.startOffset());
    if (reading.read(scalar.style(), at.endOffset())) {
      valueOffsets = reading.valueOffsets;
      textOffsets = reading.textOffsets;
      size = reading.size;
    }
  }

  /** Where the character at {@code offset} of the value is written (an offset before the value's end). */
  private int startOf(int offset) {
    int i = firstAtOrAfter(offset + 1) - 1;
    return sideBySide(i) ? textOffsets[i] + offset - valueOffsets[i] : textOffsets[i];
  }

  /** Where the text of the value's characters before {@code offset} ends. */
  private int endOf(int offset) {
    int i = firstAtOrAfter(offset);
    if (i == 0) {
      return textOffsets[0];
    }
    return sideBySide(i - 1) ? textOffsets[i] - (valueOffsets[i] - offset) : textOffsets[i];
  }

  /**
   * Whether the value between pairs {@code i} and {@code i + 1} is its text, character by character. Text read
   * otherwise (an escape, a folded break) is longer than what it reads as, or one character for one, which is
   * placed alike either way.
   */
  private boolean sideBySide(int i) {
    return valueOffsets[i + 1] - valueOffsets[i] == textOffsets[i + 1] - textOffsets[i];
  }

  /** The first pair at or after {@code offset} of the value ({@link #size} when none is). */
  private int firstAtOrAfter(int offset) {
    return Offsets.firstAtOrAfter(valueOffsets, size, offset);
  }

  /**
   * Reads a scalar's text alongside its value, as snakeyaml-engine's scanner does, and keeps a pair of offsets
   * wherever the two stop running side by side. What it reads as written is compared with the value, so a text
   * that reads otherwise (a reader's quirk not followed here) places nothing rather than something wrong.
   */
  private static final class Reading {
    private final String text;
    private final String value;
    private int[] valueOffsets = new int[4];
    private int[] textOffsets = new int[4];
    private int size;
    /** How far the value, and the text, are read. */
    private int valueAt;
    private int textAt;
    private boolean failed;

    Reading(String text, String value, int start) {
      this.text = text;
      this.value = value;
      this.textAt = start;
      pair(0, start);
    }

    /** Reads the text of a scalar of {@code style} from where it started to {@code end}: whether it is the value. */
    boolean read(ScalarNode.Style style, int end) {
      int start = textAt;
      switch (style) {
        case PLAIN -> plain(start, end);
        case SINGLE_QUOTED -> quoted(start, '\'');
        case DOUBLE_QUOTED -> quoted(start, '"');
        case LITERAL -> block(start, '|');
        case FOLDED -> block(start, '>');
        case SYNTHETIC -> failed = true; // a value Lashing made: no text of its own
      }
      pair(valueAt, textAt);
      return !failed && valueAt == value.length();
    }

    /** A plain scalar written in {@code [from, to)}: its words as written, each line break folded. */
    private void plain(int from, int to) {
      int at = from;
      while (at < to && !failed) {
        int wordEnd = at;
        while (wordEnd < to && !isBlank(text.charAt(wordEnd)) && !isBreakWithin(text.charAt(wordEnd))) {
          wordEnd++;
        }
        same(at, wordEnd);
        at = wordEnd < to ? blanks(wordEnd, to) : to;
      }
    }

    /** A single- or double-quoted scalar whose opening quote is at {@code from}. */
    private void quoted(int from, char quote) {
      if (text.charAt(from) != quote) {
        failed = true;
        return;
      }
      int at = nonBlanks(from + 1, quote);
      while (!failed && at < text.length() && text.charAt(at) != quote) {
        at = nonBlanks(blanks(at, text.length()), quote);
      }
    }

    /**
     * The characters of a quoted scalar up to its next blank, line break or closing quote: as written but for
     * {@code ''} in single quotes and escapes in double quotes.
     */
    private int nonBlanks(int from, char quote) {
      int at = from;
      while (at < text.length() && !failed) {
        int wordEnd = at;
        while (wordEnd < text.length() && !isBlank(text.charAt(wordEnd)) && !isBreakWithin(text.charAt(wordEnd))
            && "'\"\\".indexOf(text.charAt(wordEnd)) < 0) {
          wordEnd++;
        }
        same(at, wordEnd);
        at = wordEnd;
        char c = at < text.length() ? text.charAt(at) : quote;
        if (quote == '\'' && c == '\'' && at + 1 < text.length() && text.charAt(at + 1) == '\'') {
          replaced(at, at + 2, 1);
          at += 2;
        } else if (quote == '\'' ? c == '"' || c == '\\' : c == '\'') { // as written: the other quote, \ in ''
          same(at, at + 1);
          at++;
        } else if (c == '\\') {
          at = escape(at);
        } else {
          return at;
        }
      }
      return at;
    }

    /** The escape at {@code at} in a double-quoted scalar: a character, or a line break written away. */
    private int escape(int at) {
      char c = at + 1 < text.length() ? text.charAt(at + 1) : '\\';
      int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
      if (digits > 0 && at + 2 + digits <= text.length()) {
        int end = at + 2 + digits;
        try {
          replaced(at, end, Character.charCount(Integer.parseInt(text, at + 2, end, 16)));
        } catch (NumberFormatException e) {
          failed = true;
        }
        return end;
      }
      if (isBreak(c)) {
        // the break and the next line's indentation are no text; the empty lines after it each are a line feed
        int end = pastBlankLines(at + 1, text.length());
        replaced(at, end, lineBreaks(at + 1, end) - 1);
        return end;
      }
      replaced(at, at + 2, 1);
      return at + 2;
    }

    /**
     * The blanks from {@code from}: as written within a line; before a line break, folded with it, the empty lines
     * after it and the next line's indentation into a space, or a line feed for each empty line.
     */
    private int blanks(int from, int limit) {
      int at = from;
      while (at < limit && isBlank(text.charAt(at))) {
        at++;
      }
      if (at == limit || !isBreak(text.charAt(at))) {
        same(from, at);
        return at;
      }
      int end = pastBlankLines(at, limit);
      int emptyLines = lineBreaks(at, end) - 1;
      replaced(from, end, emptyLines == 0 ? 1 : emptyLines);
      return end;
    }

    /** A literal or folded scalar whose header ({@code |}, {@code >2-}) is at {@code from}. */
    private void block(int from, char indicator) {
      if (text.charAt(from) != indicator) {
        failed = true;
        return;
      }
      int at = from + 1;
      char chomping = ' '; // clip, unless the header says '-' (strip) or '+' (keep), before or after a digit
      while (at < text.length() && "+-123456789".indexOf(text.charAt(at)) >= 0) {
        if (text.charAt(at) == '+' || text.charAt(at) == '-') {
          chomping = text.charAt(at);
        }
        at++;
      }
      int headerEnd = lineEnd(at);
      int lineStart = headerEnd < text.length() ? afterBreak(headerEnd) : text.length();
      int indent = indentation(lineStart);
      if (indent < 1) { // no line with content: nothing to place
        failed = true;
        return;
      }
      int pendingFrom = lineStart; // the text before the next line's content: its line breaks are value
      at = indented(lineStart, indent);
      int pending = 0;
      while (at < text.length() && isBreak(text.charAt(at))) {
        pending++;
        lineStart = afterBreak(at);
        at = indented(lineStart, indent);
      }
      while (at - lineStart == indent && at < text.length() && !failed) {
        replaced(pendingFrom, at, pending);
        boolean foldable = !isBlank(text.charAt(at));
        int contentEnd = lineEnd(at);
        same(at, contentEnd);
        if (contentEnd == text.length()) { // a last line without a break reads as if it had one
          pending = chomping == '-' ? 0 : 1;
          pendingFrom = contentEnd;
          break;
        }
        pendingFrom = contentEnd;
        lineStart = afterBreak(contentEnd);
        at = indented(lineStart, indent);
        int emptyLines = 0;
        while (at < text.length() && isBreak(text.charAt(at))) {
          emptyLines++;
          lineStart = afterBreak(at);
          at = indented(lineStart, indent);
        }
        boolean more = at - lineStart == indent && at < text.length();
        if (more && indicator == '>' && foldable && !isBlank(text.charAt(at))) {
          pending = emptyLines == 0 ? 1 : emptyLines; // folded: the break is a space, or dropped before empty lines
        } else if (more || chomping == '+') {
          pending = 1 + emptyLines;
        } else {
          pending = chomping == '-' ? 0 : 1;
        }
      }
      replaced(pendingFrom, Math.max(pendingFrom, at), pending);
    }

    /**
     * The indentation of a block scalar's content, from its first line that has any: the spaces written there,
     * less those its value keeps (an indentation indicator may make the value start with spaces).
     */
    private int indentation(int firstLine) {
      int emptyLines = 0;
      while (emptyLines < value.length() && value.charAt(emptyLines) == '\n') {
        emptyLines++;
      }
      int keptSpaces = 0;
      while (emptyLines + keptSpaces < value.length() && value.charAt(emptyLines + keptSpaces) == ' ') {
        keptSpaces++;
      }
      int line = firstLine;
      for (int i = 0; i < emptyLines && line < text.length(); i++) {
        int end = lineEnd(line);
        line = end < text.length() ? afterBreak(end) : text.length();
      }
      int spaces = 0;
      while (line + spaces < text.length() && text.charAt(line + spaces) == ' ') {
        spaces++;
      }
      return spaces - keptSpaces;
    }

    /** Past at most {@code indent} spaces from the start of a line. */
    private int indented(int lineStart, int indent) {
      int at = lineStart;
      while (at < text.length() && at - lineStart < indent && text.charAt(at) == ' ') {
        at++;
      }
      return at;
    }

    /** Past the blanks and line breaks from {@code from}. */
    private int pastBlankLines(int from, int limit) {
      int at = from;
      while (at < limit && (isBlank(text.charAt(at)) || isBreak(text.charAt(at)))) {
        at = isBlank(text.charAt(at)) ? at + 1 : afterBreak(at);
      }
      return at;
    }

    /** How many line breaks {@code text[from, to)} holds, a CR LF being one. */
    private int lineBreaks(int from, int to) {
      int breaks = 0;
      for (int at = from; at < to; at++) {
        char c = text.charAt(at);
        if (isBreak(c) && !(c == '\n' && at > from && text.charAt(at - 1) == '\r')) {
          breaks++;
        }
      }
      return breaks;
    }

    /** Where the line of {@code from} ends, before its break (CR or LF) or at the end of the text. */
    private int lineEnd(int from) {
      int at = from;
      while (at < text.length() && !isBreakWithin(text.charAt(at))) {
        at++;
      }
      return at;
    }

    /** Past the line break at {@code at}: CR LF is one. */
    private int afterBreak(int at) {
      return text.charAt(at) == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n' ? at + 2 : at + 1;
    }

    /** The value goes on with {@code text[from, to)} as written; the text before {@code from} is no value. */
    private void same(int from, int to) {
      if (failed || to == from) {
        return;
      }
      if (!value.regionMatches(valueAt, text, from, to - from)) {
        failed = true;
        return;
      }
      if (from != textAt) {
        pair(valueAt, textAt);
        pair(valueAt, from);
      }
      valueAt += to - from;
      textAt = to;
    }

    /** {@code text[from, to)} reads as {@code length} characters of the value, not as written. */
    private void replaced(int from, int to, int length) {
      if (failed || valueAt + length > value.length()) {
        failed = true;
        return;
      }
      pair(valueAt, textAt);
      pair(valueAt, from);
      valueAt += length;
      textAt = to;
      pair(valueAt, textAt);
    }

    private void pair(int valueOffset, int textOffset) {
      if (size > 0 && valueOffsets[size - 1] == valueOffset && textOffsets[size - 1] == textOffset) {
        return;
      }
      if (size == valueOffsets.length) {
        valueOffsets = Arrays.copyOf(valueOffsets, 2 * size);
        textOffsets = Arrays.copyOf(textOffsets, 2 * size);
      }
      valueOffsets[size] = valueOffset;
      textOffsets[size] = textOffset;
      size++;
    }

    private static boolean isBlank(char c) {
      return c == ' ' || c == '\t';
    }

    /** A line break where the scanner reads one after blanks: CR, LF or NEL. */
    private static boolean isBreak(char c) {
      return c == '\n' || c == '\r' || c == '\u0085';
    }

    /** A character that ends a run of text: CR or LF (a NEL within text is text to the scanner). */
    private static boolean isBreakWithin(char c) {
      return c == '\n' || c == '\r';
    }
  }
}
