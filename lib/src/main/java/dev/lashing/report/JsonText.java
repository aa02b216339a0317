package dev.lashing.report;

import dev.lashing.render.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON for this package through the project's one JSON printer: trees of maps and lists in key order, and
 * single strings for files written piece by piece (the baseline).
 */
final class JsonText {
  private JsonText() {}

  /** An object from alternating keys and values, in that order; null values print as null. */
  static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  /** The tree, indented, and a line break. */
  static void write(Object tree, Appendable out) throws IOException {
    StringBuilder text = new StringBuilder();
    Json.write(tree, text, "");
    out.append(text).append('\n');
  }

  /** A JSON string literal, quotes included. */
  static void string(String value, StringBuilder out) {
    Json.string(value, out);
  }
}
