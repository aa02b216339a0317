package dev.lashing.interpolation;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Reads {@code .env} files with compose-go's {@code dotenv} parser rules. */
public final class DotEnv {
  private DotEnv() {}

  /**
   * The variables a file defines, in file order. {@code lookup} (null when unset) gives bare {@code KEY} lines their
   * value and is consulted before the file's earlier keys when values are interpolated.
   *
   * @throws ComposeException positioned at the offending character
   */
  public static Map<String, String> parse(SourceFile file, Function<String, String> lookup) {
    return new Parser(file, lookup).parse();
  }

  private static final class Parser {
    private final SourceFile file;
    private final String text;
    private final Function<String, String> lookup;
    private final Map<String, String> out = new LinkedHashMap<>();
    private final Template.Growth growth = new Template.Growth();
    private int pos;

    Parser(SourceFile file, Function<String, String> lookup) {
      this.file = file;
      this.text = file.text();
      this.lookup = lookup;
      this.pos = file.hasByteOrderMark() ? 1 : 0;
    }

    Map<String, String> parse() {
      while (skipToStatement()) {
        statement();
      }
      return Collections.unmodifiableMap(out);
    }

    /** Skips blank space and comment lines; false at the end of the file. */
    private boolean skipToStatement() {
      while (true) {
        while (pos < text.length() && isUnicodeSpace(text.charAt(pos))) {
          pos++;
        }
        if (pos >= text.length()) {
          return false;
        }
        if (text.charAt(pos) != '#') {
          return true;
        }
        int lineEnd = text.indexOf('\n', pos);
        pos = lineEnd < 0 ? text.length() : lineEnd;
      }
    }

    private void statement() {
      if (text.startsWith("export", pos) && pos + 6 < text.length() && " \t\n\f\r".indexOf(text.charAt(pos + 6)) >= 0) {
        pos = skipSpace(pos + 6);
      }
      int keyStart = pos;
      int separator = keyEnd(keyStart);
      String key;
      boolean inherited;
      if (separator < 0) {
        // compose-go's quirk: a last line without `=`, `:` or line break is read as a value with an empty key.
        key = "";
        inherited = false;
        pos = keyStart;
      } else {
        key = trimEnd(text.substring(keyStart, separator));
        inherited = text.charAt(separator) == '\n';
        pos = skipSpace(separator + 1);
      }
      if (key.indexOf(' ') >= 0) {
        throw error(keyStart, "key cannot contain a space");
      }
      if (inherited) {
        String value = lookup.apply(key);
        if (value != null) {
          out.put(key, value);
        }
        return;
      }
      out.put(key, value());
    }

    /** Offset of the `=`, `:` or line break that ends the key, or -1 at the end of the file. */
    private int keyEnd(int from) {
      for (int i = from; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
        int c = text.codePointAt(i);
        if (c == '=' || c == ':' || c == '\n') {
          return i;
        }
        if (!isSpace(c) && !isKeyChar(c)) {
          int lineEnd = text.indexOf('\n', from);
          String line = text.substring(from, lineEnd < 0 ? text.length() : lineEnd);
          throw error(i, "unexpected character " + Template.quote(Character.toString(c)) + " in variable name "
              + Template.quote(line));
        }
      }
      return -1;
    }

    private String value() {
      if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')) {
        return quoted(text.charAt(pos));
      }
      int start = pos;
      int lineEnd = text.indexOf('\n', start);
      pos = lineEnd < 0 ? text.length() : lineEnd + 1;
      String value = text.substring(start, lineEnd < 0 ? text.length() : lineEnd);
      int comment = value.indexOf(" #");
      return interpolate(trimEnd(comment < 0 ? value : value.substring(0, comment)), start, true);
    }

    /** A quoted value: it may span lines, and a backslash keeps the quote from closing it. */
    private String quoted(char quote) {
      int open = pos;
      StringBuilder value = new StringBuilder();
      boolean escaped = false;
      for (int i = open + 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (escaped) {
          escaped = false;
          if (c != quote) {
            value.append('\\');
          }
          value.append(c);
        } else if (c == '\\') {
          escaped = true;
        } else if (c == quote) {
          pos = i + 1;
          return quote == '"' ? interpolate(expandEscapes(value.toString()), open, false) : value.toString();
        } else {
          value.append(c);
        }
      }
      int lineEnd = text.indexOf('\n', open);
      throw error(open, "unterminated quoted value " + text.substring(open, lineEnd < 0 ? text.length() : lineEnd));
    }

    /**
     * Interpolates a value, looking variables up in the environment first, then in this file's earlier keys.
     * {@code exact} says the value is the source text from {@code start}, so an error can point into it.
     */
    private String interpolate(String value, int start, boolean exact) {
      try {
        return Template.substitute(value, name -> {
          String found = lookup.apply(name);
          return found != null ? found : out.get(name);
        }, name -> { }, growth);
      } catch (InterpolationException e) {
        throw new ComposeException(e.diagnostic(
            Diagnostic.Kind.INVALID_VALUE, file.at(exact ? start + e.start() : start), e.getMessage()));
      }
    }

    private int skipSpace(int from) {
      int i = from;
      while (i < text.length() && isSpace(text.charAt(i))) {
        i++;
      }
      return i;
    }

    private ComposeException error(int offset, String message) {
      return new ComposeException(file.at(offset), message);
    }
  }

  /**
   * The escapes of a double-quoted value: {@code \a \b \f \n \r \t \v \\ \"}, {@code \$} (kept as {@code $$} so
   * interpolation yields a literal {@code $}) and octal {@code \0NNN}; anything else stays as written.
   */
  static String expandEscapes(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      String escape = c == '\\' && i + 1 < value.length() ? escape(value.charAt(i + 1)) : null;
      if (escape != null) {
        out.append(escape);
        i += 2;
      } else if (c == '\\' && i + 1 < value.length() && value.charAt(i + 1) == '0') {
        int end = i + 2;
        while (end < value.length() && end < i + 5 && value.charAt(end) >= '0' && value.charAt(end) <= '9') {
          end++;
        }
        // Go's octal escape needs exactly three octal digits worth at most one byte; otherwise it stays as written.
        String digits = value.substring(i + 2, end);
        int code = digits.length() == 3 && digits.chars().allMatch(d -> d <= '7') ? Integer.parseInt(digits, 8) : -1;
        out.append(code >= 0 && code <= 0xFF ? String.valueOf((char) code) : value.substring(i, end));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String escape(char c) {
    return switch (c) {
      case 'a' -> "\u0007";
      case 'b' -> "\b";
      case 'f' -> "\f";
      case 'n' -> "\n";
      case 'r' -> "\r";
      case 't' -> "\t";
      case 'v' -> "\u000B";
      case '\\' -> "\\";
      case '"' -> "\"";
      case '$' -> "$$";
      default -> null;
    };
  }

  /** compose-go's {@code isSpace}: blank characters other than the line feed. */
  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u00A0';
  }

  /** Go's {@code unicode.IsSpace}. */
  private static boolean isUnicodeSpace(int c) {
    return c == '\n' || isSpace(c) || (c > 0xFF && Character.isSpaceChar(c));
  }

  private static boolean isKeyChar(int c) {
    if (c < 0x80) { // most keys are ASCII: spare the Unicode tables
      return c == '_' || c == '.' || c == '-' || c == '[' || c == ']' || (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static String trimEnd(String s) {
    int end = s.length();
    while (end > 0 && isUnicodeSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
