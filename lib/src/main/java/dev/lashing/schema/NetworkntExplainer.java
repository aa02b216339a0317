package dev.lashing.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.lashing.tree.MapNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * networknt's validator (draft 7) over a {@link PreparedSchema}: it explains what {@link SchemaExplainer} cannot,
 * every keyword of JSON schema included. Its findings carry the keyword's value in {@link
 * dev.lashing.syntax.JsonReader}'s form, as {@link SchemaExplainer}'s do.
 */
final class NetworkntExplainer {
  private final Schema schema;
  /** Keywords whose messages {@link SchemaValidator} phrases itself: the validator's own are not asked for. */
  private final Set<String> phrased;

  NetworkntExplainer(PreparedSchema prepared, Set<String> phrased) {
    this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(JsonTreeReader.tree(prepared.json()));
    this.schema.initializeValidators();
    this.phrased = phrased;
  }

  /** Everything the validator finds wrong with {@code root}. */
  List<Finding> explain(MapNode root) {
    List<Error> errors = schema.validate(JsonTrees.toJson(root));
    List<Finding> findings = new ArrayList<>(errors.size());
    for (Error e : errors) {
      findings.add(finding(e));
    }
    return findings;
  }

  private Finding finding(Error e) {
    // The validator's own message is formatted through resource bundles: only asked for when needed.
    String message = phrased.contains(e.getKeyword()) ? null : e.getMessage();
    return new Finding(
        e.getKeyword(),
        steps(e.getInstanceLocation()),
        e.getProperty(),
        plain(e.getSchemaNode()),
        names(e.getSchemaLocation().getFragment()),
        names(e.getEvaluationPath()),
        message);
  }

  /** A Jackson value in {@link dev.lashing.syntax.JsonReader}'s form (the inverse of {@link JsonTreeReader}). */
  static Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (String name : node.propertyNames()) {
        object.put(name, plain(node.get(name)));
      }
      return object;
    }
    if (node.isArray()) {
      List<Object> array = new ArrayList<>(node.size());
      node.forEach(item -> array.add(plain(item)));
      return array;
    }
    if (node.isString()) {
      return node.asString();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.asLong() : node.bigIntegerValue();
    }
    return node.asDouble();
  }

  private static List<Object> steps(NodePath path) {
    List<Object> steps = new ArrayList<>(path.getNameCount());
    for (int i = 0; i < path.getNameCount(); i++) {
      steps.add(path.getElement(i));
    }
    return steps;
  }

  private static List<String> names(NodePath path) {
    List<String> names = new ArrayList<>(path.getNameCount());
    for (int i = 0; i < path.getNameCount(); i++) {
      names.add(String.valueOf(path.getElement(i)));
    }
    return names;
  }
}
