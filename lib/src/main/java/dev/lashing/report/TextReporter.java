package dev.lashing.report;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Severity;
import dev.lashing.render.SideBySide;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The format for people: per finding a {@code file:line:col: severity [rule-id] message} line, the source
 * line with the span underlined, the fix and how the value was inherited; then a summary. Suppressed
 * findings are only counted. Quiet prints the first line of each finding and nothing else.
 */
final class TextReporter implements Reporter {
  /** Lines longer than this many characters are shown as a window of this many around the finding. */
  private static final int MAX_SHOWN = 200;
  /** How much of a long line the window shows before the finding. */
  private static final int SHOWN_BEFORE_SPAN = 60;
  /** Tabs in code frames become spaces up to the next multiple of this, so the underline lines up. */
  private static final int TAB_WIDTH = 4;
  /**
   * A little more than the length of a finding's text, quiet and not (a message of two or three hundred characters;
   * with its code frame, 370 on average over the corpus): a chunk's text is sized once, and every character it is
   * given is allocated, zeroed and collected, used or not.
   */
  private static final int QUIET_CHARS = 320;
  private static final int CHARS = 512;
  private static final String RESET = "\u001b[0m";
  private static final String DIM = "\u001b[2m";

  private final boolean colour;
  private final boolean quiet;

  TextReporter(boolean colour, boolean quiet) {
    this.colour = colour;
    this.quiet = quiet;
  }

  @Override
  public void write(LintReport report, Appendable out) throws IOException {
    List<Finding> shown = new ArrayList<>();
    report.byFile().values().forEach(group -> group.stream().filter(f -> !f.isSuppressed()).forEach(shown::add));
    // The report of a large file runs to many times its size, too much to hold whole: it is written a window
    // at a time, the chunks of a window formatted side by side.
    SideBySide.inOrder(shown.size(), (from, to) -> format(shown.subList(from, to), report), pieces -> {
      for (String piece : pieces) {
        out.append(piece);
      }
    });
    if (!quiet) {
      out.append(Summary.of(report.findings()).toString()).append('\n');
    }
  }

  /**
   * The findings' text, in pieces: a code frame with a character beyond Latin-1 (the ellipsis of a window on a
   * long line, a word in another script) is a piece of its own, as one such character in a String makes it twice
   * the size and slower to encode, and on a long flow-style line every frame has one.
   */
  private List<String> format(List<Finding> findings, LintReport report) {
    List<String> pieces = new ArrayList<>();
    // Sized for a usual finding, so that the text is not copied again at each doubling as it grows.
    StringBuilder text = new StringBuilder(findings.size() * (quiet ? QUIET_CHARS : CHARS));
    // Findings at one place come one after another (the missing settings of a service are all reported at its
    // key), and show one code frame: it is made once for them. Its underline has their colour.
    SourceRange frameAt = null;
    Severity frameSeverity = null;
    String location = null;
    String frame = null;
    boolean wideFrame = false;
    Wording.Hints hints = new Wording.Hints();
    for (Finding f : findings) {
      if (!f.at().equals(frameAt)) {
        frameAt = f.at();
        location = printable(frameAt.toString());
        frame = null;
      }
      headline(f, location, colour, text);
      text.append('\n');
      if (!quiet) {
        if (frame == null || (colour && f.severity() != frameSeverity)) {
          StringBuilder shown = new StringBuilder();
          frame(f, report.sources().get(f.at().file()), report.secrets(), shown);
          frame = shown.toString();
          wideFrame = !isLatin1(frame);
          frameSeverity = f.severity();
        }
        if (wideFrame) {
          if (!text.isEmpty()) {
            pieces.add(text.toString());
            text.setLength(0);
          }
          pieces.add(frame);
        } else {
          text.append(frame);
        }
        for (String hint : hints.of(f)) {
          appendPrintable(hint, text.append("  "));
          text.append('\n');
        }
        text.append('\n');
      }
    }
    pieces.add(text.toString());
    return pieces;
  }

  private static boolean isLatin1(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /** {@code compose.yaml:4:5: high [rule-id] message}, on one line whatever the message holds. */
  static String headline(Finding f, boolean colour) {
    StringBuilder text = new StringBuilder();
    headline(f, printable(f.at().toString()), colour, text);
    return text.toString();
  }

  private static void headline(Finding f, String location, boolean colour, StringBuilder out) {
    out.append(location).append(": ").append(paint(colour, f.severity(), f.severity().label()))
        .append(" [").append(f.ruleId()).append("] ");
    appendPrintable(f.message(), out);
  }

  /**
   * The finding's first line and, under it, {@code ^~~~} below the span (to the end of the line when the
   * span goes on). Columns are display columns: tabs expanded, wide characters two, combining marks none.
   */
  private void frame(Finding f, SourceFile source, SecretMask secrets, StringBuilder out) {
    LineWindow span = secrets.window(f.at(), source);
    if (span == null) {
      return;
    }
    String line = span.text();
    // A very long line (a minified value, a flow mapping on one line) is shown as a window around the finding,
    // so that each finding on it prints a few hundred characters, not megabytes.
    int from = 0;
    int to = line.length();
    if (line.length() > MAX_SHOWN) {
      from = Math.max(0, Math.min(span.start(), line.length()) - SHOWN_BEFORE_SPAN);
      if (from > 0 && Character.isLowSurrogate(line.charAt(from))) {
        from--;
      }
      to = Math.min(line.length(), from + MAX_SHOWN);
      if (to < line.length() && Character.isHighSurrogate(line.charAt(to - 1))) {
        to--;
      }
    }
    boolean before = from > 0 || span.cutBefore();
    boolean after = to < line.length() || span.cutAfter();
    StringBuilder shown = new StringBuilder(before ? "\u2026" : "");
    int column = before ? 1 : 0;
    int spanStart = -1;
    int spanEnd = -1;
    for (int i = from; ; ) {
      if (spanStart < 0 && i >= span.start()) {
        spanStart = column;
      }
      if (spanEnd < 0 && i >= span.end()) {
        spanEnd = column;
      }
      if (i >= to) {
        if (after) {
          shown.append('\u2026');
          spanEnd = spanEnd < 0 ? column : spanEnd;
        }
        break;
      }
      if (isPrintableAscii(line.charAt(i))) { // most of any compose file: copied a run at a time
        int stop = Math.min(to, spanStart < 0 ? span.start() : spanEnd < 0 ? span.end() : to);
        int run = i + 1;
        while (run < stop && isPrintableAscii(line.charAt(run))) {
          run++;
        }
        shown.append(line, i, run);
        column += run - i;
        i = run;
        continue;
      }
      int cp = line.codePointAt(i);
      if (cp == '\t') {
        int spaces = TAB_WIDTH - column % TAB_WIDTH;
        shown.append(" ".repeat(spaces));
        column += spaces;
      } else if (unsafe(cp)) {
        shown.append('\uFFFD');
        column++;
      } else {
        shown.appendCodePoint(cp);
        column += width(cp);
      }
      i += Character.charCount(cp);
    }
    String number = Integer.toString(f.at().line());
    out.append("  ").append(dim(number + " | ")).append(shown).append('\n');
    out.append("  ").append(dim(" ".repeat(number.length()) + " | ")).append(" ".repeat(spanStart))
        .append(paint(colour, f.severity(), "^" + "~".repeat(Math.max(spanEnd - spanStart, 1) - 1)))
        .append('\n');
  }

  /** Printable ASCII, the space included: shown as it is, one column each. */
  private static boolean isPrintableAscii(char unit) {
    return unit >= 0x20 && unit < 0x7F;
  }

  private String dim(String text) {
    return colour ? DIM + text + RESET : text;
  }

  private static String paint(boolean colour, Severity severity, String text) {
    if (!colour) {
      return text;
    }
    String code = switch (severity) {
      case CRITICAL -> "\u001b[1;31m"; // bold red
      case HIGH -> "\u001b[31m";
      case MEDIUM -> "\u001b[33m";
      case LOW -> "\u001b[36m";
      case INFO -> "\u001b[34m";
    };
    return code + text + RESET;
  }

  /**
   * The text with line breaks and tabs as spaces, and characters a terminal would act on (escape
   * sequences, bidirectional overrides) as U+FFFD: messages and paths quote the user's files.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    appendPrintable(text, out);
    return out.toString();
  }

  /** {@link #printable} appended to {@code out}, without a copy of a text that needs no change. */
  private static void appendPrintable(String text, StringBuilder out) {
    int length = text.length();
    // This reads every character of every message, mostly in a run too short for the JIT to compile it: through
    // the text's UTF-8 bytes first (for an ASCII text, a copy), a few bytecodes each where charAt takes dozens.
    // Up to the first byte that is not printable ASCII, each byte is a character, at the same index.
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int first = 0;
    while (first < bytes.length && bytes[first] >= 0x20 && bytes[first] < 0x7F) {
      first++;
    }
    if (first == bytes.length) {
      out.append(text); // an unpaired surrogate is a '?' in the bytes: kept, as below
      return;
    }
    while (first < length) {
      char unit = text.charAt(first);
      if (!isPrintableAscii(unit) && needsReplacing(unit)) {
        break;
      }
      first++;
    }
    if (first == length) {
      out.append(text);
      return;
    }
    out.append(text, 0, first);
    for (int i = first; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp == '\t' || cp == '\n' || cp == '\r') {
        out.append(' ');
      } else {
        out.appendCodePoint(unsafe(cp) ? '\uFFFD' : cp);
      }
      i += Character.charCount(cp);
    }
  }

  /**
   * Whether a UTF-16 unit that is not printable ASCII is one that {@link #printable} changes (every unsafe code
   * point is a single unit).
   */
  private static boolean needsReplacing(int unit) {
    return unit == '\t' || unit == '\n' || unit == '\r' || unsafe(unit);
  }

  private static boolean unsafe(int cp) {
    return Character.isISOControl(cp)
        || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x200E || cp == 0x200F || cp == 0x061C;
  }

  /** Terminal columns of a code point: an approximation of wcwidth good for the usual scripts and emoji. */
  private static int width(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
      return 0;
    }
    boolean wide = (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F680 && cp <= 0x1F6FF)
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? 2 : 1;
  }
}
