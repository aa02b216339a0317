package dev.lashing.yaml;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Block-style YAML written line by line, with comments: the one writer behind override patches, generated
 * compose files and fix snippets. Lines end with {@code \n}; indentation is given in spaces. What a scalar
 * looks like is decided by {@link YamlStrings}, so every writer quotes alike.
 */
public final class YamlWriter {
  /** Starts with a letter, '/' or '_', so it is never a number, a sexagesimal, a null or an indicator. */
  private static final Pattern WORD = Pattern.compile("[A-Za-z/_][A-Za-z0-9/_.@+=:-]*");
  private static final Set<String> RESERVED = Set.of(
      "y", "n", "yes", "no", "on", "off", "true", "false", "null");

  private final StringBuilder out = new StringBuilder();
  /** How keys are written: {@link #string} or {@link #word}. */
  private final UnaryOperator<String> keys;

  /** A writer whose keys are written by {@code keys} ({@link #string} or {@link #word}). */
  public YamlWriter(UnaryOperator<String> keys) {
    this.keys = keys;
  }

  /** {@code text} at {@code indent} spaces. */
  public YamlWriter line(int indent, String text) {
    out.append(" ".repeat(indent)).append(text).append('\n');
    return this;
  }

  /** A comment line at {@code indent} spaces ({@code #} alone for an empty text). */
  public YamlWriter comment(int indent, String text) {
    return line(indent, text.isEmpty() ? "#" : "# " + text);
  }

  public YamlWriter blank() {
    out.append('\n');
    return this;
  }

  /** {@code key:} opening a mapping or sequence, with a trailing comment when {@code note} is not null. */
  public YamlWriter open(int indent, String key, String note) {
    return line(indent, keys.apply(key) + ":" + trailing(note));
  }

  /** {@code key: value}, the value already in YAML form, with a trailing comment when {@code note} is not null. */
  public YamlWriter entry(int indent, String key, String value, String note) {
    return line(indent, keys.apply(key) + ": " + value + trailing(note));
  }

  /** {@code - value}, already in YAML form, with a trailing comment when {@code note} is not null. */
  public YamlWriter item(int indent, String value, String note) {
    return line(indent, "- " + value + trailing(note));
  }

  /** The lines of a block scalar's text (after its {@link #blockIndicator}), at {@code indent} spaces. */
  public YamlWriter blockScalar(String text, int indent) {
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String l : body.split("\n", -1)) {
      if (l.isEmpty()) {
        out.append('\n');
      } else {
        line(indent, l);
      }
    }
    return this;
  }

  /** How long the text written so far is, to rewrite what follows (see {@link #cut}). */
  public int length() {
    return out.length();
  }

  /** Takes back what was written after {@code mark} and returns it. */
  public String cut(int mark) {
    String tail = out.substring(mark);
    out.setLength(mark);
    return tail;
  }

  /** Writes text as it is (lines already made). */
  public YamlWriter raw(String text) {
    out.append(text);
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private static String trailing(String note) {
    return note == null ? "" : "  # " + note;
  }

  /**
   * A whole document of plain Java values (ordered maps, lists, strings, numbers, booleans, null) in block
   * style, strings quoted only where a reader would take them for something else (how {@code config} prints).
   */
  public static String document(Object value) {
    return ValueDump.document(value);
  }

  // ---- scalars ----

  /** A string plain when every YAML reader reads it back as this same string, else double-quoted. */
  public static String string(String s) {
    return YamlStrings.isPlainSafe(s, true) ? s : YamlStrings.doubleQuoted(s);
  }

  /**
   * A string plain only when it is a simple word ({@code web}, {@code /data}, {@code 10m} aside): what generated
   * files use, so that their values read the same in any tool, however it guesses types.
   */
  public static String word(String s) {
    if (WORD.matcher(s).matches() && !s.endsWith(":") && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      return s;
    }
    return YamlStrings.doubleQuoted(s);
  }

  /** A flow sequence of quoted strings, {@code ["CMD", "curl"]}, the way Compose's documentation writes them. */
  public static String quotedFlow(List<String> values, char quote) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(YamlStrings.quoted(values.get(i), quote));
    }
    return s.append(']').toString();
  }

  /** {@code |}, {@code |-} or {@code |+} by the trailing newlines of a multi-line string (with an indentation digit when it starts blank). */
  public static String blockIndicator(String s, int indent) {
    String chomp = !s.endsWith("\n") ? "-" : s.endsWith("\n\n") ? "+" : "";
    String indentation = s.startsWith(" ") || s.startsWith("\n") ? Integer.toString(indent) : "";
    return "|" + indentation + chomp;
  }
}
