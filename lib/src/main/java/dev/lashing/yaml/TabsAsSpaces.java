package dev.lashing.yaml;

import dev.lashing.source.Offsets;
import java.util.Arrays;

/**
 * The tabs Compose's YAML reader (go-yaml) reads as it reads spaces where snakeyaml-engine refuses them ("a tab
 * character that violates indentation", "expected chomping or indentation indicators"): those that separate a key's
 * colon, an anchor or a tag from what follows ({@code image:<TAB>nginx}, {@code &name<TAB>}, {@code !!str<TAB>}),
 * those after a block scalar's header ({@code command: |<TAB>}) and those in a line's indentation (the blanks before
 * its first character). The text with them as spaces is for a
 * second reading; where they are tells which values that reading has read otherwise, to read those again with their
 * tabs. The tabs in indentation, and which of them Compose refuses, come from one scan of the text
 * ({@link IndentationTabs}).
 */
final class TabsAsSpaces {
  private final String text;
  /**
   * Where the tabs after a key's colon, an anchor or a tag that are now spaces are, in order: each is text within any
   * value.
   */
  private final int[] separators;
  /**
   * Where the tabs after a block scalar's header that are now spaces are, in order: each is text within any value
   * but the block scalar it is the header of.
   */
  private final int[] headers;
  /** Where the tabs in indentation that are now spaces are, in order: each is text only within a block scalar. */
  private final int[] indentation;

  private TabsAsSpaces(String text, int[] separators, int[] headers, int[] indentation) {
    this.text = text;
    this.separators = separators;
    this.headers = headers;
    this.indentation = indentation;
  }

  /** A second reading read values with a tab made a space in them, at {@code ranges} (start and end offsets). */
  static final class WithinValues extends RuntimeException {
    private final int[] ranges;

    WithinValues(int[] ranges) {
      super(null, null, false, false);
      this.ranges = ranges;
    }
  }

  /**
   * The text with every tab after a key's colon, an anchor, a tag or a block scalar's header, and in a line's
   * indentation ({@code indentationTabs}, null when there are none) as a space; null when it has none. A key's colon
   * follows a character that is not blank on its line (blanks may come between); an anchor ({@code &}) or a tag
   * ({@code !}) starts a line or follows a blank, and ends at the next blank.
   */
  static TabsAsSpaces of(String text, IndentationTabs indentationTabs) {
    if (text.indexOf('\t') < 0) {
      return null;
    }
    char[] spaced = text.toCharArray();
    GrowingInts separators = new GrowingInts();
    for (int colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
      if (afterKey(text, colon)) {
        spaceTabs(text, colon + 1, spaced, separators);
      }
    }
    GrowingInts headers = new GrowingInts();
    for (int i = 0; i < text.length(); i++) {
      int indicatorsEnd = blockScalarHeaderEnd(text, i);
      if (indicatorsEnd > i) {
        spaceTabs(text, indicatorsEnd, spaced, headers);
      }
      int propertyEnd = propertyEnd(text, i);
      if (propertyEnd > i) {
        spaceTabs(text, propertyEnd, spaced, separators);
        i = propertyEnd - 1;
      }
    }
    int[] indentation = indentationTabs == null ? new int[0] : indentationTabs.everyTab();
    for (int tab : indentation) {
      spaced[tab] = ' ';
    }
    if (separators.size() == 0 && headers.size() == 0 && indentation.length == 0) {
      return null;
    }
    int[] separatorTabs = separators.toArray();
    Arrays.sort(separatorTabs); // those after a colon were found first; the search for one within a value halves
    return new TabsAsSpaces(new String(spaced), separatorTabs, headers.toArray(), indentation);
  }

  /** Makes spaces of the tabs in the blanks from {@code from}, collecting where they are. */
  private static void spaceTabs(String text, int from, char[] spaced, GrowingInts tabs) {
    for (int i = from; i < text.length() && isBlank(text.charAt(i)); i++) {
      if (text.charAt(i) == '\t') {
        spaced[i] = ' ';
        tabs.add(i);
      }
    }
  }

  /** Where an anchor or a tag at {@code at} ends (at the next blank or line break); else {@code at}. */
  private static int propertyEnd(String text, int at) {
    char c = text.charAt(at);
    if (c != '&' && c != '!' || at > 0 && !isBlank(text.charAt(at - 1)) && !isBreak(text.charAt(at - 1))) {
      return at;
    }
    int end = at + 1;
    while (end < text.length() && !isBlank(text.charAt(end)) && !isBreak(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /**
   * Where the indicators end of a block scalar's header at {@code at} ({@code |} or {@code >} after a blank or at a
   * line's start, then {@code + - 0-9}) that blanks with a tab follow up to a comment or the line's end; else
   * {@code at}.
   */
  private static int blockScalarHeaderEnd(String text, int at) {
    char c = text.charAt(at);
    if (c != '|' && c != '>' || at > 0 && !isBlank(text.charAt(at - 1)) && !isBreak(text.charAt(at - 1))) {
      return at;
    }
    int end = at + 1;
    while (end < text.length() && "+-0123456789".indexOf(text.charAt(end)) >= 0) {
      end++;
    }
    boolean tab = false;
    int i = end;
    for (; i < text.length() && isBlank(text.charAt(i)); i++) {
      tab |= text.charAt(i) == '\t';
    }
    return tab && (i == text.length() || text.charAt(i) == '#' || isBreak(text.charAt(i))) ? end : at;
  }

  /** Whether the colon at {@code colon} follows a key: a character not blank before it on its line, blanks between. */
  private static boolean afterKey(String text, int colon) {
    int i = colon;
    while (i > 0 && isBlank(text.charAt(i - 1))) {
      i--;
    }
    return i > 0 && !isBreak(text.charAt(i - 1));
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r';
  }

  String text() {
    return text;
  }

  /** The same with the tabs of the values {@code within} left as they are, for another reading. */
  TabsAsSpaces keeping(WithinValues within) {
    char[] spaced = text.toCharArray();
    int[] keptSeparators = keep(separators, within, spaced);
    int[] keptHeaders = keep(headers, within, spaced);
    int[] keptIndentation = keep(indentation, within, spaced);
    return new TabsAsSpaces(new String(spaced), keptSeparators, keptHeaders, keptIndentation);
  }

  /** Of {@code tabs}, those outside the values {@code within}; the others are tabs again in {@code spaced}. */
  private static int[] keep(int[] tabs, WithinValues within, char[] spaced) {
    int[] kept = new int[tabs.length];
    int count = 0;
    for (int tab : tabs) {
      if (within(tab, within.ranges)) {
        spaced[tab] = '\t';
      } else {
        kept[count++] = tab;
      }
    }
    return Arrays.copyOf(kept, count);
  }

  private static boolean within(int offset, int[] ranges) {
    for (int i = 0; i < ranges.length; i += 2) {
      if (offset >= ranges[i] && offset < ranges[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a tab made a space lies in {@code [start, end)}, the text of a value, where it is text: a tab after a
   * key's colon anywhere (within quotes or a block scalar), one after a block scalar's header but on the header's own
   * line, one in indentation only in a block scalar (other values drop the blanks that start their lines).
   */
  boolean changes(int start, int end, boolean blockScalar) {
    int textStart = blockScalar ? lineEnd(start) : start;
    return anyWithin(separators, start, end) || anyWithin(headers, textStart, end)
        || blockScalar && anyWithin(indentation, start, end);
  }

  private int lineEnd(int from) {
    int i = from;
    while (i < text.length() && !isBreak(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean anyWithin(int[] tabs, int start, int end) {
    int next = Offsets.firstAtOrAfter(tabs.length, t -> tabs[t], start);
    return next < tabs.length && tabs[next] < end;
  }
}
