package dev.lashing.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundled schema as the validators that explain an error read it: a copy of what {@link
 * dev.lashing.syntax.JsonReader} read in which every {@code enum} of strings is an anchored {@code pattern} (the
 * values are kept here, for messages). networknt's enum keyword prints its values through Jackson's ObjectMapper
 * when it compiles, and loading that mapper is about 600 classes and half of the compile time; {@link
 * SchemaExplainer} reads the same copy, so both explain one schema.
 */
final class PreparedSchema {
  private static final String REGEX_SPECIALS = "\\^$.|?*+()[]{}";

  private final Object json;
  /** The values of each rewritten enum, by the schema path of the object that held it. */
  private final Map<List<String>, List<String>> enums = new HashMap<>();

  PreparedSchema(Object schemaJson) {
    this.json = rewritten(schemaJson, new ArrayList<>());
  }

  /** The rewritten schema, in {@link dev.lashing.syntax.JsonReader}'s form. */
  Object json() {
    return json;
  }

  /** The value at a schema path (names, and indices as text), or null where there is none. */
  Object at(List<String> path) {
    Object node = json;
    for (String step : path) {
      if (node instanceof Map<?, ?> object) {
        node = object.get(step);
      } else if (node instanceof List<?> list && isIndex(step, list.size())) {
        node = list.get(Integer.parseInt(step));
      } else {
        return null;
      }
    }
    return node;
  }

  /** The names the schema object at {@code path} lists under {@code properties}, in the schema's order. */
  List<String> propertyNames(List<String> path) {
    List<String> names = new ArrayList<>();
    if (at(path) instanceof Map<?, ?> object && object.get("properties") instanceof Map<?, ?> properties) {
      properties.keySet().forEach(name -> names.add((String) name));
    }
    return names;
  }

  /** The values the enum of the schema object at {@code path} allowed, if it was rewritten; else null. */
  List<String> enumAt(List<String> path) {
    return enums.get(path);
  }

  private Object rewritten(Object node, List<String> path) {
    if (node instanceof Map<?, ?> object) {
      List<String> allowed = stringEnum(object.get("enum"));
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> member : object.entrySet()) {
        String name = (String) member.getKey();
        if (allowed == null || !name.equals("enum")) {
          path.add(name);
          copy.put(name, rewritten(member.getValue(), path));
          path.remove(path.size() - 1);
        }
      }
      if (allowed != null) {
        copy.put("pattern", "^(?:" + String.join("|", allowed.stream().map(PreparedSchema::literal).toList()) + ")$");
        copy.putIfAbsent("type", "string"); // an enum of strings rejects every other type; a pattern would not
        enums.put(List.copyOf(path), allowed);
      }
      return copy;
    }
    if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        path.add(Integer.toString(i));
        copy.add(rewritten(list.get(i), path));
        path.remove(path.size() - 1);
      }
      return copy;
    }
    return node;
  }

  /** The values of an enum of strings only (not empty), or null. */
  private static List<String> stringEnum(Object values) {
    if (!(values instanceof List<?> list) || list.isEmpty()) {
      return null;
    }
    List<String> strings = new ArrayList<>(list.size());
    for (Object value : list) {
      if (!(value instanceof String text)) {
        return null;
      }
      strings.add(text);
    }
    return List.copyOf(strings);
  }

  private static boolean isIndex(String step, int size) {
    if (step.isEmpty() || step.length() > 9) {
      return false;
    }
    for (int i = 0; i < step.length(); i++) {
      if (step.charAt(i) < '0' || step.charAt(i) > '9') {
        return false;
      }
    }
    return Integer.parseInt(step) < size;
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
