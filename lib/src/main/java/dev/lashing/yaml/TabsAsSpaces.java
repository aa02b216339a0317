package dev.lashing.yaml;

import dev.lashing.source.Offsets;
import java.util.Arrays;

/**
 * The tabs Compose's YAML reader (go-yaml) reads as it reads spaces where snakeyaml-engine refuses them ("a tab
 * character that violates indentation"): those that separate a key's colon from its value ({@code image:<TAB>nginx})
 * and those in a line's indentation (the blanks before its first character). The text with them as spaces is for a
 * second reading; where they are tells which values that reading has read otherwise, to read those again with their
 * tabs. Both kinds and which tabs in indentation Compose refuses come from one scan of the text ({@link IndentationTabs}).
 */
final class TabsAsSpaces {
  private final String text;
  /** Where the tabs after a key's colon that are now spaces are, in order: each is text within any value. */
  private final int[] separators;
  /** Where the tabs in indentation that are now spaces are, in order: each is text only within a block scalar. */
  private final int[] indentation;

  private TabsAsSpaces(String text, int[] separators, int[] indentation) {
    this.text = text;
    this.separators = separators;
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
   * The text with every tab after a key's colon and in a line's indentation ({@code indentationTabs}, null when
   * there are none) as a space; null when it has none. A key's colon follows a character that is not blank on its
   * line (blanks may come between) and is followed by blanks, a tab among them.
   */
  static TabsAsSpaces of(String text, IndentationTabs indentationTabs) {
    if (text.indexOf('\t') < 0) {
      return null;
    }
    char[] spaced = text.toCharArray();
    GrowingInts separators = new GrowingInts();
    for (int colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
      if (!afterKey(text, colon)) {
        continue;
      }
      for (int i = colon + 1; i < text.length() && isBlank(text.charAt(i)); i++) {
        if (text.charAt(i) == '\t') {
          spaced[i] = ' ';
          separators.add(i);
        }
      }
    }
    int[] indentation = indentationTabs == null ? new int[0] : indentationTabs.everyTab();
    for (int tab : indentation) {
      spaced[tab] = ' ';
    }
    if (separators.size() == 0 && indentation.length == 0) {
      return null;
    }
    return new TabsAsSpaces(new String(spaced), separators.toArray(), indentation);
  }

  /** Whether the colon at {@code colon} follows a key: a character not blank before it on its line, blanks between. */
  private static boolean afterKey(String text, int colon) {
    int i = colon;
    while (i > 0 && isBlank(text.charAt(i - 1))) {
      i--;
    }
    return i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r';
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  String text() {
    return text;
  }

  /** The same with the tabs of the values {@code within} left as they are, for another reading. */
  TabsAsSpaces keeping(WithinValues within) {
    char[] spaced = text.toCharArray();
    int[] keptSeparators = keep(separators, within, spaced);
    int[] keptIndentation = keep(indentation, within, spaced);
    return new TabsAsSpaces(new String(spaced), keptSeparators, keptIndentation);
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
   * key's colon anywhere (within quotes or a block scalar), one in indentation only in a block scalar (other values
   * drop the blanks that start their lines).
   */
  boolean changes(int start, int end, boolean blockScalar) {
    return anyWithin(separators, start, end) || blockScalar && anyWithin(indentation, start, end);
  }

  private static boolean anyWithin(int[] tabs, int start, int end) {
    int next = Offsets.firstAtOrAfter(tabs.length, t -> tabs[t], start);
    return next < tabs.length && tabs[next] < end;
  }
}
