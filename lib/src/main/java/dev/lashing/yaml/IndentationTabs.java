package dev.lashing.yaml;

import dev.lashing.source.Offsets;
import java.util.Arrays;

/**
 * The tabs that start a line. Compose's YAML reader (go-yaml) refuses one in block context, even on a line that is
 * blank or holds only a comment ("found a tab character that violates indentation"); the reader here skips it
 * there. Within brackets (flow style), within a quoted or block text and in the blanks after a plain scalar that
 * is a whole document it is read by both.
 */
final class LineStartTabs {
  /** Where each is, in order. */
  private final int[] tabs;
  /** Which are within brackets or a quoted or block text. */
  private final boolean[] allowed;

  private LineStartTabs(int[] tabs) {
    this.tabs = tabs;
    this.allowed = new boolean[tabs.length];
  }

  /** Those of {@code text}, or null when no line starts with a tab (the usual case, then nothing to check). */
  static LineStartTabs of(String text) {
    int[] tabs = new int[0];
    int count = 0;
    for (int i = text.indexOf('\t'); i >= 0; i = text.indexOf('\t', i + 1)) {
      char before = i == 0 ? '\n' : text.charAt(i - 1);
      // NEL and the line and paragraph separators end a line for Compose's reader too
      if ("\n\r\u0085\u2028\u2029".indexOf(before) >= 0 || i == 1 && before == '\uFEFF') {
        if (count == tabs.length) {
          tabs = Arrays.copyOf(tabs, Math.max(8, 2 * count));
        }
        tabs[count++] = i;
      }
    }
    return count == 0 ? null : new LineStartTabs(Arrays.copyOf(tabs, count));
  }

  /** The tabs in {@code [start, end)} are read: they are within brackets or a quoted or block text. */
  void allowWithin(int start, int end) {
    for (int i = Offsets.firstAtOrAfter(tabs.length, t -> tabs[t], start); i < tabs.length && tabs[i] < end; i++) {
      allowed[i] = true;
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
