package dev.lashing.interpolation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compose variable substitution ({@code $$}, {@code $NAME}, {@code ${NAME}} and the operators {@code :- - :? ? :+ +}),
 * matching compose-go's {@code template} package, quirks included:
 *
 * <ul>
 *   <li>a braced form with an operator extends to the <em>last</em> closing brace on its line, then is cut at the first
 *       balanced one (counting every opening brace and skipping the character after it); the text after the cut is
 *       substituted on its own, and only if the head succeeded;
 *   <li>the default, replacement or error text is substituted only when it is used, so only references actually
 *       evaluated report an unset variable;
 *   <li>after a failed reference the rest of the text is still substituted, and the first failure is thrown.
 * </ul>
 */
public final class Template {

  /**
   * One {@code $NAME} or {@code ${...}} written in a text. {@code operator} is one of {@code "" ":-" "-" ":?" "?"
   * ":+" "+"}; {@code fallback} is the text after the operator as written (null without one); {@code start} is the
   * offset of the {@code $} and {@code end} the offset just after the expression.
   */
  public record Reference(String name, String operator, String fallback, int start, int end) {}

  /** Told about an evaluated reference to an unset variable that has no operator to fall back on. */
  @FunctionalInterface
  interface UnsetListener {
    void unset(String name, int start, int end);
  }

  /**
   * How deep defaults may nest in defaults ({@code ${A:-${B:-...}}}): as deep as YAML nesting may go. Compose has no
   * such bound; twenty thousand levels overflowed the stack here after filling gigabytes with the nested texts.
   */
  public static final int MAX_NESTING = 200;

  private Template() {}

  /**
   * Substitutes every reference in {@code text}. {@code lookup} returns null for an unset variable;
   * {@code unsetVariable} hears the name of each unset variable that was evaluated and became a blank string.
   */
  public static String substitute(String text, Function<String, String> lookup, Consumer<String> unsetVariable)
      throws InterpolationException {
    return substitute(text, lookup, unsetVariable, new Growth());
  }

  /** {@link #substitute(String, Function, Consumer)}, spending {@code growth}: one for all values of a file. */
  public static String substitute(String text, Function<String, String> lookup, Consumer<String> unsetVariable,
      Growth growth) throws InterpolationException {
    return substitute(text, lookup, (name, start, end) -> unsetVariable.accept(name), growth);
  }

  static String substitute(String text, Function<String, String> lookup, UnsetListener unset, Growth growth)
      throws InterpolationException {
    if (text.indexOf('$') < 0) {
      return text; // no reference and no escape: most values, which the rules also ask for with variables unset
    }
    return new Evaluator(text, lookup, unset, growth).evaluate(0, text.length(), 0);
  }

  /**
   * How many characters variable references may add to values, those of a whole file together: a file that refers to
   * its own variables again and again ({@code A=${A}${A}}, line after line) would otherwise double them until memory
   * ran out. Compose has no such bound; no file it reads in practice comes near it. A file of many services is
   * interpolated in slices side by side, each with a bound of its own: one shared would make which value fails
   * depend on the threads.
   */
  public static final class Growth {
    static final long MAX_CHARS = 64L * 1024 * 1024;
    private long left = MAX_CHARS;

    /** What is left before a reference is replaced: {@link #settle} and {@link #reset} count from it. */
    long mark() {
      return left;
    }

    /**
     * Spends, from {@code mark}, what replacing {@code text[start, end)} by {@code replacement} adds in all: what
     * references nested in its default added along the way is part of that, counted once.
     */
    void settle(long mark, int replacementLength, int start, int end) throws InterpolationException {
      left = mark - (replacementLength - (end - start));
      if (left < 0) {
        throw new InterpolationException(InterpolationException.Kind.TOO_LONG,
            "variable references add more than " + MAX_CHARS + " characters to the values of this file"
                + " (a variable that refers to itself, again and again?)", start, end);
      }
    }

    /** Back to {@code mark}: what was spent since then is not added to any value. */
    void reset(long mark) {
      left = mark;
    }
  }

  /**
   * Every reference written in {@code text}, in text order, including those nested in defaults and those whose
   * evaluation laziness would skip; {@code $$} escapes and invalid <code>${</code> forms are not references.
   */
  public static List<Reference> references(String text) {
    List<Reference> found = new ArrayList<>();
    collect(text, new LineEnds(text), 0, text.length(), found);
    return List.copyOf(found);
  }

  /**
   * The references of {@code text[from, to)} in text order: each one's default, then the rest of its line after it
   * (see the class comment), then what follows. The ranges still to read are kept on a stack, not in nested calls:
   * a line of fifty thousand references with defaults nests fifty thousand ranges.
   */
  private static void collect(String text, LineEnds lineEnds, int from, int to, List<Reference> found) {
    Deque<int[]> ranges = new ArrayDeque<>(); // {next offset to read, end, nesting of defaults}
    ranges.push(new int[] {from, to, 0});
    while (!ranges.isEmpty()) {
      int[] range = ranges.peek();
      int i = range[0];
      if (i >= range[1]) {
        ranges.pop();
        continue;
      }
      Match m = text.charAt(i) == '$' ? Match.at(text, lineEnds, i, range[1]) : null;
      if (m == null) {
        range[0] = i + 1;
        continue;
      }
      range[0] = m.end;
      if (m.kind == Match.Kind.NAMED || m.kind == Match.Kind.BRACED) {
        String fallback = m.operator.isEmpty() ? null : text.substring(m.fallbackStart, m.fallbackEnd());
        found.add(new Reference(m.name(text), m.operator, fallback, m.start, m.headEnd));
        if (fallback != null && range[2] < MAX_NESTING) { // deeper, substitution refuses the text
          ranges.push(new int[] {m.headEnd, m.end, range[2]});
          ranges.push(new int[] {m.fallbackStart, m.fallbackEnd(), range[2] + 1});
        }
      }
    }
  }

  /** The Go {@code %q} form of a string, as Compose quotes values in its messages. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\u0007' -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\u000B' -> out.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * What compose-go's pattern matches at a {@code $}: {@code $$}, {@code $NAME}, a braced form, or an invalid
   * <code>${</code>. For a braced form with an operator, {@code end} is where the regular expression stops (the last
   * closing brace on the line) and {@code headEnd} where the reference itself stops (the first balanced one).
   */
  private record Match(Kind kind, int start, int end, int nameStart, int nameEnd, String operator,
      int fallbackStart, int headEnd) {

    enum Kind { ESCAPED, NAMED, BRACED, INVALID }

    /** The match at {@code text[at] == '$'} within {@code [at, to)}, or null when the {@code $} is literal. */
    static Match at(String text, LineEnds lineEnds, int at, int to) {
      if (at + 1 >= to) {
        return null;
      }
      char next = text.charAt(at + 1);
      if (next == '$') {
        return new Match(Kind.ESCAPED, at, at + 2, 0, 0, "", 0, at + 2);
      }
      if (isNameStart(next)) {
        int nameEnd = nameEnd(text, at + 1, to);
        return new Match(Kind.NAMED, at, nameEnd, at + 1, nameEnd, "", 0, nameEnd);
      }
      if (next != '{') {
        return null;
      }
      Match invalid = new Match(Kind.INVALID, at, at + 2, 0, 0, "", 0, at + 2);
      int nameStart = at + 2;
      if (nameStart >= to || !isNameStart(text.charAt(nameStart))) {
        return invalid;
      }
      int nameEnd = nameEnd(text, nameStart, to);
      if (nameEnd >= to) {
        return invalid;
      }
      if (text.charAt(nameEnd) == '}') {
        return new Match(Kind.BRACED, at, nameEnd + 1, nameStart, nameEnd, "", 0, nameEnd + 1);
      }
      String operator = operator(text, nameEnd, to);
      if (operator == null) {
        return invalid;
      }
      int fallbackStart = nameEnd + operator.length();
      int lineEnd = lineEnds.after(fallbackStart);
      int close = text.lastIndexOf('}', (lineEnd < 0 || lineEnd > to ? to : lineEnd) - 1);
      if (close < fallbackStart) {
        return invalid;
      }
      int end = close + 1;
      int head = firstClosingBrace(text, at, end);
      return new Match(Kind.BRACED, at, end, nameStart, nameEnd, operator, fallbackStart, head < 0 ? end : head + 1);
    }

    String name(String text) {
      return text.substring(nameStart, nameEnd);
    }

    int fallbackEnd() {
      return headEnd - 1;
    }

    private static String operator(String text, int at, int to) {
      boolean colon = text.charAt(at) == ':';
      int sign = colon ? at + 1 : at;
      if (sign >= to || "-+?".indexOf(text.charAt(sign)) < 0) {
        return null;
      }
      return text.substring(at, sign + 1);
    }

    /** compose-go's brace counter, including its skip of the character after each opening brace. */
    private static int firstClosingBrace(String text, int from, int to) {
      int open = 0;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c == '}' && --open == 0) {
          return i;
        }
        if (c == '{') {
          open++;
          i++;
        }
      }
      return -1;
    }

    /** Go's case-insensitive {@code [_a-z]}, which also folds in the long s and the Kelvin sign. */
    private static boolean isNameStart(char c) {
      return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\u017F' || c == '\u212A';
    }

    private static int nameEnd(String text, int from, int to) {
      int i = from;
      while (i < to && (isNameStart(text.charAt(i)) || (text.charAt(i) >= '0' && text.charAt(i) <= '9'))) {
        i++;
      }
      return i;
    }
  }

  /**
   * Where the line of an offset ends, remembered: every braced reference with an operator looks for its line's
   * end, and a line of thousands of them would otherwise read the rest of the line thousands of times.
   */
  private static final class LineEnds {
    private final String text;
    /** The first line break at or after {@code from} is at {@code lineEnd} (-1 when there is none). */
    private int from = Integer.MAX_VALUE;
    private int lineEnd;

    LineEnds(String text) {
      this.text = text;
    }

    /** The offset of the first line break at or after {@code offset}, or -1. */
    int after(int offset) {
      if (offset < from || lineEnd >= 0 && offset > lineEnd) {
        from = offset;
        lineEnd = text.indexOf('\n', offset);
      }
      return lineEnd;
    }
  }

  /**
   * Substitutes ranges of one text, so nested errors and warnings keep offsets into the whole text.
   *
   * <p>The text after a braced reference's head, up to the last closing brace on its line, is substituted on its own
   * (see the class comment): as a segment of its own, in the same output, not by a call of its own, since a line of
   * n such references nests n segments, and n calls each holding a copy of the rest of the line cost the square of
   * its length in time and memory.
   */
  private record Evaluator(String text, Function<String, String> lookup, UnsetListener unset, Growth growth,
      LineEnds lineEnds) {

    Evaluator(String text, Function<String, String> lookup, UnsetListener unset, Growth growth) {
      this(text, lookup, unset, growth, new LineEnds(text));
    }

    /**
     * A range being substituted: the whole range asked for, or the rest of a braced reference after its head.
     * A segment that fails is as if its reference failed: its output and growth are taken back.
     */
    private static final class Segment {
      final int from;
      final int to;
      /** Where substitution goes on. */
      int at;
      /** The first reference that failed in this segment, thrown when it ends. */
      InterpolationException first;
      /** For the rest of a reference: the reference, the growth before it and where its text starts in the output. */
      final Match reference;
      final long mark;
      final int outputStart;

      Segment(int from, int to, Match reference, long mark, int outputStart) {
        this.from = from;
        this.to = to;
        this.at = from;
        this.reference = reference;
        this.mark = mark;
        this.outputStart = outputStart;
      }
    }

    /** Substitutes {@code text[from, to)}, a text {@code nesting} defaults deep. */
    String evaluate(int from, int to, int nesting) throws InterpolationException {
      int dollar = text.indexOf('$', from);
      if (dollar < 0 || dollar >= to) {
        return text.substring(from, to); // most values refer to no variable
      }
      StringBuilder out = new StringBuilder(Math.min(to - from, 1024));
      Deque<Segment> segments = new ArrayDeque<>();
      segments.push(new Segment(from, to, null, 0, 0));
      while (true) {
        Segment segment = segments.peek();
        if (segment.at >= segment.to) {
          segments.pop();
          if (segment.reference == null) {
            if (segment.first != null) {
              throw segment.first;
            }
            return out.toString();
          }
          Segment outer = segments.peek();
          if (segment.first != null) { // the reference fails with the first failure of its rest
            out.setLength(segment.outputStart);
            failed(outer, segment.first, segment.mark);
          } else {
            growth.settle(segment.mark, out.length() - segment.outputStart, segment.reference.start,
                segment.reference.end);
          }
          outer.at = segment.reference.end;
          continue;
        }
        dollar = text.indexOf('$', segment.at);
        if (dollar < 0 || dollar >= segment.to) {
          out.append(text, segment.at, segment.to);
          segment.at = segment.to;
          continue;
        }
        out.append(text, segment.at, dollar);
        Match m = Match.at(text, lineEnds, dollar, segment.to);
        if (m == null) {
          out.append('$');
          segment.at = dollar + 1;
          continue;
        }
        long mark = growth.mark();
        try {
          if (m.kind == Match.Kind.BRACED && !m.operator.isEmpty()) {
            String name = m.name(text);
            int outputStart = out.length();
            out.append(apply(m, name, lookup.apply(name), nesting));
            segments.push(new Segment(m.headEnd, m.end, m, mark, outputStart)); // the rest, only if the head succeeded
            continue;
          }
          String replacement = replace(m, segment.from, segment.to);
          growth.settle(mark, replacement.length(), m.start, m.end);
          out.append(replacement);
        } catch (InterpolationException e) {
          failed(segment, e, mark);
        }
        segment.at = m.end;
      }
    }

    /** A reference of {@code segment} failed: it adds nothing, and the segment fails with its first failure. */
    private void failed(Segment segment, InterpolationException e, long mark) throws InterpolationException {
      if (e.pastLashingLimit()) {
        throw e; // going on would only grow further, or nest deeper
      }
      growth.reset(mark);
      if (segment.first == null) {
        segment.first = e;
      }
    }

    /** The text of a reference without an operator, {@code $$} or an invalid form (which fails). */
    private String replace(Match m, int from, int to) throws InterpolationException {
      if (m.kind == Match.Kind.ESCAPED) {
        return "$";
      }
      if (m.kind == Match.Kind.INVALID) {
        // Like compose-go, the message quotes the text being substituted at the level the error occurs.
        throw new InterpolationException(
            InterpolationException.Kind.INVALID_FORMAT,
            "Invalid template: " + quote(text.substring(from, to)), m.start, m.end);
      }
      String name = m.name(text);
      String value = lookup.apply(name);
      if (value == null) {
        unset.unset(name, m.start, m.headEnd);
        return "";
      }
      return value;
    }

    private String apply(Match m, String name, String value, int nesting) throws InterpolationException {
      boolean set = value != null;
      boolean nonEmpty = set && !value.isEmpty();
      return switch (m.operator) {
        case ":-" -> nonEmpty ? value : fallback(m, nesting);
        case "-" -> set ? value : fallback(m, nesting);
        case ":+" -> nonEmpty ? fallback(m, nesting) : "";
        case "+" -> set ? fallback(m, nesting) : "";
        case ":?" -> nonEmpty ? value : missing(m, name, nesting);
        case "?" -> set ? value : missing(m, name, nesting);
        default -> throw new IllegalStateException(m.operator);
      };
    }

    private String fallback(Match m, int nesting) throws InterpolationException {
      if (nesting >= MAX_NESTING) {
        throw new InterpolationException(InterpolationException.Kind.TOO_DEEP,
            "defaults are nested deeper than " + MAX_NESTING + " levels", m.start, m.headEnd);
      }
      return evaluate(m.fallbackStart, m.fallbackEnd(), nesting + 1);
    }

    private String missing(Match m, String name, int nesting) throws InterpolationException {
      String reason = fallback(m, nesting);
      String message = "required variable " + name + " is missing a value" + (reason.isEmpty() ? "" : ": " + reason);
      throw new InterpolationException(InterpolationException.Kind.MISSING_REQUIRED, message, m.start, m.headEnd);
    }
  }
}
