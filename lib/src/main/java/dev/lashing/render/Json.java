package dev.lashing.render;

import java.util.List;
import java.util.Map;

/** A small JSON printer for maps, lists, strings, numbers, booleans and null, indented like Go's. */
public final class Json {
  private Json() {}

  public static void write(Object value, StringBuilder out, String indent) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(indent).append("  ");
        string(e.getKey().toString(), out);
        out.append(": ");
        write(e.getValue(), out, indent + "  ");
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        out.append(indent).append("  ");
        write(list.get(i), out, indent + "  ");
        out.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      out.append(indent).append(']');
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Double d) {
      out.append(d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString(d.longValue()) : d.toString());
    } else {
      out.append(value); // Long, Boolean, null
    }
  }

  public static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            out.append(String.format("\\u%04x", (int) c)); // as Go's encoder escapes them
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
