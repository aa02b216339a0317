package dev.lashing.schema;

import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a document the {@link SchemaCheck} refused, finding what networknt's validator finds for
 * the keywords Compose's schema uses (types, properties, required keys, items, patterns, bounds, references and
 * one conditional), straight on our {@link Node} tree. Loading that validator, Jackson and their formats costs a
 * short lint run more than the rest of it: a file with one misspelt key took two and a half times as long as the
 * same file spelt right. A schema with any other keyword, and a document with a value only that validator can
 * judge exactly (the {@link SchemaCheck.Verdict#UNSURE} cases: a whole number written as a float, a bound beyond
 * a double's exact range, items that may be equal), are still explained by networknt's.
 *
 * <p>Every keyword of a schema object is applied, as networknt applies them: a value of the wrong type may still
 * have wrong properties. Where a finding points into the schema is the keyword's place in the schema document
 * (after {@code $ref}), as networknt's schema location gives it.
 */
final class SchemaExplainer {
  private static final Set<String> KNOWN = Set.of("type", "$ref", "properties", "patternProperties",
      "additionalProperties", "items", "required", "uniqueItems", "pattern", "minimum", "maximum", "if", "then",
      "else", "$schema", "$id", "$comment", "title", "description", "deprecated", "default", "examples",
      "definitions");

  /** A value this explainer cannot judge as networknt does: the document goes to networknt's validator. */
  private static final class Unsure extends Exception {
    private static final long serialVersionUID = 1L;

    Unsure() {
      super(null, null, false, false); // thrown for control, never shown: no stack trace to fill
    }
  }

  private final PreparedSchema schema;
  /** Every pattern of the schema (the {@code pattern} values and {@code patternProperties} names), read once. */
  private final Map<String, Pattern> patterns;

  private SchemaExplainer(PreparedSchema schema, Map<String, Pattern> patterns) {
    this.schema = schema;
    this.patterns = patterns;
  }

  /** The explainer of {@code schema}, or null when it uses a keyword or a form this explainer does not know. */
  static SchemaExplainer of(PreparedSchema schema) {
    Map<String, Pattern> patterns = new HashMap<>();
    List<String> references = new ArrayList<>();
    try {
      supported(schema.json(), patterns, references);
      for (String reference : references) {
        if (!(schema.at(pointer(reference)) instanceof Map<?, ?>)) {
          throw new SchemaCheck.Unsupported("a reference to something other than a schema object: " + reference);
        }
      }
    } catch (SchemaCheck.Unsupported e) {
      return null;
    }
    return new SchemaExplainer(schema, patterns);
  }

  /** What networknt's validator finds wrong with {@code root}, or null when only that validator can say. */
  List<Finding> explain(Node root) {
    List<Finding> found = new ArrayList<>();
    try {
      apply(schema.json(), List.of(), root, new ArrayList<>(), found);
    } catch (Unsure e) {
      return null;
    }
    return found;
  }

  // ---- what the schema may hold

  private static void supported(Object schema, Map<String, Pattern> patterns, List<String> references)
      throws SchemaCheck.Unsupported {
    if (!(schema instanceof Map<?, ?> object)) {
      throw new SchemaCheck.Unsupported("a schema that is not an object");
    }
    for (Map.Entry<?, ?> keyword : object.entrySet()) {
      String name = (String) keyword.getKey();
      Object value = keyword.getValue();
      if (!KNOWN.contains(name)) {
        throw new SchemaCheck.Unsupported("keyword '" + name + "'");
      }
      switch (name) {
        case "type" -> {
          for (Object type : value instanceof List<?> list ? list : List.of(value)) {
            if (!(type instanceof String)) {
              throw new SchemaCheck.Unsupported("type " + type);
            }
            SchemaCheck.kinds((String) type);
          }
        }
        case "$ref" -> {
          if (!(value instanceof String pointer) || !pointer.startsWith("#")) {
            throw new SchemaCheck.Unsupported("reference " + value);
          }
          references.add(pointer);
        }
        case "properties", "patternProperties", "definitions" -> {
          for (Map.Entry<?, ?> member : members(value).entrySet()) {
            if (name.equals("patternProperties")) {
              compile((String) member.getKey(), patterns);
            }
            supported(member.getValue(), patterns, references);
          }
        }
        case "additionalProperties" -> {
          if (!(value instanceof Boolean)) {
            supported(value, patterns, references);
          }
        }
        case "items", "if", "then", "else" -> supported(value, patterns, references);
        case "required" -> {
          if (!(value instanceof List<?> names) || !names.stream().allMatch(String.class::isInstance)) {
            throw new SchemaCheck.Unsupported("required " + value);
          }
        }
        case "uniqueItems" -> {
          if (!(value instanceof Boolean)) {
            throw new SchemaCheck.Unsupported("uniqueItems " + value);
          }
        }
        case "pattern" -> compile(String.valueOf(value), patterns);
        case "minimum", "maximum" -> {
          if (!(value instanceof Long)) {
            throw new SchemaCheck.Unsupported("a bound that is not an integer of 64 bits: " + value);
          }
        }
        default -> { } // annotations
      }
    }
  }

  private static Map<?, ?> members(Object value) throws SchemaCheck.Unsupported {
    if (!(value instanceof Map<?, ?> object)) {
      throw new SchemaCheck.Unsupported("a keyword that should hold an object: " + value);
    }
    return object;
  }

  private static void compile(String pattern, Map<String, Pattern> patterns) throws SchemaCheck.Unsupported {
    if (!patterns.containsKey(pattern)) {
      patterns.put(pattern, SchemaCheck.regex(pattern));
    }
  }

  // ---- applying it

  private void apply(Object schemaValue, List<String> schemaPath, Node value, List<Object> at, List<Finding> found)
      throws Unsure {
    Map<?, ?> object = (Map<?, ?>) schemaValue;
    boolean propertiesDone = false;
    for (Map.Entry<?, ?> keyword : object.entrySet()) {
      String name = (String) keyword.getKey();
      Object keywordValue = keyword.getValue();
      switch (name) {
        case "type" -> {
          if (!hasType(value, keywordValue)) {
            found.add(finding(name, at, null, keywordValue, schemaPath));
          }
        }
        case "$ref" -> {
          List<String> target = pointer((String) keywordValue);
          apply(schema.at(target), target, value, at, found);
        }
        case "properties", "patternProperties", "additionalProperties" -> {
          if (!propertiesDone) {
            propertiesDone = true;
            properties(object, schemaPath, value, at, found);
          }
        }
        case "items" -> {
          if (value instanceof SeqNode seq) {
            List<String> itemsPath = child(schemaPath, name);
            for (int i = 0; i < seq.size(); i++) {
              at.add(i);
              apply(keywordValue, itemsPath, seq.get(i), at, found);
              at.remove(at.size() - 1);
            }
          }
        }
        case "required" -> {
          if (value instanceof MapNode map) {
            for (Object required : (List<?>) keywordValue) {
              if (map.entry((String) required) == null) {
                found.add(finding(name, at, (String) required, keywordValue, schemaPath));
              }
            }
          }
        }
        case "uniqueItems" -> {
          if (Boolean.TRUE.equals(keywordValue) && SchemaCheck.uniqueItems(value) != SchemaCheck.Verdict.YES) {
            throw new Unsure(); // which items are equal, and whether, is the validator's to say
          }
        }
        case "pattern" -> {
          if (value instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING
              && !patterns.get((String) keywordValue).matcher(s.value()).find()) {
            found.add(finding(name, at, null, keywordValue, schemaPath));
          }
        }
        case "minimum", "maximum" -> {
          if (outOfBounds(value, (Long) keywordValue, name.equals("minimum") ? 1 : -1)) {
            found.add(finding(name, at, null, keywordValue, schemaPath));
          }
        }
        case "if" -> conditional(object, schemaPath, value, at, found);
        default -> { } // then and else (with if), annotations
      }
    }
  }

  private void properties(Map<?, ?> object, List<String> schemaPath, Node value, List<Object> at,
      List<Finding> found) throws Unsure {
    if (!(value instanceof MapNode map)) {
      return;
    }
    Map<?, ?> named = object.get("properties") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> patterned = object.get("patternProperties") instanceof Map<?, ?> m ? m : Map.of();
    Object additional = object.get("additionalProperties");
    Set<String> seen = new HashSet<>();
    for (MapNode.Entry entry : map.entries()) {
      String key = entry.name();
      if (!seen.add(key)) {
        throw new Unsure(); // a key written twice is one member to a JSON validator
      }
      at.add(key);
      boolean matched = false;
      Object property = named.get(key);
      if (property != null) {
        matched = true;
        apply(property, child(schemaPath, "properties", key), entry.value(), at, found);
      }
      for (Map.Entry<?, ?> pattern : patterned.entrySet()) {
        String regex = (String) pattern.getKey();
        if (patterns.get(regex).matcher(key).find()) {
          matched = true;
          apply(pattern.getValue(), child(schemaPath, "patternProperties", regex), entry.value(), at, found);
        }
      }
      at.remove(at.size() - 1);
      if (!matched && Boolean.FALSE.equals(additional)) {
        found.add(finding("additionalProperties", at, key, false, schemaPath));
      } else if (!matched && additional instanceof Map<?, ?>) {
        at.add(key);
        apply(additional, child(schemaPath, "additionalProperties"), entry.value(), at, found);
        at.remove(at.size() - 1);
      }
    }
  }

  /** {@code then} applies where the value satisfies {@code if}, {@code else} where it does not. */
  private void conditional(Map<?, ?> object, List<String> schemaPath, Node value, List<Object> at,
      List<Finding> found) throws Unsure {
    List<Finding> condition = new ArrayList<>();
    apply(object.get("if"), child(schemaPath, "if"), value, at, condition);
    String branch = condition.isEmpty() ? "then" : "else";
    Object applied = object.get(branch);
    if (applied != null) {
      apply(applied, child(schemaPath, branch), value, at, found);
    }
  }

  private static boolean hasType(Node value, Object type) throws Unsure {
    Set<SchemaCheck.Kind> allowed = EnumSet.noneOf(SchemaCheck.Kind.class);
    for (Object name : type instanceof List<?> list ? list : List.of(type)) {
      try {
        allowed.addAll(SchemaCheck.kinds((String) name));
      } catch (SchemaCheck.Unsupported e) {
        throw new IllegalStateException(e); // checked when the explainer was made
      }
    }
    return switch (SchemaCheck.typeVerdict(allowed, value)) {
      case YES -> true;
      case NO -> false;
      case UNSURE -> throw new Unsure();
    };
  }

  /** Whether a number is below a minimum ({@code sign} 1) or above a maximum (-1). */
  private static boolean outOfBounds(Node value, long bound, int sign) throws Unsure {
    if (!(value instanceof ScalarNode s)
        || (s.type() != ScalarNode.Type.INT && s.type() != ScalarNode.Type.FLOAT)) {
      return false;
    }
    Double number = SchemaCheck.number(s);
    if (number == null || !SchemaCheck.exact(number) || !SchemaCheck.exact(bound)) {
      throw new Unsure();
    }
    return Double.compare(number, (double) bound) * sign < 0;
  }

  private static Finding finding(String keyword, List<Object> at, String property, Object keywordValue,
      List<String> schemaPath) {
    return new Finding(keyword, at, property, keywordValue, child(schemaPath, keyword), List.of(), null);
  }

  /** The names of a pointer into this schema ({@code #/definitions/service}). */
  private static List<String> pointer(String pointer) {
    List<String> names = new ArrayList<>();
    for (String step : pointer.substring(1).split("/")) {
      if (!step.isEmpty()) {
        names.add(step.replace("~1", "/").replace("~0", "~"));
      }
    }
    return names;
  }

  private static List<String> child(List<String> path, String... steps) {
    List<String> child = new ArrayList<>(path.size() + steps.length);
    child.addAll(path);
    child.addAll(List.of(steps));
    return child;
  }
}
