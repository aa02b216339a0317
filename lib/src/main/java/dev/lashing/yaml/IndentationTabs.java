package dev.lashing.yaml;

import dev.lashing.source.Offsets;
import java.util.Arrays;

/**
 * The first tab in each line's indentation (the blanks that start the line). Compose's YAML reader (go-yaml)
 * refuses one in block context, even on a line that is blank or holds only a comment ("found a tab character that
 * violates indentation"); the reader here skips it there. Compose reads it within brackets (flow style), within
 * quotes, in a block scalar's text beyond its indentation, in a plain scalar's lines and the blanks after it (at or
 * beyond the column where the scalar's lines must start), and before a comment that it reads with the comment lines
 * above it. The reader here refuses some of those, and reads them when they are spaces ({@link TabsAsSpaces}).
 */
final class IndentationTabs {
  /** Where each is, in order. */
  private final int[] tabs;
  /** The column of each: how many blanks come before it on its line. */
  private final int[] columns;
  /** Which are read. */
  private final boolean[] allowed;

  private IndentationTabs(int[] tabs, int[] columns) {
    this.tabs = tabs;
    this.columns = columns;
    this.allowed = new boolean[tabs.length];
  }

  /** Those of {@code text}, or null when no line's indentation holds a tab (the usual case, nothing to check). */
  static IndentationTabs of(String text) {
    int[] tabs = new int[0];
    int[] columns = new int[0];
    int count = 0;
    int from = 0;
    for (int i = text.indexOf('\t'); i >= 0; i = text.indexOf('\t', from)) {
      from = i + 1;
      int lineStart = i;
      while (lineStart > 0 && text.charAt(lineStart - 1) == ' ') {
        lineStart--;
      }
      char before = lineStart == 0 ? '\n' : text.charAt(lineStart - 1);
      // NEL and the line and paragraph separators end a line for Compose's reader too
      boolean byteOrderMark = lineStart == 1 && before == '\uFEFF';
      if ("\n\r\u0085\u2028\u2029".indexOf(before) >= 0 || byteOrderMark) {
        if (count == tabs.length) {
          tabs = Arrays.copyOf(tabs, Math.max(8, 2 * count));
          columns = Arrays.copyOf(columns, tabs.length);
        }
        tabs[count] = i;
        columns[count++] = i - lineStart;
      }
    }
    return count == 0 ? null : new IndentationTabs(Arrays.copyOf(tabs, count), Arrays.copyOf(columns, count));
  }

  /** The tabs in {@code [start, end)} are read. */
  void allowWithin(int start, int end) {
    allowWithin(start, end, 0);
  }

  /** The tabs in {@code [start, end)} at column {@code minColumn} or beyond are read. */
  void allowWithin(int start, int end, int minColumn) {
    for (int i = Offsets.firstAtOrAfter(tabs.length, t -> tabs[t], start); i < tabs.length && tabs[i] < end; i++) {
      allowed[i] |= columns[i] >= minColumn;
    }
  }

  /** The first tab not allowed, or -1. */
  int firstRefused() {
    for (int i = 0; i < tabs.length; i++) {
      if (!allowed[i]) {
        return tabs[i];
      }
    }
    return -1;
  }
}
