package dev.lashing.schema;

import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.Scalars;
import dev.lashing.tree.SeqNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Our {@link Node} trees as Jackson trees, typed the way Compose's YAML reader types scalars, and the way
 * back: a JSON location (property names and indices) leads to the same place in the {@link Node} tree,
 * because the conversion keeps every key and index.
 */
final class JsonTrees {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private JsonTrees() {}

  static JsonNode toJson(Node node) {
    if (node instanceof MapNode map) {
      ObjectNode object = JSON.objectNode();
      for (MapNode.Entry e : map.entries()) {
        object.set(e.name(), toJson(e.value()));
      }
      return object;
    }
    if (node instanceof SeqNode seq) {
      ArrayNode array = JSON.arrayNode(seq.size());
      for (Node item : seq.items()) {
        array.add(toJson(item));
      }
      return array;
    }
    ScalarNode scalar = (ScalarNode) node;
    return switch (scalar.type()) {
      case STRING -> JSON.stringNode(scalar.value());
      case BOOL -> JSON.booleanNode(Scalars.isTrue(scalar.value()));
      case NULL -> JSON.nullNode();
      case INT -> {
        Long n = Scalars.parseInt(scalar.value());
        // go-yaml reads an integer beyond an int64 as a uint64; the schema only asks "is it an integer".
        yield n != null ? JSON.numberNode(n) : JSON.numberNode(new BigInteger(scalar.text()));
      }
      case FLOAT -> {
        double d = Scalars.parseFloat(scalar.value());
        // A whole float beyond 64 bits (99999999999999999999) is an integer to the schema, whose validator reads
        // an integer-typed value against its bound as a long: as a double it throws, as a big integer it is compared.
        boolean beyondLongs = d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) >= 0x1p63;
        yield beyondLongs ? JSON.numberNode(BigDecimal.valueOf(d).toBigInteger()) : JSON.numberNode(d);
      }
    };
  }

  /**
   * The nodes from {@code root} down to {@code location}, root first. Stops early where the location no
   * longer matches the tree, so the last node is always the closest one that exists.
   */
  static List<Node> trail(Node root, List<Object> location) {
    List<Node> trail = new ArrayList<>(location.size() + 1);
    trail.add(root);
    Node node = root;
    for (Object step : location) {
      Node next = null;
      if (node instanceof MapNode map && step instanceof String key) {
        next = map.get(key);
      } else if (node instanceof SeqNode seq && step instanceof Integer index && index < seq.size()) {
        next = seq.get(index);
      }
      if (next == null) {
        break;
      }
      trail.add(next);
      node = next;
    }
    return trail;
  }
}
