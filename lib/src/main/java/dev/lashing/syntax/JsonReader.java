package dev.lashing.syntax;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for one JSON value: objects, arrays, strings, numbers, booleans and null; duplicate keys,
 * trailing text and anything that is not JSON are errors, each at its offset. Objects keep their key order. Small
 * on purpose, and the one JSON reader Lashing has: {@code lashing audit} reads {@code docker ... --format json}
 * lines with it (a JSON library there would be one more dependency, with errors that have no position), and the
 * bundled schemas are read with it because setting up a JSON library's parser costs more than reading them.
 */
public final class JsonReader {
  private static final int MAX_DEPTH = 64;

  /** A syntax error at a 0-based index of the line. */
  public static final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;
    /** Where the text stops being JSON. */
    public final int index;

    JsonException(int index, String message) {
      super(message);
      this.index = index;
    }
  }

  private final String text;
  private int at;
  private int depth;

  private JsonReader(String text) {
    this.text = text;
  }

  /**
   * The value of the text: a {@code Map<String, Object>}, {@code List<Object>}, String, Boolean, null, or a number
   * as JSON libraries give it: a Long, a BigInteger beyond a long, a Double when written with a fraction or an
   * exponent.
   */
  public static Object parse(String text) throws JsonException {
    JsonReader reader = new JsonReader(text);
    reader.space();
    Object value = reader.value();
    reader.space();
    if (reader.at < text.length()) {
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
      if (closedAfterItem('}', "object")) {
        return map;
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
      if (closedAfterItem(']', "array")) {
        return list;
      }
    }
  }

  /** After an item of an object or array: false past a comma, true past its closing character. */
  private boolean closedAfterItem(char close, String container) throws JsonException {
    space();
    if (peek(',')) {
      at++;
      return false;
    }
    if (peek(close)) {
      at++;
      depth--;
      return true;
    }
    throw new JsonException(at, at >= text.length() ? "the line ends inside an " + container + " (truncated JSON?)"
        : "expected ',' or '" + close + "'");
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

  private Number number() throws JsonException {
    int start = at;
    if (peek('-')) {
      at++;
    }
    digits();
    boolean integer = true;
    if (peek('.')) {
      at++;
      digits();
      integer = false;
    }
    if (peek('e') || peek('E')) {
      at++;
      if (peek('+') || peek('-')) {
        at++;
      }
      digits();
      integer = false;
    }
    String number = text.substring(start, at);
    try {
      if (!integer) {
        return Double.valueOf(number);
      }
      try {
        return Long.valueOf(number);
      } catch (NumberFormatException beyondLong) {
        return new BigInteger(number);
      }
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
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return;
      }
      at++;
    }
  }
}
