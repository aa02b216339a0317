package dev.lashing.report;

import dev.lashing.render.Json;
import java.io.IOException;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

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

  /** The tree, indented, and a line break, handed to {@code out} a piece at a time. */
  static void write(Object tree, Appendable out) throws IOException {
    Json.writeLine(tree, out);
  }

  /**
   * An array whose items are made as the printer reads them, once each (on several threads for a long one), so
   * that a report holds the trees of the findings being printed rather than a tree of every finding.
   */
  static List<Object> items(int size, IntFunction<Object> item) {
    return new AbstractList<>() {
      @Override
      public Object get(int index) {
        return item.apply(index);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** A JSON string literal, quotes included. */
  static void string(String value, StringBuilder out) {
    Json.string(value, out);
  }
}
