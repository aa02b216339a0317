package dev.lashing.yaml;

import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.Scalars;
import java.util.regex.Pattern;

/**
 * Writing strings into YAML that every reader reads back as the same string: Compose v2 (go-yaml, YAML 1.2
 * core), YAML 1.1 readers (docker-compose v1, PyYAML) and editors. Used by every piece of Lashing that
 * writes YAML text: fixes, override patches and generated compose files.
 */
public final class YamlStrings {
  /** Plain texts some reader takes for something other than a string (booleans, base-60, octal, numbers...). */
  private static final Pattern MISREAD = Pattern.compile(
      "y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?"
          + "|[-+]?0[0-7_]+|[-+]?[0-9][0-9_]*|[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9_]+"
          + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?|=|<<|~");

  /** The first characters of the texts {@link #MISREAD} matches: most strings start otherwise, and skip it. */
  private static final String MISREAD_STARTS = "yYnNoO+-.0123456789=<~";

  private YamlStrings() {}

  /**
   * Whether some reader takes the plain text {@code s} for something other than a string: YAML 1.1
   * booleans (yes/no/on/off…), base-60 numbers, octal and other numbers, timestamps, {@code =}, {@code <<},
   * {@code ~}. go-yaml's own writer quotes these too.
   */
  public static boolean isMisread(String s) {
    return !s.isEmpty() && MISREAD_STARTS.indexOf(s.charAt(0)) >= 0 && MISREAD.matcher(s).matches();
  }

  /** Whether {@code s} can be written unquoted (inside a flow collection when {@code flow}). */
  public static boolean isPlainSafe(String s, boolean flow) {
    if (s.isEmpty() || !s.strip().equals(s) || Scalars.resolvePlain(s) != ScalarNode.Type.STRING
        || isMisread(s)) {
      return false;
    }
    char first = s.charAt(0);
    if ("?:-".indexOf(first) >= 0) {
      // YAML 1.1 readers accept a leading ? or : only in block context
      if (s.length() == 1 || s.charAt(1) == ' ' || s.startsWith("---") || flow && first != '-'
          || flow && ",[]{}".indexOf(s.charAt(1)) >= 0) {
        return false;
      }
    } else if ("[]{},#&*!|>'\"%@`".indexOf(first) >= 0) {
      return false;
    }
    if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      // go-yaml (YAML 1.1) ends a plain scalar within brackets at a '?' too
      if (needsEscape(c) || flow && ",[]{}?".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code s} in double quotes, with YAML escapes for quotes, backslashes and control characters. */
  public static String doubleQuoted(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (needsEscape(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code s} in single quotes when it has nothing that needs an escape, else in double quotes. */
  public static String quoted(String s, char quote) {
    if (quote == '\'' && !anyNeedsEscape(s)) {
      return "'" + s.replace("'", "''") + "'";
    }
    return doubleQuoted(s);
  }

  private static boolean anyNeedsEscape(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (needsEscape(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Characters a YAML reader refuses, drops or mangles unless escaped: the controls (C0, DEL and C1), which
   * Compose's reader refuses written as they are; NEL and the line and paragraph separators, line breaks to it;
   * the byte order mark, which it skips at the start of a line; and U+FFFE and U+FFFF, no characters at all.
   */
  private static boolean needsEscape(char c) {
    return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c >= '\uFFFE';
  }
}
