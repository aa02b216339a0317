package dev.lashing.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema as a Jackson tree, made ready to compile without Jackson's ObjectMapper: it is read by
 * {@link JsonTreeReader}, and every {@code enum} of strings becomes an anchored {@code pattern} (the values
 * are kept here for messages). networknt's enum keyword prints its values through the ObjectMapper when it
 * compiles, and loading that mapper is about 600 classes and half of the compile time, paid on every
 * commit the pre-commit hook checks.
 */
final class SchemaDocument {
  private static final String REGEX_SPECIALS = "\\^$.|?*+()[]{}";

  private final JsonNode json;
  /** The values of each rewritten enum, by the schema path of the object that held it. */
  private final Map<List<String>, List<String>> enums = new HashMap<>();

  private SchemaDocument(JsonNode json) {
    this.json = json;
    rewriteEnums(json, new ArrayList<>());
  }

  /** The document of a schema {@link dev.lashing.syntax.JsonReader} read. */
  static SchemaDocument of(Object schemaJson) {
    return new SchemaDocument(JsonTreeReader.tree(schemaJson));
  }

  JsonNode json() {
    return json;
  }

  /** The node at a schema path (names, and indices as text), or a missing node. */
  JsonNode at(List<String> path) {
    JsonNode node = json;
    for (String step : path) {
      node = node.isArray() ? node.path(Integer.parseInt(step)) : node.path(step);
    }
    return node;
  }

  /** The values the enum of the schema object at {@code path} allowed, if it was rewritten; else null. */
  List<String> enumAt(List<String> path) {
    return enums.get(path);
  }

  private void rewriteEnums(JsonNode node, List<String> path) {
    if (node instanceof ObjectNode object) {
      JsonNode values = object.get("enum");
      if (values != null && values.isArray() && !values.isEmpty() && allStrings(values)) {
        List<String> allowed = new ArrayList<>();
        values.forEach(v -> allowed.add(v.asString()));
        object.remove("enum");
        object.put("pattern", "^(?:" + String.join("|", allowed.stream().map(SchemaDocument::literal).toList())
            + ")$");
        if (!object.has("type")) {
          object.put("type", "string"); // an enum of strings rejects every other type; a pattern would not
        }
        enums.put(List.copyOf(path), List.copyOf(allowed));
      }
      for (String name : new ArrayList<>(object.propertyNames())) {
        path.add(name);
        rewriteEnums(object.get(name), path);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        path.add(Integer.toString(i));
        rewriteEnums(array.get(i), path);
        path.remove(path.size() - 1);
      }
    }
  }

  private static boolean allStrings(JsonNode values) {
    for (JsonNode v : values) {
      if (!v.isString()) {
        return false;
      }
    }
    return true;
  }

  private static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() + 4);
    for (char c : text.toCharArray()) {
      if (REGEX_SPECIALS.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
