package dev.lashing.schema;

import dev.lashing.syntax.JsonReader;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a bundled schema's JSON text into a Jackson tree for the validator. The text is read by
 * {@link JsonReader}, not Jackson's parser: setting that up (its factory, symbol tables and number handling) cost
 * more than compiling the schema, on the path every lint run waits for.
 */
final class JsonTreeReader {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private JsonTreeReader() {}

  /** The tree of one JSON value; refuses anything else, with the offset of the mistake. */
  static JsonNode read(String text) {
    try {
      return node(JsonReader.parse(text));
    } catch (JsonReader.JsonException e) {
      throw new IllegalArgumentException("invalid JSON at offset " + e.index + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode node(Object value) {
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = JSON.objectNode();
      map.forEach((name, member) -> object.set((String) name, node(member)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = JSON.arrayNode();
      list.forEach(item -> array.add(node(item)));
      return array;
    }
    if (value instanceof String string) {
      return JSON.stringNode(string);
    }
    if (value instanceof Boolean bool) {
      return JSON.booleanNode(bool);
    }
    if (value instanceof Long number) {
      return JSON.numberNode(number);
    }
    if (value instanceof BigInteger number) {
      return JSON.numberNode(number);
    }
    if (value instanceof Double number) {
      return JSON.numberNode(number);
    }
    if (value == null) {
      return JSON.nullNode();
    }
    throw new IllegalStateException("JsonReader gave a " + value.getClass().getName());
  }
}
