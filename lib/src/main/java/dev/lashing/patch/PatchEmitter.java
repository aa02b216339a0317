package dev.lashing.patch;

import dev.lashing.patch.PatchMap.Raw;
import dev.lashing.patch.PatchMap.Tagged;
import dev.lashing.yaml.YamlStrings;
import dev.lashing.yaml.YamlWriter;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link PatchMap} as YAML that Compose (go-yaml) and YAML 1.1 readers read alike: strings that could
 * be read as anything else are quoted, {@code $} in literal strings is escaped as {@code $$} (templates are
 * written as they are), comments name the rules behind each block, and {@code !reset}/{@code !override} tags
 * are written where the patch needs them. The output depends on nothing but the input.
 */
public final class PatchEmitter {
  private static final int INDENT = 2;
  private static final int FLOW_WIDTH = 100;
  private static final int LINE_WIDTH = 110;

  /**
   * Each string as written, by its text: a patch writes the same few values and keys for every service (and is
   * written three times a run), and deciding how to write one reads it against several patterns.
   */
  private final Map<String, String> written = new HashMap<>();
  private final YamlWriter out = new YamlWriter(this::string);

  private PatchEmitter() {}

  /** The document: each header line as a comment, a blank line, then the mapping. */
  public static String write(List<String> header, PatchMap root) {
    PatchEmitter emitter = new PatchEmitter();
    for (String line : header) {
      emitter.out.comment(0, line);
    }
    if (!header.isEmpty()) {
      emitter.out.blank();
    }
    emitter.map(root, 0);
    return emitter.out.toString();
  }

  /**
   * The entries, each below the comment naming its rules; keys next to each other that the same rules put there (one
   * fix's {@code read_only} and {@code tmpfs}) share one comment, as the keys of one block do.
   */
  private void map(PatchMap map, int indent) {
    Set<String> named = Set.of();
    for (String key : map.keys()) {
      PatchMap.Entry e = map.entry(key);
      for (String comment : e.comments()) {
        out.comment(indent, comment);
      }
      if (!e.rules().isEmpty() && (!e.comments().isEmpty() || !e.rules().equals(named))) {
        line(indent, "# " + String.join(", ", e.rules()));
      }
      named = e.rules();
      entry(indent, string(key), e.value(), e.note());
    }
  }

  /** {@code prefix: value}, the value inline or as a block below. */
  private void entry(int indent, String prefix, Object value, String note) {
    String head = prefix + ":";
    String tag = "";
    if (value instanceof Tagged t) {
      tag = " " + t.tag().text();
      value = t.value();
    }
    String comment = note == null ? "" : "  # " + note;
    if (isInline(value)) {
      String text = head + tag + " " + inline(value);
      if (indent + text.length() + comment.length() > LINE_WIDTH && !comment.isEmpty()) {
        line(indent, "# " + note);
        comment = "";
      }
      line(indent, text + comment);
      return;
    }
    if (value instanceof String s && isMultiline(s)) {
      line(indent, head + tag + " " + YamlWriter.blockIndicator(s, INDENT) + comment);
      out.blockScalar(s.replace("$", "$$"), indent + INDENT);
      return;
    }
    line(indent, head + tag + comment);
    block(value, indent + INDENT);
  }

  private void block(Object value, int indent) {
    if (value instanceof PatchMap map) {
      map(map, indent);
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        item(item, indent);
      }
    } else {
      throw new IllegalArgumentException("not a block value: " + value);
    }
  }

  /** A block sequence item; a mapping item starts on the dash's line. */
  private void item(Object item, int indent) {
    if (item instanceof PatchMap map && !map.isEmpty()) {
      boolean first = true;
      for (String key : map.keys()) {
        PatchMap.Entry e = map.entry(key);
        int at = first ? indent : indent + INDENT;
        String prefix = (first ? "- " : "") + string(key);
        if (first) {
          // the dash takes the indentation of the first key; nested blocks go below the key
          entryAfterDash(indent, prefix, e.value(), e.note());
        } else {
          entry(at, prefix, e.value(), e.note());
        }
        first = false;
      }
      return;
    }
    if (item instanceof String s && isMultiline(s)) {
      line(indent, "- " + YamlWriter.blockIndicator(s, INDENT));
      out.blockScalar(s.replace("$", "$$"), indent + INDENT);
      return;
    }
    if (isInline(item)) {
      line(indent, "- " + inline(item));
      return;
    }
    line(indent, "-");
    block(item, indent + INDENT);
  }

  /** The first entry of a mapping in a sequence: written after the dash, its block two further in. */
  private void entryAfterDash(int indent, String prefix, Object value, String note) {
    int before = out.length();
    entry(indent, prefix, value, note);
    // entry() indented nested blocks relative to `indent`; they belong under the key, which sits at indent + 2
    String written = out.cut(before);
    String[] lines = written.split("\n", -1);
    StringBuilder fixed = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      fixed.append('\n');
      if (!lines[i].isEmpty()) {
        fixed.append(" ".repeat(INDENT)).append(lines[i]);
      }
    }
    out.raw(fixed.toString());
  }

  private boolean isInline(Object value) {
    if (value instanceof PatchMap map) {
      return map.isEmpty();
    }
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        return true;
      }
      int width = 2;
      for (Object item : list) {
        if (!isScalar(item) || item instanceof String s && isMultiline(s)) {
          return false;
        }
        width += flowScalar(item).length() + 2;
      }
      return width <= FLOW_WIDTH;
    }
    return !(value instanceof String s && isMultiline(s));
  }

  private static boolean isScalar(Object value) {
    return value == null || value instanceof String || value instanceof Raw || value instanceof Boolean
        || value instanceof Long || value instanceof Integer || value instanceof Double;
  }

  private String inline(Object value) {
    if (value instanceof PatchMap) {
      return "{}";
    }
    if (value instanceof List<?> list) {
      StringBuilder flow = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        flow.append(i == 0 ? "" : ", ").append(flowScalar(list.get(i)));
      }
      return flow.append(']').toString();
    }
    return scalarText(value);
  }

  /** In a flow sequence, strings with a colon are quoted too, so no reader takes them for a key. */
  private String flowScalar(Object value) {
    String text = scalarText(value);
    return (value instanceof String || value instanceof Raw) && !text.startsWith("\"") && text.indexOf(':') >= 0
        ? YamlStrings.doubleQuoted(value instanceof Raw raw ? raw.template() : ((String) value).replace("$", "$$")) : text;
  }

  private String scalarText(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    if (value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Double d) {
      String text = BigDecimal.valueOf(d).toPlainString();
      return text.contains(".") ? text : text + ".0";
    }
    if (value instanceof Raw raw) {
      return string(raw.template());
    }
    if (value instanceof String s) {
      return string(s.replace("$", "$$"));
    }
    throw new IllegalArgumentException("not a scalar: " + value);
  }

  /** A string as {@link YamlWriter#string} writes it. */
  private String string(String s) {
    return written.computeIfAbsent(s, YamlWriter::string);
  }

  private static boolean isMultiline(String s) {
    return s.indexOf('\n') >= 0;
  }

  private void line(int indent, String text) {
    out.line(indent, text);
  }
}
