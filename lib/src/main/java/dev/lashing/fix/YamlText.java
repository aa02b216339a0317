package dev.lashing.fix;

import dev.lashing.yaml.YamlStrings;
import dev.lashing.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes new values as YAML text in a file's style: its indentation step, sequence indentation and quote
 * character. Strings are quoted only when they must be (a plain form would read as another type, for YAML
 * 1.2 or 1.1 readers, or would not parse), and every {@code $} is doubled since Compose interpolates values.
 */
final class YamlText {
  /** {@code *name}: a reference to an anchor, written as is. */
  record Alias(String name) {}

  /** A scalar as it is written elsewhere in the file (a copied list item), written again as is. */
  record Raw(String text) {}

  /** A new list is written in flow style, where the file writes its lists so, only up to this width. */
  static final int FLOW_WIDTH = 100;

  private final YamlFile.Style style;
  /**
   * Each string's written form, plain or quoted, in block and in flow context: the fixes of every service write
   * the same keys and values, and telling whether one may stay plain takes a few patterns.
   */
  private final Map<String, String> writtenInBlock = new HashMap<>();
  private final Map<String, String> writtenInFlow = new HashMap<>();

  YamlText(YamlFile.Style style) {
    this.style = style;
  }

  String lineBreak() {
    return style.lineBreak();
  }

  int step() {
    return style.indent();
  }

  // ---- scalars ----

  /** A string value, with {@code $} escaped for interpolation. */
  String string(String value, boolean flow) {
    return text(value.replace("$", "$$"), flow);
  }

  /** A string already in its written form (no interpolation escaping), plain when safe. */
  String text(String value, boolean flow) {
    return (flow ? writtenInFlow : writtenInBlock).computeIfAbsent(value,
        v -> YamlStrings.isPlainSafe(v, flow) ? v : YamlStrings.quoted(v, style.quote()));
  }

  /** A string value quoted with {@code quote} whether or not it needs to be, {@code $} escaped. */
  String quoted(String value, char quote) {
    return YamlStrings.quoted(value.replace("$", "$$"), quote);
  }

  String key(String key) {
    return key.equals("<<") ? key : text(key, false);
  }

  /** A scalar value (string, number, boolean, null, alias). */
  String scalar(Object value, boolean flow) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return string(s, flow);
    }
    if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15
          ? Long.toString(d.longValue()) + ".0"
          : Double.toString(d);
    }
    if (value instanceof Alias a) {
      return "*" + a.name();
    }
    if (value instanceof Raw r) {
      return r.text();
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    throw new IllegalArgumentException("not a scalar: " + value);
  }

  static boolean isScalar(Object value) {
    return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
  }

  // ---- flow ----

  /** Any value in flow style: {@code {a: 1, b: [x, y]}}. */
  String flow(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        parts.add(text(e.getKey().toString(), true) + ": " + flow(e.getValue()));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object item : list) {
        parts.add(flow(item));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    return scalar(value, true);
  }

  /** A list of strings written {@code ["CMD", "curl", ...]}, every string quoted. */
  private String quotedFlowList(List<?> list) {
    List<String> escaped = new ArrayList<>();
    for (Object item : list) {
      escaped.add(((String) item).replace("$", "$$"));
    }
    return YamlWriter.quotedFlow(escaped, style.quote());
  }

  private static boolean allStrings(List<?> list) {
    return list.stream().allMatch(i -> i instanceof String);
  }

  // ---- block ----

  private static String spaces(int n) {
    return " ".repeat(Math.max(0, n));
  }

  /**
   * What follows {@code key:} for a value in block context, where the key is at column {@code keyColumn}:
   * {@code " scalar"}, or a line break and the indented lines of a collection; a list in the style the file
   * writes the key's lists in.
   */
  String afterKey(String key, Object value, int keyColumn, int widthSoFar) {
    if (value == null) {
      return "";
    }
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        return " {}";
      }
      StringBuilder out = new StringBuilder();
      for (String line : entries(map, keyColumn + step())) {
        out.append(lineBreak()).append(line);
      }
      return out.toString();
    }
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        return " []";
      }
      String flow = switch (style.listsUnder(key)) {
        case BLOCK -> null;
        case FLOW -> flow(list);
        case QUOTED_FLOW -> allStrings(list) ? quotedFlowList(list) : flow(list);
      };
      if (flow != null && widthSoFar + 1 + flow.length() <= FLOW_WIDTH) {
        return " " + flow;
      }
      int dash = style.indentedSequences() ? keyColumn + step() : keyColumn;
      StringBuilder out = new StringBuilder();
      for (String line : items(list, dash)) {
        out.append(lineBreak()).append(line);
      }
      return out.toString();
    }
    return " " + scalar(value, false);
  }

  /** The lines of mapping entries at {@code column} (no line breaks). */
  List<String> entries(Map<?, ?> map, int column) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String head = spaces(column) + key(e.getKey().toString()) + ":";
      String rest = afterKey(e.getKey().toString(), e.getValue(), column, head.length());
      addLines(lines, head + rest);
    }
    return lines;
  }

  /** The lines of sequence items whose dashes are at {@code dashColumn}. */
  List<String> items(List<?> list, int dashColumn) {
    List<String> lines = new ArrayList<>();
    for (Object item : list) {
      lines.addAll(item(item, dashColumn));
    }
    return lines;
  }

  /** The lines of one sequence item ({@code - value}) whose dash is at {@code dashColumn}. */
  List<String> item(Object item, int dashColumn) {
    List<String> lines = new ArrayList<>();
    String dash = spaces(dashColumn) + "- ";
    if (item instanceof Map<?, ?> map && !map.isEmpty()) {
      List<String> entryLines = entries(map, dashColumn + 2);
      lines.add(dash + entryLines.get(0).substring(dashColumn + 2));
      lines.addAll(entryLines.subList(1, entryLines.size()));
    } else if (item instanceof List<?> || item instanceof Map<?, ?>) {
      lines.add(dash + flow(item));
    } else {
      lines.add(dash + scalar(item, false));
    }
    return lines;
  }

  private void addLines(List<String> lines, String text) {
    // not String.split: a line break of two characters is a pattern it compiles on every call
    String lineBreak = lineBreak();
    int from = 0;
    for (int at = text.indexOf(lineBreak); at >= 0; at = text.indexOf(lineBreak, from)) {
      lines.add(text.substring(from, at));
      from = at + lineBreak.length();
    }
    lines.add(text.substring(from));
  }
}
