package dev.lashing.render;

import dev.lashing.tree.Scalars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** A small JSON printer for maps, lists, strings, numbers, booleans and null, indented like Go's. */
public final class Json {
  /** Text held before {@link #writeLine} hands it on, at the end of an item of a list. */
  private static final int FLUSH_AT = 64 * 1024;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  public static void write(Object value, StringBuilder out, String indent) {
    write(value, out, indent, null);
  }

  /**
   * The value and a line break, handed to {@code out} a piece at a time: a report of a million findings is
   * never held as one text (with lists that make each item as it is read, nor as one tree).
   */
  public static void writeLine(Object value, Appendable out) throws IOException {
    StringBuilder text = new StringBuilder();
    try {
      write(value, text, "", out);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.append(text).append('\n');
  }

  /** With {@code sink} not null, the text so far goes to it after each list item once it has grown large. */
  private static void write(Object value, StringBuilder out, String indent, Appendable sink) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      String inner = indent + "  ";
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(inner);
        string(e.getKey().toString(), out);
        out.append(": ");
        try {
          write(e.getValue(), out, inner, sink);
        } catch (UnsupportedValue unsupported) {
          throw unsupported.under(e.getKey().toString());
        }
        out.append(++i < map.size() ? ",\n" : "\n");
      }
      out.append(indent).append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      String inner = indent + "  ";
      if (sink != null && SideBySide.worthIt(list.size())) {
        handOn(out, sink);
        try {
          SideBySide.inOrder(list.size(), (from, to) -> items(list, from, to, inner), sink::append);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        for (int i = 0; i < list.size(); i++) {
          out.append(inner);
          try {
            write(list.get(i), out, inner, sink);
          } catch (UnsupportedValue unsupported) {
            throw unsupported.under("[" + i + "]");
          }
          out.append(i + 1 < list.size() ? ",\n" : "\n");
          if (sink != null && out.length() >= FLUSH_AT) {
            handOn(out, sink);
          }
        }
      }
      out.append(indent).append(']');
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Double d) {
      // as Go's encoding/json writes a float64 (1000000, 0.5, 1e+21, 1.5e-7); it refuses NaN and the infinities
      if (!Double.isFinite(d)) {
        throw new UnsupportedValue("", d.isNaN() ? "NaN" : d > 0 ? "+Inf" : "-Inf");
      }
      out.append(Scalars.goJsonFloat(d));
    } else {
      out.append(value); // Long, BigInteger, Boolean, null
    }
  }

  /**
   * A value JSON has no form for, NaN or an infinity (a YAML {@code .nan} or {@code .inf}), refused as Go's encoder
   * refuses it, and so {@code docker compose config --format json}: writing it as it is would make a text no JSON
   * reader reads.
   */
  public static final class UnsupportedValue extends RuntimeException {
    private final String path;
    private final String value;

    UnsupportedValue(String path, String value) {
      super((path.isEmpty() ? "" : path + ": ") + value + " cannot be written in JSON (json: unsupported value: "
          + value + ")");
      this.path = path;
      this.value = value;
    }

    /** The same, at {@code step} (a key, or {@code [n]}) of the enclosing value. */
    UnsupportedValue under(String step) {
      return new UnsupportedValue(path.isEmpty() ? step : path.startsWith("[") ? step + path : step + "." + path,
          value);
    }
  }

  /** The items {@code from} to {@code to} of a list whose items are at {@code indent}, each with what follows it. */
  private static String items(List<?> list, int from, int to, String indent) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i < to; i++) {
      text.append(indent);
      write(list.get(i), text, indent, null);
      text.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    return text.toString();
  }

  private static void handOn(StringBuilder text, Appendable sink) {
    try {
      sink.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    text.setLength(0);
  }

  public static void string(String s, StringBuilder out) {
    out.append('"');
    int copied = 0; // the characters before this index are in out; those after it that need no escape are copied in runs
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
          || c >= 0xa0 && c != '\u2028' && c != '\u2029' && c != '\uFEFF' && c < '\uFFFE') {
        continue;
      }
      out.append(s, copied, i);
      copied = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        // The rest as Go's encoder escapes them (controls, <, >, &, LS, PS), and what it writes as it is that
        // Compose's YAML reader, which reads JSON too, refuses (DEL, C1 controls, U+FFFE, U+FFFF) or reads as a
        // line break (NEL), and the byte order mark: JSON readers read the same string, and Compose reads it.
        default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
            .append(HEX[c & 0xF]);
      }
    }
    out.append(s, copied, length).append('"');
  }
}
