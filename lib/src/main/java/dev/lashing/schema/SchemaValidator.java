package dev.lashing.schema;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceRange;
import dev.lashing.syntax.JsonReader;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Checks a Compose file against Lashing's Compose schema ({@code schemas/compose-spec.schema.json}) and
 * reports each violation at the line and column a reader should look at, in the words Compose uses:
 * {@code services.web additional properties 'imgae' not allowed (did you mean 'image'?)}.
 *
 * <p>A document is first judged by {@link SchemaCheck}, which reads the schema in a few milliseconds and walks the
 * tree once; only a document it does not accept is explained: by {@link SchemaExplainer}, which knows the keywords
 * Compose's schema uses, else by networknt's validator, which knows them all. Compiling that one (with loading
 * its libraries) costs a short run more than the rest of its work, so it happens only when it is needed, once.
 */
public final class SchemaValidator {

  /** A reference to a variable, which makes a value unknowable until interpolation. */
  private static final Pattern VARIABLE = Pattern.compile("\\$(\\{|[A-Za-z_])");

  /** Keywords whose messages are phrased here, in Compose's words. */
  private static final Set<String> PHRASED = Set.of(
      "additionalProperties", "required", "type", "enum", "pattern", "minimum", "maximum", "uniqueItems");

  /** The order of the errors {@link #check} gives: by position, then by message. */
  public static final Comparator<Diagnostic> ORDER = (a, b) -> {
    int byPosition = Diagnostic.BY_POSITION.compare(a, b);
    return byPosition != 0 ? byPosition : a.message().compareTo(b.message());
  };

  /** Decides on most documents alone; null when the schema uses a keyword it does not know. */
  private final SchemaCheck check;
  /** The schema as {@link JsonReader} read it: the explaining validators are built from it, not from a second read. */
  private final Object schemaJson;
  /** The schema as the explaining validators read it, and ours; made when the first document fails the check. */
  private volatile Explaining explaining;
  /** Whether the documents validated are interpolated afterwards (compose files; not an inventory or a config). */
  private final boolean interpolates;
  /** networknt's validator, compiled when the first document comes that ours cannot explain. */
  private volatile NetworkntExplainer networknt;

  /** The schema prepared for explaining, and the explainer of its keywords (null when it uses others). */
  private record Explaining(PreparedSchema schema, SchemaExplainer explainer) {}

  SchemaValidator(String schemaText) {
    this(schemaText, true);
  }

  /**
   * @param interpolated whether the documents it validates are interpolated after validation, as compose files are:
   *     then a value with a variable in it is not held to an enum or a pattern
   */
  private SchemaValidator(String schemaText, boolean interpolated) {
    this.schemaJson = parse(schemaText);
    this.check = quickCheck(schemaJson);
    this.interpolates = interpolated;
  }

  /** One JSON value; refuses anything else, with the offset of the mistake. */
  static Object parse(String text) {
    try {
      return JsonReader.parse(text);
    } catch (JsonReader.JsonException e) {
      throw new IllegalArgumentException("invalid JSON at offset " + e.index + ": " + e.getMessage(), e);
    }
  }

  private static SchemaCheck quickCheck(Object schemaJson) {
    try {
      return SchemaCheck.compile(schemaJson);
    } catch (SchemaCheck.Unsupported e) {
      return null; // every document goes to the validator that explains
    }
  }

  private Explaining explaining() {
    Explaining made = explaining;
    if (made == null) {
      synchronized (this) {
        made = explaining;
        if (made == null) {
          PreparedSchema prepared = new PreparedSchema(schemaJson);
          made = new Explaining(prepared, SchemaExplainer.of(prepared));
          explaining = made;
        }
      }
    }
    return made;
  }

  private NetworkntExplainer networknt() {
    NetworkntExplainer compiled = networknt;
    if (compiled == null) {
      synchronized (this) {
        compiled = networknt;
        if (compiled == null) {
          compiled = new NetworkntExplainer(explaining().schema(), PHRASED);
          networknt = compiled;
        }
      }
    }
    return compiled;
  }

  /** The validator for the bundled schema, read on first use; safe to share between threads. */
  public static SchemaValidator shared() {
    return Holder.INSTANCE;
  }

  /** A validator for another schema bundled under {@code /dev/lashing/schemas/} (not cached). */
  public static SchemaValidator forBundledSchema(String fileName) {
    return new SchemaValidator(load("/dev/lashing/schemas/" + fileName), false);
  }

  /**
   * Lazy, thread-safe initialisation by the class loader. The schema's text is a constant of a class the build
   * generates from the schema file, not a resource: reading a resource opens the jar, which a short run
   * otherwise never needs (its classes come from the ahead-of-time cache).
   */
  private static final class Holder {
    static final SchemaValidator INSTANCE = new SchemaValidator(BundledSchemas.COMPOSE_SPEC);
  }

  private static String load(String resource) {
    try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing from the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The schema errors of one Compose document, sorted by position, one per mistake.
   *
   * @param root the document's top-level mapping
   * @param fileLabel the file named for a value that has no position of its own
   */
  public List<Diagnostic> validate(MapNode root, String fileLabel) {
    return check(root, fileLabel).stream().map(Violation::diagnostic).toList();
  }

  /**
   * The same errors, each with the value it condemns, sorted by position, one per mistake (the first value
   * condemned for a message that several alternatives repeat).
   */
  public List<Violation> check(MapNode root, String fileLabel) {
    return acceptedWithoutExplaining(root) ? List.of() : explain(root, fileLabel);
  }

  /** Whether {@link SchemaCheck} alone accepts {@code root}, so that nothing needs explaining. */
  boolean acceptedWithoutExplaining(MapNode root) {
    return check != null && check.accepts(root);
  }

  /** The errors of a document the check refused, phrased as {@link #check} gives them. */
  List<Violation> explain(MapNode root, String fileLabel) {
    List<Finding> findings = explainedHere(root);
    return violations(findings != null ? findings : explainedByNetworknt(root), root, fileLabel);
  }

  /** What {@link SchemaExplainer} finds wrong with {@code root}; null where only networknt's validator can say. */
  List<Finding> explainedHere(MapNode root) {
    SchemaExplainer explainer = explaining().explainer();
    return explainer == null ? null : explainer.explain(root);
  }

  /** What networknt's validator finds wrong with {@code root}. */
  List<Finding> explainedByNetworknt(MapNode root) {
    return networknt().explain(root);
  }

  /** The findings of an explainer as errors: one per mistake, phrased, sorted. */
  List<Violation> violations(List<Finding> findings, MapNode root, String fileLabel) {
    if (findings.isEmpty()) {
      return List.of();
    }
    PreparedSchema schema = explaining().schema();
    Map<Diagnostic, Violation> violations = new LinkedHashMap<>();
    for (Finding f : Alternatives.reduce(findings)) {
      Violation v = diagnose(f, root, fileLabel, schema);
      if (v != null) {
        violations.putIfAbsent(v.diagnostic(), v);
      }
    }
    return violations.values().stream().sorted((a, b) -> ORDER.compare(a.diagnostic(), b.diagnostic())).toList();
  }

  private Violation diagnose(Finding f, MapNode root, String fileLabel, PreparedSchema schema) {
    List<Node> trail = JsonTrees.trail(root, f.at());
    Node value = trail.get(trail.size() - 1);
    String path = f.at().stream().map(String::valueOf).collect(Collectors.joining("."));
    String subject = path.isEmpty() ? "" : path + " ";
    return switch (f.keyword()) {
      case "additionalProperties" -> {
        SourceRange at = value instanceof MapNode map && map.entry(f.property()) != null
            ? map.entry(f.property()).key().origin().usedAt()
            : position(trail, fileLabel);
        yield new Violation(Diagnostic.error(Diagnostic.Kind.SCHEMA, at,
            subject + "additional properties '" + f.property() + "' not allowed" + suggestion(f, schema)),
            child(f.at(), f.property()));
      }
      case "required" -> new Violation(Diagnostic.error(Diagnostic.Kind.SCHEMA, position(trail, fileLabel),
          subject + "missing property '" + f.property() + "'"), f.at(), true);
      case "type" -> violation(f, position(trail, fileLabel), subject + "must be " + typeNames(f.keywordValue()));
      case "enum" -> interpolated(value) ? null : violation(f, position(trail, fileLabel),
          subject + "must be one of " + quotedList(f.keywordValue()));
      case "pattern" -> interpolated(value) ? null : violation(f, position(trail, fileLabel),
          subject + patternMismatch(f, value, schema));
      case "minimum" -> violation(f, position(trail, fileLabel),
          subject + "must be greater than or equal to " + f.keywordValue());
      case "maximum" -> violation(f, position(trail, fileLabel),
          subject + "must be less than or equal to " + f.keywordValue());
      case "uniqueItems" -> duplicate(f.at(), trail, subject, fileLabel);
      default -> violation(f, position(trail, fileLabel), subject + f.message());
    };
  }

  private static Violation violation(Finding f, SourceRange at, String message) {
    return new Violation(Diagnostic.error(Diagnostic.Kind.SCHEMA, at, message), f.at());
  }

  private static List<Object> child(List<Object> path, Object step) {
    List<Object> child = new ArrayList<>(path);
    child.add(step);
    return child;
  }

  /** Names the first repeated item, at the repetition: the earlier one is the one the author meant. */
  private static Violation duplicate(List<Object> path, List<Node> trail, String subject, String fileLabel) {
    if (trail.get(trail.size() - 1) instanceof SeqNode seq) {
      List<JsonNode> seen = new ArrayList<>();
      for (int j = 0; j < seq.size(); j++) {
        JsonNode item = JsonTrees.toJson(seq.get(j));
        int i = seen.indexOf(item);
        if (i >= 0) {
          List<Node> itemTrail = new ArrayList<>(trail);
          itemTrail.add(seq.get(j));
          return new Violation(Diagnostic.error(Diagnostic.Kind.SCHEMA, position(itemTrail, fileLabel),
              subject + "items at " + i + " and " + j + " are equal"), child(path, j));
        }
        seen.add(item);
      }
    }
    return new Violation(Diagnostic.error(Diagnostic.Kind.SCHEMA, position(trail, fileLabel),
        subject + "must not contain duplicate items"), path);
  }

  /** Where the reader should look: the last node of the trail that has a place in a file. */
  private static SourceRange position(List<Node> trail, String fileLabel) {
    for (int i = trail.size() - 1; i >= 0; i--) {
      SourceRange at = trail.get(i).origin().usedAt();
      if (!at.isSynthetic()) {
        return at;
      }
    }
    return SourceRange.synthetic(fileLabel);
  }

  /** An enum the schema document turned into a pattern is reported as the enum it was. */
  private static String patternMismatch(Finding f, Node value, PreparedSchema schema) {
    List<String> allowed = schema.enumAt(schemaObject(f));
    if (allowed != null) {
      return "must be one of " + allowed.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
    }
    String text = value instanceof ScalarNode s ? s.value() : "";
    return "'" + text + "' does not match pattern '" + f.keywordValue() + "'";
  }

  /** " (did you mean 'image'?)" when the wrong key is close to a key allowed at that place. */
  private static String suggestion(Finding f, PreparedSchema schema) {
    return Suggestions.closest(f.property(), schema.propertyNames(schemaObject(f)))
        .map(name -> " (did you mean '" + name + "'?)")
        .orElse("");
  }

  /** The schema object that holds the failing keyword. */
  private static List<String> schemaObject(Finding f) {
    return f.schemaPath().subList(0, f.schemaPath().size() - 1);
  }

  private boolean interpolated(Node value) {
    return interpolates && value instanceof ScalarNode s && s.isString() && VARIABLE.matcher(s.value()).find();
  }

  /** "a string", "a boolean or string", "a mapping, list or null": Compose's names for JSON types. */
  private static String typeNames(Object type) {
    List<String> names = new ArrayList<>();
    for (Object name : type instanceof List<?> list ? list : List.of(type)) {
      names.add(typeName(String.valueOf(name)));
    }
    String joined = names.size() == 1
        ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    return (joined.startsWith("integer") ? "an " : "a ") + joined;
  }

  private static String typeName(String jsonType) {
    return switch (jsonType) {
      case "object" -> "mapping";
      case "array" -> "list";
      default -> jsonType;
    };
  }

  /** The values of an enum, quoted: strings as they are, other values as JSON writes them. */
  private static String quotedList(Object values) {
    List<String> quoted = new ArrayList<>();
    for (Object v : (List<?>) values) {
      quoted.add("'" + (v instanceof String text ? text : JsonTreeReader.tree(v).toString()) + "'");
    }
    return String.join(", ", quoted);
  }
}
