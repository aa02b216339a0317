package dev.lashing.schema;

import java.math.BigInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a bundled schema's JSON text straight into a Jackson tree. Jackson's own parser is not used: setting it up
 * (its factory, symbol tables and number handling) cost more than compiling the schema, on the path every lint run
 * waits for. The schemas are ours and small, so a plain recursive descent over RFC 8259 is all it takes.
 */
final class JsonTreeReader {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String text;
  private int at;

  private JsonTreeReader(String text) {
    this.text = text;
  }

  /** The tree of one JSON value; refuses anything else, with the offset of the mistake. */
  static JsonNode read(String text) {
    JsonTreeReader reader = new JsonTreeReader(text);
    JsonNode value = reader.value();
    reader.skipSpace();
    if (reader.at < text.length()) {
      throw reader.error("text after the JSON value");
    }
    return value;
  }

  private JsonNode value() {
    skipSpace();
    if (at >= text.length()) {
      throw error("end of text where a value belongs");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> JSON.stringNode(string());
      case 't' -> literal("true", JSON.booleanNode(true));
      case 'f' -> literal("false", JSON.booleanNode(false));
      case 'n' -> literal("null", JSON.nullNode());
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected '" + c + "'");
      }
    };
  }

  private ObjectNode object() {
    ObjectNode object = JSON.objectNode();
    at++;
    skipSpace();
    if (peek() == '}') {
      at++;
      return object;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("a property name must be a string");
      }
      String name = string();
      skipSpace();
      expect(':');
      object.set(name, value());
      skipSpace();
      if (peek() == ',') {
        at++;
      } else {
        expect('}');
        return object;
      }
    }
  }

  private ArrayNode array() {
    ArrayNode array = JSON.arrayNode();
    at++;
    skipSpace();
    if (peek() == ']') {
      at++;
      return array;
    }
    while (true) {
      array.add(value());
      skipSpace();
      if (peek() == ',') {
        at++;
      } else {
        expect(']');
        return array;
      }
    }
  }

  private String string() {
    at++; // the opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        throw error("unterminated string");
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("short \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text, at, at + 4, 16));
          } catch (NumberFormatException e) {
            throw error("bad \\u escape");
          }
          at += 4;
        }
        default -> throw error("bad escape '\\" + escaped + "'");
      }
    }
  }

  /** Integers as Jackson's parser gives them (a long, or a BigInteger beyond it); other numbers as doubles. */
  private JsonNode number() {
    int start = at;
    if (peek() == '-') {
      at++;
    }
    boolean integer = true;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '.' || c == 'e' || c == 'E' || c == '+' || (c == '-' && at > start)) {
        integer = false;
      } else if (c < '0' || c > '9') {
        break;
      }
      at++;
    }
    String number = text.substring(start, at);
    try {
      if (!integer) {
        return JSON.numberNode(Double.parseDouble(number));
      }
      try {
        return JSON.numberNode(Long.parseLong(number));
      } catch (NumberFormatException beyondLong) {
        return JSON.numberNode(new BigInteger(number));
      }
    } catch (NumberFormatException e) {
      throw error("bad number '" + number + "'");
    }
  }

  private JsonNode literal(String word, JsonNode node) {
    if (!text.startsWith(word, at)) {
      throw error("unexpected '" + text.charAt(at) + "'");
    }
    at += word.length();
    return node;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  /** The next character, or 0 at the end of the text. */
  private char peek() {
    return at < text.length() ? text.charAt(at) : 0;
  }

  private void skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("invalid JSON at offset " + at + ": " + problem);
  }
}
