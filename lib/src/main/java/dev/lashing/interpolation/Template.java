package dev.lashing.interpolation;

import java.util.ArrayList;
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
    return new Evaluator(text, lookup, unset, growth).evaluate(0, text.length());
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
    void settle(long mark, String replacement, int start, int end) throws InterpolationException {
      left = mark - (replacement.length() - (end - start));
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
    collect(text, 0, text.length(), found);
    return List.copyOf(found);
  }

  private static void collect(String text, int from, int to, List<Reference> found) {
    int i = from;
    while (i < to) {
      Match m = text.charAt(i) == '$' ? Match.at(text, i, to) : null;
      if (m == null) {
        i++;
        continue;
      }
      if (m.kind == Match.Kind.NAMED || m.kind == Match.Kind.BRACED) {
        String fallback = m.operator.isEmpty() ? null : text.substring(m.fallbackStart, m.fallbackEnd());
        found.add(new Reference(m.name(text), m.operator, fallback, m.start, m.headEnd));
        if (fallback != null) {
          collect(text, m.fallbackStart, m.fallbackEnd(), found);
          collect(text, m.headEnd, m.end, found);
        }
      }
      i = m.end;
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
    static Match at(String text, int at, int to) {
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
      int lineEnd = text.indexOf('\n', fallbackStart);
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

  /** Substitutes ranges of one text, so nested errors and warnings keep offsets into the whole text. */
  private record Evaluator(String text, Function<String, String> lookup, UnsetListener unset, Growth growth) {

    String evaluate(int from, int to) throws InterpolationException {
      int dollar = text.indexOf('$', from);
      if (dollar < 0 || dollar >= to) {
        return text.substring(from, to); // most values refer to no variable
      }
      StringBuilder out = new StringBuilder(to - from);
      InterpolationException first = null;
      int i = from;
      while (i < to) {
        dollar = text.indexOf('$', i);
        if (dollar < 0 || dollar >= to) {
          out.append(text, i, to);
          break;
        }
        out.append(text, i, dollar);
        i = dollar;
        Match m = Match.at(text, i, to);
        if (m == null) {
          out.append('$');
          i++;
          continue;
        }
        long mark = growth.mark();
        try {
          String replacement = replace(m, from, to);
          growth.settle(mark, replacement, m.start, m.end);
          out.append(replacement);
        } catch (InterpolationException e) {
          if (e.kind() == InterpolationException.Kind.TOO_LONG) {
            throw e; // going on would only grow further
          }
          growth.reset(mark); // a reference that failed adds nothing
          if (first == null) {
            first = e;
          }
        }
        i = m.end;
      }
      if (first != null) {
        throw first;
      }
      return out.toString();
    }

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
      if (m.operator.isEmpty()) {
        if (value == null) {
          unset.unset(name, m.start, m.headEnd);
          return "";
        }
        return value;
      }
      String head = apply(m, name, value);
      return head + evaluate(m.headEnd, m.end);
    }

    private String apply(Match m, String name, String value) throws InterpolationException {
      boolean set = value != null;
      boolean nonEmpty = set && !value.isEmpty();
      return switch (m.operator) {
        case ":-" -> nonEmpty ? value : fallback(m);
        case "-" -> set ? value : fallback(m);
        case ":+" -> nonEmpty ? fallback(m) : "";
        case "+" -> set ? fallback(m) : "";
        case ":?" -> nonEmpty ? value : missing(m, name);
        case "?" -> set ? value : missing(m, name);
        default -> throw new IllegalStateException(m.operator);
      };
    }

    private String fallback(Match m) throws InterpolationException {
      return evaluate(m.fallbackStart, m.fallbackEnd());
    }

    private String missing(Match m, String name) throws InterpolationException {
      String reason = fallback(m);
      String message = "required variable " + name + " is missing a value" + (reason.isEmpty() ? "" : ": " + reason);
      throw new InterpolationException(InterpolationException.Kind.MISSING_REQUIRED, message, m.start, m.headEnd);
    }
  }
}
