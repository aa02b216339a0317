package dev.lashing.schema;

import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.Scalars;
import dev.lashing.tree.SeqNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Decides whether a document satisfies a bundled JSON schema (draft 7), without saying why, straight on our
 * {@link Node} tree: most documents do, and for them the validator that explains (networknt's, on a Jackson copy
 * of the tree) need not run nor even load. Loading it costs a one-service lint run a third of its time (Jackson,
 * BigDecimal's static set-up, the validator's keywords and formats), and converting a large file to Jackson nodes
 * costs as much as validating it.
 *
 * <p>The answer must never be "valid" where the explaining validator finds an error, so each test gives one of
 * three verdicts: a value the check cannot judge exactly as that validator does (a whole number written as a
 * float where an integer is asked for, an integer beyond 64 bits compared with a bound) is {@link Verdict#UNSURE},
 * and only {@link Verdict#YES} spares the explanation. The same reading of scalars as {@link JsonTrees} gives:
 * a YAML integer is a JSON integer, a float a number, and so on.
 */
final class SchemaCheck {
  /** Keywords that describe and never constrain. */
  private static final Set<String> ANNOTATIONS = Set.of(
      "$schema", "$id", "$comment", "title", "description", "deprecated", "default", "examples", "definitions");

  /** The outcome of a test: certainly valid, certainly invalid, or not knowable here. */
  enum Verdict {
    YES, NO, UNSURE;

    static Verdict of(boolean valid) {
      return valid ? YES : NO;
    }
  }

  /** A schema keyword that the check does not know: the document it belongs to is left to the full validator. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message);
    }
  }

  /** One compiled keyword. */
  @FunctionalInterface
  private interface Test {
    Verdict judge(Node value);
  }

  /**
   * A compiled schema object: every keyword's test must pass. The tests judge every value of a document, so their
   * loops count instead of making an iterator per call (C1, which runs them, does not remove it).
   */
  private static final class Subschema implements Test {
    private final List<Test> tests = new ArrayList<>();

    @Override
    public Verdict judge(Node value) {
      for (int i = 0; i < tests.size(); i++) {
        Verdict verdict = tests.get(i).judge(value);
        if (verdict != Verdict.YES) {
          return verdict; // NO, or UNSURE, which is never wrong where the exact answer is NO
        }
      }
      return Verdict.YES;
    }
  }

  private final Map<String, Object> document;
  /** Schemas reached through {@code $ref}, by pointer, compiled once each (recursive ones included). */
  private final Map<String, Subschema> referenced = new HashMap<>();
  private final Test root;

  private SchemaCheck(Map<String, Object> document) throws Unsupported {
    this.document = document;
    this.root = subschema(document);
  }

  /** The check of a schema read by {@link dev.lashing.syntax.JsonReader}; refuses keywords it does not know. */
  @SuppressWarnings("unchecked")
  static SchemaCheck compile(Object schema) throws Unsupported {
    if (!(schema instanceof Map<?, ?> object)) {
      throw new Unsupported("the schema is not an object");
    }
    return new SchemaCheck((Map<String, Object>) object);
  }

  /** Whether the full validator would certainly find nothing wrong with {@code document}. */
  boolean accepts(Node document) {
    return root.judge(document) == Verdict.YES;
  }

  private Test subschema(Object schema) throws Unsupported {
    if (schema instanceof Boolean allowed) {
      return value -> Verdict.of(allowed);
    }
    if (!(schema instanceof Map<?, ?> object)) {
      throw new Unsupported("a schema that is neither an object nor a boolean");
    }
    Subschema compiled = new Subschema();
    fill(compiled, object);
    return compiled;
  }

  private void fill(Subschema into, Map<?, ?> object) throws Unsupported {
    List<Test> tests = into.tests;
    Object ifSchema = object.get("if");
    if (ifSchema != null) {
      tests.add(conditional(subschema(ifSchema), optional(object.get("then")), optional(object.get("else"))));
    }
    for (Map.Entry<?, ?> keyword : object.entrySet()) {
      String name = (String) keyword.getKey();
      Object value = keyword.getValue();
      switch (name) {
        case "type" -> tests.add(types(value));
        case "enum" -> tests.add(oneOfValues(list(value)));
        case "const" -> tests.add(oneOfValues(List.of(value == null ? JsonNull.NULL : value)));
        case "$ref" -> tests.add(reference((String) value));
        case "properties", "patternProperties", "additionalProperties" -> { } // together, below
        case "required" -> tests.add(required(list(value)));
        case "propertyNames" -> tests.add(propertyNames(subschema(value)));
        case "minProperties" -> tests.add(minProperties(bound(value)));
        case "items" -> tests.add(items(subschema(value)));
        case "minItems" -> tests.add(minItems(bound(value)));
        case "uniqueItems" -> {
          if (Boolean.TRUE.equals(value)) {
            tests.add(SchemaCheck::uniqueItems);
          }
        }
        case "pattern" -> tests.add(pattern(SchemaPattern.of((String) value)));
        case "minLength" -> tests.add(minLength(bound(value)));
        case "minimum" -> tests.add(compare(value, 1, true));
        case "maximum" -> tests.add(compare(value, -1, true));
        case "exclusiveMinimum" -> tests.add(compare(value, 1, false));
        case "exclusiveMaximum" -> tests.add(compare(value, -1, false));
        case "allOf" -> tests.add(allOf(compileAll(value)));
        case "anyOf" -> tests.add(anyOf(compileAll(value)));
        case "oneOf" -> tests.add(oneOf(compileAll(value)));
        case "not" -> tests.add(not(subschema(value)));
        case "if", "then", "else" -> { } // the conditional, above
        default -> {
          if (!ANNOTATIONS.contains(name)) {
            throw new Unsupported("keyword '" + name + "'");
          }
        }
      }
    }
    if (object.containsKey("properties") || object.containsKey("patternProperties")
        || object.containsKey("additionalProperties")) {
      tests.add(properties(object));
    }
  }

  private Test optional(Object schema) throws Unsupported {
    return schema == null ? value -> Verdict.YES : subschema(schema);
  }

  private List<Test> compileAll(Object schemas) throws Unsupported {
    List<Test> compiled = new ArrayList<>();
    for (Object schema : list(schemas)) {
      compiled.add(subschema(schema));
    }
    return compiled;
  }

  private Test reference(String pointer) throws Unsupported {
    Subschema known = referenced.get(pointer);
    if (known != null) {
      return known;
    }
    if (!pointer.startsWith("#")) {
      throw new Unsupported("a reference outside the schema: " + pointer);
    }
    Subschema target = new Subschema();
    referenced.put(pointer, target); // before filling it: a schema may refer to itself
    Object schema = resolve(pointer);
    if (schema instanceof Map<?, ?> object) {
      fill(target, object);
    } else {
      target.tests.add(subschema(schema));
    }
    return target;
  }

  private Object resolve(String pointer) throws Unsupported {
    Object at = document;
    for (String step : pointer.substring(1).split("/")) {
      if (step.isEmpty()) {
        continue;
      }
      String name = step.replace("~1", "/").replace("~0", "~");
      if (!(at instanceof Map<?, ?> object) || !object.containsKey(name)) {
        throw new Unsupported("a reference to nothing: " + pointer);
      }
      at = object.get(name);
    }
    return at;
  }

  // ---- the JSON type of a node, as JsonTrees converts it

  enum Kind { OBJECT, ARRAY, STRING, BOOLEAN, NULL, INTEGER, NUMBER }

  static Kind kind(Node node) {
    if (node instanceof MapNode) {
      return Kind.OBJECT;
    }
    if (node instanceof SeqNode) {
      return Kind.ARRAY;
    }
    return switch (((ScalarNode) node).type()) {
      case STRING -> Kind.STRING;
      case BOOL -> Kind.BOOLEAN;
      case NULL -> Kind.NULL;
      case INT -> Kind.INTEGER;
      case FLOAT -> Kind.NUMBER;
    };
  }

  private static Test types(Object type) throws Unsupported {
    Set<Kind> allowed = EnumSet.noneOf(Kind.class);
    for (Object name : type instanceof String single ? List.<Object>of(single) : list(type)) {
      allowed.addAll(kinds(String.valueOf(name)));
    }
    return value -> typeVerdict(allowed, value);
  }

  /** The kinds of node a JSON type name admits. */
  static Set<Kind> kinds(String type) throws Unsupported {
    return switch (type) {
      case "object" -> EnumSet.of(Kind.OBJECT);
      case "array" -> EnumSet.of(Kind.ARRAY);
      case "string" -> EnumSet.of(Kind.STRING);
      case "boolean" -> EnumSet.of(Kind.BOOLEAN);
      case "null" -> EnumSet.of(Kind.NULL);
      case "integer" -> EnumSet.of(Kind.INTEGER);
      case "number" -> EnumSet.of(Kind.NUMBER, Kind.INTEGER); // an integer is a number too
      default -> throw new Unsupported("type '" + type + "'");
    };
  }

  /** Whether {@code value} has one of the {@code allowed} kinds. */
  static Verdict typeVerdict(Set<Kind> allowed, Node value) {
    Kind kind = kind(value);
    if (kind != Kind.NUMBER) {
      return Verdict.of(allowed.contains(kind));
    }
    Double number = number((ScalarNode) value);
    if (number == null) {
      return Verdict.UNSURE; // infinite, not a number, or unreadable: a type of its own to some validators
    }
    if (allowed.contains(Kind.NUMBER)) {
      return Verdict.YES;
    }
    // a whole number written as a float: whether it counts as an integer is the validator's setting
    return allowed.contains(Kind.INTEGER) && number == Math.rint(number) ? Verdict.UNSURE : Verdict.NO;
  }

  // ---- objects

  /** A pattern property: which keys its pattern finds ({@link SchemaPattern}), and the schema of their values. */
  private record PatternSchema(Predicate<String> finds, Test schema) {
    static PatternSchema of(String pattern, Test schema) throws Unsupported {
      return new PatternSchema(SchemaPattern.of(pattern), schema);
    }
  }

  private Test properties(Map<?, ?> object) throws Unsupported {
    Map<String, Test> named = new HashMap<>();
    if (object.get("properties") != null) {
      for (Map.Entry<?, ?> property : map(object.get("properties")).entrySet()) {
        named.put((String) property.getKey(), subschema(property.getValue()));
      }
    }
    List<PatternSchema> patterns = new ArrayList<>();
    if (object.get("patternProperties") != null) {
      for (Map.Entry<?, ?> property : map(object.get("patternProperties")).entrySet()) {
        patterns.add(PatternSchema.of((String) property.getKey(), subschema(property.getValue())));
      }
    }
    Object additionalSchema = object.get("additionalProperties");
    Test additional = additionalSchema == null ? null : subschema(additionalSchema);
    return value -> {
      if (!(value instanceof MapNode map)) {
        return Verdict.YES;
      }
      List<MapNode.Entry> entries = map.entries();
      for (int e = 0; e < entries.size(); e++) {
        MapNode.Entry entry = entries.get(e);
        Test schema = named.get(entry.name());
        boolean matched = schema != null;
        Verdict verdict = matched ? schema.judge(entry.value()) : Verdict.YES;
        for (int i = 0; i < patterns.size() && verdict == Verdict.YES; i++) {
          PatternSchema pattern = patterns.get(i);
          if (pattern.finds().test(entry.name())) {
            matched = true;
            verdict = pattern.schema().judge(entry.value());
          }
        }
        if (verdict == Verdict.YES && !matched && additional != null) {
          verdict = additional.judge(entry.value());
        }
        if (verdict != Verdict.YES) {
          return verdict;
        }
      }
      return Verdict.YES;
    };
  }

  private static Test required(List<Object> names) {
    return value -> {
      if (value instanceof MapNode map) {
        for (Object name : names) {
          if (map.entry((String) name) == null) {
            return Verdict.NO;
          }
        }
      }
      return Verdict.YES;
    };
  }

  private static Test propertyNames(Test schema) {
    return value -> {
      if (value instanceof MapNode map) {
        for (MapNode.Entry entry : map.entries()) {
          Verdict verdict = schema.judge(ScalarNode.string(entry.name(), entry.key().origin()));
          if (verdict != Verdict.YES) {
            return verdict;
          }
        }
      }
      return Verdict.YES;
    };
  }

  private static Test minProperties(long least) {
    return value -> Verdict.of(!(value instanceof MapNode map) || map.entries().size() >= least);
  }

  // ---- arrays

  private static Test items(Test schema) {
    return value -> {
      if (value instanceof SeqNode seq) {
        for (int i = 0; i < seq.size(); i++) {
          Verdict verdict = schema.judge(seq.get(i));
          if (verdict != Verdict.YES) {
            return verdict;
          }
        }
      }
      return Verdict.YES;
    };
  }

  private static Test minItems(long least) {
    return value -> Verdict.of(!(value instanceof SeqNode seq) || seq.size() >= least);
  }

  static Verdict uniqueItems(Node value) {
    if (!(value instanceof SeqNode seq)) {
      return Verdict.YES;
    }
    // hashing a canonical form keeps a long list linear; two items with one form may still be equal
    Set<String> seen = new HashSet<>();
    for (Node item : seq.items()) {
      String form = canonical(item);
      if (form == null || !seen.add(form)) {
        return Verdict.UNSURE; // the explaining validator says whether, and which, items are equal
      }
    }
    return Verdict.YES;
  }

  /**
   * A text that two items share when they might be equal as JSON: numbers by value whatever their kind (an
   * integer and a float of one value are told apart by some validators, not all), objects whatever their key
   * order. Null for a value too large to say.
   */
  private static String canonical(Node node) {
    if (node instanceof MapNode map) {
      List<String> members = new ArrayList<>();
      for (MapNode.Entry entry : map.entries()) {
        String member = canonical(entry.value());
        if (member == null) {
          return null;
        }
        members.add(quoted(entry.name()) + ":" + member);
      }
      members.sort(null);
      return "{" + String.join(",", members) + "}";
    }
    if (node instanceof SeqNode seq) {
      StringBuilder items = new StringBuilder("[");
      for (Node item : seq.items()) {
        String form = canonical(item);
        if (form == null) {
          return null;
        }
        items.append(form).append(',');
      }
      return items.append(']').toString();
    }
    ScalarNode scalar = (ScalarNode) node;
    return switch (scalar.type()) {
      case STRING -> quoted(scalar.value());
      case BOOL -> String.valueOf(Scalars.isTrue(scalar.value()));
      case NULL -> "null";
      case INT, FLOAT -> {
        Double number = number(scalar);
        yield number == null || !exact(number) ? null : "n" + number;
      }
    };
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  // ---- strings and numbers

  private static Test pattern(Predicate<String> finds) {
    return value -> Verdict.of(!(value instanceof ScalarNode s) || s.type() != ScalarNode.Type.STRING
        || finds.test(s.value()));
  }

  private static Test minLength(long least) {
    // the fewest characters a validator can count: code points, which a string of surrogate pairs has fewer of
    return value -> Verdict.of(!(value instanceof ScalarNode s) || s.type() != ScalarNode.Type.STRING
        || s.value().codePointCount(0, s.value().length()) >= least);
  }

  /**
   * {@code minimum} ({@code sign} 1) or {@code maximum} (-1), inclusive or exclusive. Both sides as doubles, exact
   * for the bounds and values that fit in 53 bits; anything larger is left unsure.
   */
  private static Test compare(Object bound, int sign, boolean inclusive) throws Unsupported {
    if (!(bound instanceof Long || bound instanceof Double)) {
      throw new Unsupported("a numeric bound that is not a number of 64 bits: " + bound);
    }
    double limit = ((Number) bound).doubleValue();
    return value -> {
      if (!(value instanceof ScalarNode s) || (s.type() != ScalarNode.Type.INT && s.type() != ScalarNode.Type.FLOAT)) {
        return Verdict.YES;
      }
      Double number = number(s);
      if (number == null || !exact(number) || !exact(limit)) {
        return Verdict.UNSURE;
      }
      int order = Double.compare(number, limit) * sign;
      return Verdict.of(order > 0 || (inclusive && number.doubleValue() == limit));
    };
  }

  /** A number scalar's value, as {@link JsonTrees} reads it; null where it does not parse or is not finite. */
  static Double number(ScalarNode scalar) {
    if (scalar.type() == ScalarNode.Type.INT) {
      Long n = Scalars.parseInt(scalar.value());
      return Double.valueOf(n != null ? n : Double.parseDouble(scalar.text())); // beyond an int64: a uint64
    }
    try {
      double number = Scalars.parseFloat(scalar.value());
      return Double.isFinite(number) ? number : null;
    } catch (NumberFormatException unreadable) {
      return null;
    }
  }

  /** Whether a number is within the range where a double holds every integer exactly. */
  static boolean exact(double number) {
    return Math.abs(number) <= 0x1p53;
  }

  /**
   * The validator's reading of a pattern: Java's regex, searched anywhere in the text, with {@code $} at the very
   * end only (as in ECMAScript; Java's also matches before a final line break).
   */
  static Pattern regex(String pattern) throws Unsupported {
    if (pattern.contains("\\p{") || pattern.contains("\\P{")) {
      throw new Unsupported("a pattern with character properties: " + pattern);
    }
    StringBuilder java = new StringBuilder(pattern.length() + 4);
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        java.append(c).append(pattern.charAt(++i));
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      }
      java.append(c == '$' && !inClass ? "\\z" : String.valueOf(c));
    }
    return Pattern.compile(java.toString());
  }

  // ---- values the schema lists

  /** JSON null in a list of schema values (JsonReader gives null, which a list may not hold as is). */
  private enum JsonNull { NULL }

  /** {@code enum}: the value equals one of the schema's values. */
  private static Test oneOfValues(List<Object> values) {
    List<Test> equalities = new ArrayList<>(values.size());
    for (Object allowed : values) {
      equalities.add(value -> equal(value, allowed));
    }
    return anyOf(equalities);
  }

  /** Whether a node equals a value of the schema, as JSON values. */
  private static Verdict equal(Node node, Object json) {
    if (json == null || json == JsonNull.NULL) {
      return Verdict.of(kind(node) == Kind.NULL);
    }
    if (json instanceof String text) {
      return Verdict.of(kind(node) == Kind.STRING && ((ScalarNode) node).value().equals(text));
    }
    if (json instanceof Boolean bool) {
      return Verdict.of(kind(node) == Kind.BOOLEAN && Scalars.isTrue(((ScalarNode) node).value()) == bool);
    }
    if (json instanceof Long || json instanceof BigInteger || json instanceof Double) {
      Kind kind = kind(node);
      if (kind != Kind.INTEGER && kind != Kind.NUMBER) {
        return Verdict.NO;
      }
      // certain only for an integer of the same kind and within a double's exact range
      Double number = number((ScalarNode) node);
      return kind == Kind.INTEGER && json instanceof Long n && number != null && exact(number)
          && number == n.doubleValue() ? Verdict.YES : Verdict.UNSURE;
    }
    return Verdict.UNSURE; // an object or array value: left to the validator
  }

  // ---- combinations

  private static Test allOf(List<Test> schemas) {
    Subschema all = new Subschema(); // every test must pass, as a schema object's keywords
    all.tests.addAll(schemas);
    return all;
  }

  private static Test anyOf(List<Test> schemas) {
    return value -> {
      Verdict verdict = Verdict.NO;
      for (int i = 0; i < schemas.size(); i++) {
        Verdict one = schemas.get(i).judge(value);
        if (one == Verdict.YES) {
          return Verdict.YES;
        }
        if (one == Verdict.UNSURE) {
          verdict = Verdict.UNSURE;
        }
      }
      return verdict;
    };
  }

  private static Test oneOf(List<Test> schemas) {
    return value -> {
      int valid = 0;
      for (int i = 0; i < schemas.size(); i++) {
        Verdict one = schemas.get(i).judge(value);
        if (one == Verdict.UNSURE) {
          return Verdict.UNSURE;
        }
        if (one == Verdict.YES) {
          valid++;
        }
      }
      return Verdict.of(valid == 1);
    };
  }

  private static Test not(Test schema) {
    return value -> switch (schema.judge(value)) {
      case YES -> Verdict.NO;
      case NO -> Verdict.YES;
      case UNSURE -> Verdict.UNSURE;
    };
  }

  private static Test conditional(Test condition, Test then, Test otherwise) {
    return value -> switch (condition.judge(value)) {
      case YES -> then.judge(value);
      case NO -> otherwise.judge(value);
      case UNSURE -> Verdict.UNSURE;
    };
  }

  // ---- reading the schema

  private static List<Object> list(Object value) throws Unsupported {
    if (!(value instanceof List<?> items)) {
      throw new Unsupported("a keyword that should hold a list: " + value);
    }
    List<Object> copy = new ArrayList<>(items.size());
    for (Object item : items) {
      copy.add(item == null ? JsonNull.NULL : item);
    }
    return copy;
  }

  private static Map<?, ?> map(Object value) throws Unsupported {
    if (!(value instanceof Map<?, ?> object)) {
      throw new Unsupported("a keyword that should hold an object: " + value);
    }
    return object;
  }

  private static long bound(Object value) throws Unsupported {
    if (!(value instanceof Long n) || n < 0) {
      throw new Unsupported("a count that is not a natural number: " + value);
    }
    return n;
  }
}
