package dev.lashing.inventory.generate;

import dev.lashing.yaml.YamlStrings;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Block-style YAML written line by line, with comments. Strings are left plain only when every reader agrees
 * on them, YAML 1.1 (docker-compose 1.x, PyYAML) and YAML 1.2 (Compose v2) alike; everything else is double
 * quoted: numbers-looking text, {@code no}/{@code on}, {@code 22:22}, leading indicators such as {@code @}.
 */
final class YamlText {
  /** Starts with a letter, '/' or '_', so it is never a number, a sexagesimal, a null or an indicator. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z/_][A-Za-z0-9/_.@+=:-]*");
  private static final Set<String> RESERVED = Set.of(
      "y", "n", "yes", "no", "on", "off", "true", "false", "null");

  private final StringBuilder out = new StringBuilder();

  /** A comment line at {@code indent} spaces. */
  YamlText comment(int indent, String text) {
    out.append(" ".repeat(indent)).append("# ").append(text).append('\n');
    return this;
  }

  YamlText blank() {
    out.append('\n');
    return this;
  }

  /** {@code key:} opening a mapping or sequence. */
  YamlText open(int indent, String key, String comment) {
    out.append(" ".repeat(indent)).append(string(key)).append(':');
    return end(comment);
  }

  /** {@code key: value} with a value already in YAML form ({@link #string}, a number...). */
  YamlText entry(int indent, String key, String yamlValue, String comment) {
    out.append(" ".repeat(indent)).append(string(key)).append(": ").append(yamlValue);
    return end(comment);
  }

  /** {@code - value} with a value already in YAML form. */
  YamlText item(int indent, String yamlValue, String comment) {
    out.append(" ".repeat(indent)).append("- ").append(yamlValue);
    return end(comment);
  }

  private YamlText end(String comment) {
    if (comment != null) {
      out.append("  # ").append(comment);
    }
    out.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** A string scalar: plain when unambiguous to every YAML reader, else double quoted. */
  static String string(String value) {
    if (PLAIN.matcher(value).matches() && !value.endsWith(":")
        && !RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
      return value;
    }
    return YamlStrings.doubleQuoted(value);
  }


  /** A flow sequence of double-quoted strings: {@code ["CMD", "pg_isready"]}. */
  static String flow(List<String> values) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(YamlStrings.doubleQuoted(values.get(i)));
    }
    return s.append(']').toString();
  }
}
