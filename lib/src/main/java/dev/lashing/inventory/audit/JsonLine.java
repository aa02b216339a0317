package dev.lashing.inventory.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for one JSON value on one line, as {@code docker ... --format json} prints them: objects,
 * arrays, strings, numbers, booleans and null; duplicate keys, trailing text and anything that is not JSON are
 * errors, each at its column. Objects keep their key order. Small on purpose: it keeps {@code lashing audit}
 * free of a JSON library and gives every error a position.
 */
final class JsonLine {
  private static final int MAX_DEPTH = 64;

  /** A syntax error at a 0-based index of the line. */
  static final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;
    final int index;

    JsonException(int index, String message) {
      super(message);
      this.index = index;
    }
  }

  private final String text;
  private int at;
  private int depth;

  private JsonLine(String text) {
    this.text = text;
  }

  /** The value on the line: a {@code Map<String, Object>}, {@code List<Object>}, String, Double, Boolean or null. */
  static Object parse(String line) throws JsonException {
    JsonLine reader = new JsonLine(line);
    reader.space();
    Object value = reader.value();
    reader.space();
    if (reader.at < line.length()) {
      throw new JsonException(reader.at, "unexpected text after the JSON value");
    }
    return value;
  }

  private Object value() throws JsonException {
    if (at >= text.length()) {
      throw new JsonException(at, "the line ends where a value should be (truncated JSON?)");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || c >= '0' && c <= '9') {
          yield number();
        }
        throw new JsonException(at, "unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> object() throws JsonException {
    nest();
    at++;
    Map<String, Object> map = new LinkedHashMap<>();
    space();
    if (peek('}')) {
      at++;
      depth--;
      return map;
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw new JsonException(at, at >= text.length() ? "the line ends inside an object (truncated JSON?)"
            : "expected a \"key\"");
      }
      int keyAt = at;
      String key = string();
      space();
      expect(':');
      space();
      Object value = value();
      if (map.containsKey(key)) {
        throw new JsonException(keyAt, "duplicate key \"" + key + "\"");
      }
      map.put(key, value);
      space();
      if (peek(',')) {
        at++;
      } else if (peek('}')) {
        at++;
        depth--;
        return map;
      } else {
        throw new JsonException(at, at >= text.length() ? "the line ends inside an object (truncated JSON?)"
            : "expected ',' or '}'");
      }
    }
  }

  private List<Object> array() throws JsonException {
    nest();
    at++;
    List<Object> list = new ArrayList<>();
    space();
    if (peek(']')) {
      at++;
      depth--;
      return list;
    }
    while (true) {
      space();
      list.add(value());
      space();
      if (peek(',')) {
        at++;
      } else if (peek(']')) {
        at++;
        depth--;
        return list;
      } else {
        throw new JsonException(at, at >= text.length() ? "the line ends inside an array (truncated JSON?)"
            : "expected ',' or ']'");
      }
    }
  }

  private String string() throws JsonException {
    at++;
    StringBuilder s = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw new JsonException(at, "the line ends inside a string (truncated JSON?)");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return s.toString();
      }
      if (c < 0x20) {
        throw new JsonException(at - 1, "control character in a string");
      }
      if (c != '\\') {
        s.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw new JsonException(at, "the line ends inside a string (truncated JSON?)");
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"', '\\', '/' -> s.append(e);
        case 'b' -> s.append('\b');
        case 'f' -> s.append('\f');
        case 'n' -> s.append('\n');
        case 'r' -> s.append('\r');
        case 't' -> s.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw new JsonException(at, "incomplete \\u escape");
          }
          try {
            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException ex) {
            throw new JsonException(at, "invalid \\u escape");
          }
          at += 4;
        }
        default -> throw new JsonException(at - 1, "invalid escape \\" + e);
      }
    }
  }

  private Double number() throws JsonException {
    int start = at;
    if (peek('-')) {
      at++;
    }
    digits();
    if (peek('.')) {
      at++;
      digits();
    }
    if (peek('e') || peek('E')) {
      at++;
      if (peek('+') || peek('-')) {
        at++;
      }
      digits();
    }
    try {
      return Double.valueOf(text.substring(start, at));
    } catch (NumberFormatException e) {
      throw new JsonException(start, "invalid number");
    }
  }

  private void digits() throws JsonException {
    int start = at;
    while (at < text.length() && Character.isDigit(text.charAt(at))) {
      at++;
    }
    if (at == start) {
      throw new JsonException(at, "expected a digit");
    }
  }

  private Object literal(String word, Object value) throws JsonException {
    if (!text.startsWith(word, at)) {
      throw new JsonException(at, "unexpected text (not JSON)");
    }
    at += word.length();
    return value;
  }

  private void nest() throws JsonException {
    if (++depth > MAX_DEPTH) {
      throw new JsonException(at, "nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private void expect(char c) throws JsonException {
    if (!peek(c)) {
      throw new JsonException(at, at >= text.length() ? "the line ends early (truncated JSON?)"
          : "expected '" + c + "'");
    }
    at++;
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void space() {
    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == '\r')) {
      at++;
    }
  }
}
