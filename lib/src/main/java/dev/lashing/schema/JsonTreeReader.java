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
 * A bundled schema as a Jackson tree for networknt's validator, made from what {@link JsonReader} read (the same
 * value {@link SchemaCheck} is compiled from), not by Jackson's parser: setting that up (its factory, symbol tables
 * and number handling) cost more than compiling the schema.
 */
final class JsonTreeReader {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private JsonTreeReader() {}

  /** The tree of a value {@link JsonReader} gave. */
  static JsonNode tree(Object value) {
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = JSON.objectNode();
      map.forEach((name, member) -> object.set((String) name, tree(member)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = JSON.arrayNode();
      list.forEach(item -> array.add(tree(item)));
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
