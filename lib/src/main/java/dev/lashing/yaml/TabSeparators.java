package dev.lashing.yaml;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.Offsets;
import java.util.Arrays;

/**
 * The tabs that separate a key's colon from its value ({@code image:<TAB>nginx}), which Compose's YAML reader
 * (go-yaml) takes as it takes spaces and snakeyaml-engine refuses as "a tab that violates indentation": the text
 * with them as spaces, for a second reading, and where they are, to check that none was within a value.
 */
final class TabSeparators {
  private final String text;
  /** Where the tabs made spaces are, in order. */
  private final int[] tabs;

  private TabSeparators(String text, int[] tabs) {
    this.text = text;
    this.tabs = tabs;
  }

  /** A second reading found a tab it made a space within a value, at {@code [start, end)}: it changed the value. */
  static final class WithinValue extends RuntimeException {
    private final int start;
    private final int end;

    WithinValue(int start, int end) {
      super(null, null, false, false);
      this.start = start;
      this.end = end;
    }
  }

  /**
   * The text with every tab after a key's colon as a space, when the reading was {@code refused} for such a tab;
   * else null. A key's colon follows a character that is not blank on its line (blanks may come between) and is
   * followed by blanks, a tab among them.
   */
  static TabSeparators after(String text, ComposeException refused) {
    Diagnostic first = refused.diagnostics().get(refused.diagnostics().size() - 1);
    int at = first.at() == null || first.at().isSynthetic() ? -1 : first.at().startOffset();
    if (at < 0 || at >= text.length() || text.charAt(at) != '\t' || colonBefore(text, at) < 0) {
      return null;
    }
    char[] spaced = text.toCharArray();
    int[] tabs = new int[16];
    int count = 0;
    for (int colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
      if (!afterKey(text, colon)) {
        continue;
      }
      for (int i = colon + 1; i < text.length() && isBlank(text.charAt(i)); i++) {
        if (text.charAt(i) == '\t') {
          spaced[i] = ' ';
          if (count == tabs.length) {
            tabs = Arrays.copyOf(tabs, 2 * count);
          }
          tabs[count++] = i;
        }
      }
    }
    return new TabSeparators(new String(spaced), Arrays.copyOf(tabs, count));
  }

  /** The colon before the blanks that hold the tab at {@code tab}, if it follows a key; or -1. */
  private static int colonBefore(String text, int tab) {
    int i = blanksBefore(text, tab);
    return i >= 1 && text.charAt(i - 1) == ':' && afterKey(text, i - 1) ? i - 1 : -1;
  }

  /** Whether the colon at {@code colon} follows a key: a character not blank before it on its line, blanks between. */
  private static boolean afterKey(String text, int colon) {
    int i = blanksBefore(text, colon);
    return i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r';
  }

  /** Where the run of blanks that ends at {@code at} starts ({@code at} when there is none). */
  private static int blanksBefore(String text, int at) {
    int i = at;
    while (i > 0 && isBlank(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  String text() {
    return text;
  }

  /** The same with the tabs of the value {@code within} left as they are, for another reading. */
  TabSeparators keeping(WithinValue within) {
    char[] spaced = text.toCharArray();
    int[] kept = new int[tabs.length];
    int count = 0;
    for (int tab : tabs) {
      if (tab >= within.start && tab < within.end) {
        spaced[tab] = '\t';
      } else {
        kept[count++] = tab;
      }
    }
    return new TabSeparators(new String(spaced), Arrays.copyOf(kept, count));
  }

  /** Throws {@link WithinValue} when a tab made a space lies in {@code [start, end)}, the text of a value. */
  void checkNoneWithin(int start, int end) {
    int next = Offsets.firstAtOrAfter(tabs.length, t -> tabs[t], start);
    if (next < tabs.length && tabs[next] < end) {
      throw new WithinValue(start, end);
    }
  }
}
