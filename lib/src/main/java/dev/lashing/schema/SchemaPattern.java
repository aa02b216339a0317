package dev.lashing.schema;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a schema's pattern finds in a text: a key, for {@code patternProperties}, or a string value, for
 * {@code pattern}. The Compose schema's key patterns are of four shapes, met at every key of the mappings they
 * govern (every key of every service, network and volume; every variable and label): a literal prefix
 * ({@code ^x-}), {@code .+}, {@code ^.+$} and a class of ASCII characters repeated ({@code ^[a-zA-Z0-9._-]+$}).
 * Each is tested on the text's characters, finding exactly what its regex finds (with {@code $} at the very end,
 * as {@link SchemaCheck#regex} reads it), without a matcher: most of a run over many small files goes by before
 * the JIT has compiled the regex engine, where a matcher's reset and find take many calls. Any other pattern is
 * searched with its regex.
 */
final class SchemaPattern {
  private SchemaPattern() {}

  /**
   * What {@code pattern} finds in a text.
   *
   * @throws SchemaCheck.Unsupported for a pattern that the validator reads otherwise than Java's regex
   */
  static Predicate<String> of(String pattern) throws SchemaCheck.Unsupported {
    Pattern regex = SchemaCheck.regex(pattern);
    if (pattern.equals(".+")) {
      return SchemaPattern::holdsAnyCharacterButALineTerminator;
    }
    if (pattern.equals("^.+$")) {
      return text -> !text.isEmpty() && noLineTerminatorIn(text);
    }
    String prefix = literalPrefix(pattern);
    if (prefix != null) {
      return text -> text.startsWith(prefix);
    }
    boolean[] asciiClass = repeatedAsciiClass(pattern);
    if (asciiClass != null) {
      return text -> !text.isEmpty() && allIn(text, asciiClass);
    }
    return text -> regex.matcher(text).find();
  }

  /** The characters a regex's {@code .} does not match (with neither DOTALL nor UNIX_LINES). */
  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static boolean holdsAnyCharacterButALineTerminator(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (!isLineTerminator(key.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean noLineTerminatorIn(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (isLineTerminator(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The text a pattern {@code ^...} finds at the start of a key when the rest is literal; null otherwise. */
  private static String literalPrefix(String pattern) {
    if (pattern.length() < 2 || pattern.charAt(0) != '^') {
      return null;
    }
    for (int i = 1; i < pattern.length(); i++) {
      if ("\\^$.|?*+()[]{}".indexOf(pattern.charAt(i)) >= 0) {
        return null;
      }
    }
    return pattern.substring(1);
  }

  /**
   * For a pattern {@code ^[...]+$} whose class is ASCII characters and ranges of them (a {@code -} first or last
   * stands for itself), which characters it holds; null for any other pattern.
   */
  private static boolean[] repeatedAsciiClass(String pattern) {
    if (!pattern.startsWith("^[") || !pattern.endsWith("]+$") || pattern.length() < 6) {
      return null;
    }
    String body = pattern.substring(2, pattern.length() - 3);
    if (body.startsWith("^")) {
      return null;
    }
    boolean[] in = new boolean[128];
    for (int i = 0; i < body.length(); i++) {
      char from = body.charAt(i);
      if (from >= 128 || "\\[]&".indexOf(from) >= 0) {
        return null;
      }
      if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
        char to = body.charAt(i + 2);
        if (to >= 128 || to < from || "\\[]&".indexOf(to) >= 0) {
          return null;
        }
        for (char c = from; c <= to; c++) {
          in[c] = true;
        }
        i += 2;
      } else {
        in[from] = true;
      }
    }
    return in;
  }

  private static boolean allIn(String key, boolean[] asciiClass) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c >= 128 || !asciiClass[c]) {
        return false;
      }
    }
    return true;
  }
}
