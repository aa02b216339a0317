package dev.lashing.yaml;

import dev.lashing.source.Offsets;

/**
 * The tabs in the blanks that start a line (its indentation), found in one scan of the text. Compose's YAML reader
 * (go-yaml) refuses the first of a line in block context, even on a line that is blank or holds only a comment
 * ("found a tab character that violates indentation"); the reader here skips it there. Compose reads it within
 * brackets (flow style; not in the lines that continue an unquoted value there, nor before what follows it, short of
 * the column beyond the block collection around the brackets), within quotes, in a block scalar's text beyond its indentation, in a plain scalar's lines
 * and the blanks after it (at or beyond the column where the scalar's lines must start), and before a comment that
 * it reads with the comment lines above it. The reader here refuses some of those, and reads them when they are
 * spaces: {@link SecondReading} takes every tab of a line's indentation from here.
 */
final class IndentationTabs {
  private static final String GO_YAML_LINE_BREAKS = "\n\r\u0085\u2028\u2029";

  /** The first tab of each line's indentation, in order: those Compose's reader may refuse. */
  private final int[] tabs;
  /** The column of each: how many blanks come before it on its line. */
  private final int[] columns;
  /**
   * Every tab in the blanks that start a line the reader here ends with CR or LF alone (go-yaml also ends one with
   * NEL and the line and paragraph separators, and skips a byte order mark).
   */
  private final int[] everyTab;
  /** Which of {@link #tabs} this reading reads. */
  private final boolean[] allowed;
  /** Which of {@link #tabs} this reading refuses whatever else allows them. */
  private final boolean[] refused;

  private IndentationTabs(int[] tabs, int[] columns, int[] everyTab) {
    this.tabs = tabs;
    this.columns = columns;
    this.everyTab = everyTab;
    this.allowed = new boolean[tabs.length];
    this.refused = new boolean[tabs.length];
  }

  /** Those of {@code text}, or null when no line's indentation holds a tab (the usual case, nothing to check). */
  static IndentationTabs of(String text) {
    int tab = text.indexOf('\t');
    if (tab < 0) {
      return null;
    }
    GrowingInts first = new GrowingInts();
    GrowingInts columns = new GrowingInts();
    GrowingInts every = new GrowingInts();
    int previous = -1;
    int runStart = -1;
    for (; tab >= 0; tab = text.indexOf('\t', tab + 1)) {
      // the blanks before it are spaces back to the previous tab, whose run it continues, or to the run's start
      int i = tab;
      while (i > 0 && text.charAt(i - 1) == ' ') {
        i--;
      }
      boolean firstOfRun = i == 0 || i - 1 != previous;
      if (firstOfRun) {
        runStart = i;
      }
      previous = tab;
      char before = runStart == 0 ? '\n' : text.charAt(runStart - 1);
      if (before == '\n' || before == '\r') {
        every.add(tab);
      }
      boolean afterByteOrderMark = runStart == 1 && before == '\uFEFF';
      if (firstOfRun && (GO_YAML_LINE_BREAKS.indexOf(before) >= 0 || afterByteOrderMark)) {
        first.add(tab);
        columns.add(tab - runStart);
      }
    }
    return first.size() == 0 ? null : new IndentationTabs(first.toArray(), columns.toArray(), every.toArray());
  }

  /** The same tabs, none read yet: for another reading of the text. */
  IndentationTabs forAnotherReading() {
    return new IndentationTabs(tabs, columns, everyTab);
  }

  /** Every tab in the blanks that start a line ended by CR or LF, in order. */
  int[] everyTab() {
    return everyTab;
  }

  /** The tabs in {@code [start, end)} are read. */
  void allowWithin(int start, int end) {
    allowWithin(start, end, 0);
  }

  /** The tabs in {@code [start, end)} at column {@code minColumn} or beyond are read. */
  void allowWithin(int start, int end, int minColumn) {
    for (int i = Offsets.firstAtOrAfter(tabs, tabs.length, start); i < tabs.length && tabs[i] < end; i++) {
      allowed[i] |= columns[i] >= minColumn;
    }
  }

  /** The tabs in {@code [start, end)} before column {@code column} are refused, whatever else allows them. */
  void refuseWithin(int start, int end, int column) {
    for (int i = Offsets.firstAtOrAfter(tabs, tabs.length, start); i < tabs.length && tabs[i] < end; i++) {
      refused[i] |= columns[i] < column;
    }
  }

  /** The first tab not allowed, or refused, or -1. */
  int firstRefused() {
    for (int i = 0; i < tabs.length; i++) {
      if (!allowed[i] || refused[i]) {
        return tabs[i];
      }
    }
    return -1;
  }
}
