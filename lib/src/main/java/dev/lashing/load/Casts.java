package dev.lashing.load;

import dev.lashing.source.Diagnostic;
import dev.lashing.syntax.ComposeBool;
import dev.lashing.syntax.FileMode;
import dev.lashing.syntax.GoInteger;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.Scalars;
import dev.lashing.tree.SeqNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * After interpolation Compose casts the strings at certain paths to numbers and booleans, so
 * {@code privileged: "${PRIV}"} and {@code replicas: "3"} mean what they say (compose-go
 * {@code loader/interpolate.go}). Paths use {@code *} for any key and {@code []} for any list item. A value
 * that cannot be cast is reported and left out (with its list item, when the item is nothing without it), so
 * that later steps and the rules never meet it.
 */
final class Casts {
  /**
   * {@code FILE_MODE} is not one of Compose's casts but its decoding of a secret's or config's mode
   * ({@link FileMode}), which comes before its reference checks: a string is read in octal here so that a bad
   * one is reported even where the reference it belongs to is dropped later.
   */
  private enum Cast { INT, FLOAT, BOOL, FILE_MODE }

  private static final Map<String, Cast> SERVICE_PATHS = Map.ofEntries(
      Map.entry("configs.[].mode", Cast.FILE_MODE),
      Map.entry("secrets.[].mode", Cast.FILE_MODE),
      Map.entry("build.secrets.[].mode", Cast.FILE_MODE),
      Map.entry("cpu_count", Cast.INT),
      Map.entry("cpu_percent", Cast.FLOAT),
      Map.entry("cpu_period", Cast.INT),
      Map.entry("cpu_quota", Cast.INT),
      Map.entry("cpu_rt_period", Cast.INT),
      Map.entry("cpu_rt_runtime", Cast.INT),
      Map.entry("cpus", Cast.FLOAT),
      Map.entry("cpu_shares", Cast.INT),
      Map.entry("init", Cast.BOOL),
      Map.entry("depends_on.*.required", Cast.BOOL),
      Map.entry("depends_on.*.restart", Cast.BOOL),
      Map.entry("deploy.replicas", Cast.INT),
      Map.entry("deploy.update_config.parallelism", Cast.INT),
      Map.entry("deploy.update_config.max_failure_ratio", Cast.FLOAT),
      Map.entry("deploy.rollback_config.parallelism", Cast.INT),
      Map.entry("deploy.rollback_config.max_failure_ratio", Cast.FLOAT),
      Map.entry("deploy.restart_policy.max_attempts", Cast.INT),
      Map.entry("deploy.placement.max_replicas_per_node", Cast.INT),
      Map.entry("healthcheck.retries", Cast.INT),
      Map.entry("healthcheck.disable", Cast.BOOL),
      Map.entry("oom_kill_disable", Cast.BOOL),
      Map.entry("oom_score_adj", Cast.INT),
      Map.entry("pids_limit", Cast.INT),
      Map.entry("pre_start.[].per_replica", Cast.BOOL),
      Map.entry("ports.[].target", Cast.INT),
      Map.entry("privileged", Cast.BOOL),
      Map.entry("read_only", Cast.BOOL),
      Map.entry("scale", Cast.INT),
      Map.entry("stdin_open", Cast.BOOL),
      Map.entry("tty", Cast.BOOL),
      Map.entry("ulimits.*", Cast.INT),
      Map.entry("ulimits.*.hard", Cast.INT),
      Map.entry("ulimits.*.soft", Cast.INT),
      Map.entry("volumes.[].read_only", Cast.BOOL),
      Map.entry("volumes.[].volume.nocopy", Cast.BOOL));
  private static final Map<String, Cast> RESOURCE_PATHS = Map.of(
      "networks.*.external", Cast.BOOL,
      "networks.*.internal", Cast.BOOL,
      "networks.*.attachable", Cast.BOOL,
      "networks.*.enable_ipv4", Cast.BOOL,
      "networks.*.enable_ipv6", Cast.BOOL,
      "volumes.*.external", Cast.BOOL,
      "secrets.*.external", Cast.BOOL,
      "configs.*.external", Cast.BOOL);

  /**
   * Values their mapping cannot do without (the schema or the next steps require them): a port whose target
   * cannot be read is left out whole, and so is a ulimit whose soft or hard limit cannot.
   */
  private static final Set<String> ESSENTIAL = Set.of(
      "services.*.ports.[].target", "services.*.ulimits.*.soft", "services.*.ulimits.*.hard");

  /**
   * The patterns a cast may be found at or below: every pattern of a cast, and each of its beginnings that ends
   * before a dot. A child's pattern always begins with its parent's and a dot, so a subtree whose pattern is not
   * one of these holds no cast and is not walked (a service's labels or environment, an {@code x-} extension).
   */
  private static final Set<String> LEADING_TO_CASTS = leadingToCasts();

  private final List<Diagnostic> problems;

  private Casts(List<Diagnostic> problems) {
    this.problems = problems;
  }

  static MapNode apply(MapNode tree, List<Diagnostic> problems) {
    return (MapNode) new Casts(problems).walk(tree, "", TreePath.ROOT);
  }

  /**
   * {@code pattern} is the path with keys generalized; {@code path} the real one, for messages. Null when the
   * value cannot be cast.
   */
  private Node walk(Node node, String pattern, TreePath path) {
    if (node instanceof MapNode map) {
      boolean[] whole = {true};
      MapNode cast = map.withValuesWalked(e -> {
        String childPattern = childPattern(pattern, e.name());
        if (!LEADING_TO_CASTS.contains(childPattern)) {
          return e.value();
        }
        Node value = walk(e.value(), childPattern, path.child(e.name()));
        if (value == null && ESSENTIAL.contains(childPattern)) {
          whole[0] = false; // the other values are still cast, so that each problem is reported
        }
        return value;
      });
      return whole[0] ? cast : null;
    }
    if (node instanceof SeqNode seq) {
      String itemPattern = join(pattern, "[]");
      return LEADING_TO_CASTS.contains(itemPattern)
          ? seq.withItemsWalked(item -> walk(item, itemPattern, path.child(TreePath.ITEM)))
          : seq;
    }
    ScalarNode scalar = (ScalarNode) node;
    Cast cast = castFor(pattern);
    return cast == null || !scalar.isString() ? scalar : cast(scalar, cast, path);
  }

  /** Service names and resource names are generalized to {@code *}; attribute names are kept. */
  private static String childPattern(String parent, String key) {
    if (parent.equals("services") || parent.equals("networks") || parent.equals("volumes")
        || parent.equals("secrets") || parent.equals("configs")) {
      return parent + ".*";
    }
    String service = parent.startsWith("services.*") ? parent.substring("services.*".length()) : null;
    if (service != null && (service.equals(".depends_on") || service.equals(".ulimits"))) {
      return parent + ".*";
    }
    return join(parent, key);
  }

  private static Set<String> leadingToCasts() {
    Set<String> patterns = new HashSet<>();
    for (String service : SERVICE_PATHS.keySet()) {
      addWithBeginnings("services.*." + service, patterns);
    }
    RESOURCE_PATHS.keySet().forEach(resource -> addWithBeginnings(resource, patterns));
    return Set.copyOf(patterns);
  }

  private static void addWithBeginnings(String pattern, Set<String> patterns) {
    patterns.add(pattern);
    for (int dot = pattern.indexOf('.'); dot >= 0; dot = pattern.indexOf('.', dot + 1)) {
      patterns.add(pattern.substring(0, dot));
    }
  }

  private static Cast castFor(String pattern) {
    if (pattern.startsWith("services.*.")) {
      return SERVICE_PATHS.get(pattern.substring("services.*.".length()));
    }
    return RESOURCE_PATHS.get(pattern);
  }

  /** The value cast, or null when it cannot be (reported). */
  private ScalarNode cast(ScalarNode scalar, Cast cast, TreePath path) {
    String text = scalar.value(); // Go's casts take the string as it is: " 3" is not an integer
    switch (cast) {
      case BOOL -> {
        try {
          boolean value = ComposeBool.parse(text);
          if (!ComposeBool.isCanonical(text.toLowerCase(Locale.ROOT))) {
            problems.add(Diagnostic.warning(Diagnostic.Kind.BOOLEAN_SPELLING, scalar.origin().usedAt(), path + ": \""
                + text + "\" is read as " + value + ", with a warning (YAML 1.2 has no such boolean); write " + value));
          }
          return scalar.withValue(Boolean.toString(value), ScalarNode.Type.BOOL);
        } catch (SyntaxException e) {
          problems.add(Diagnostic.error(scalar.origin().usedAt(), path + ": " + e.getMessage()));
        }
      }
      case INT -> {
        Long value = GoInteger.parseDecimal(text);
        if (value != null) {
          return scalar.withValue(Long.toString(value), ScalarNode.Type.INT);
        }
        problems.add(Diagnostic.error(scalar.origin().usedAt(), path + ": invalid integer: " + text));
      }
      case FILE_MODE -> {
        try {
          return scalar.withValue(Long.toString(FileMode.parse(text)), ScalarNode.Type.INT);
        } catch (SyntaxException e) {
          problems.add(Diagnostic.error(scalar.origin().usedAt(), path + ": " + e.getMessage()));
        }
      }
      case FLOAT -> {
        if (Scalars.resolvePlain(text) == ScalarNode.Type.FLOAT || text.matches("[-+]?[0-9]+")) {
          return scalar.withValue(text, ScalarNode.Type.FLOAT);
        }
        problems.add(Diagnostic.error(scalar.origin().usedAt(), path + ": invalid number: " + text));
      }
    }
    return null;
  }

  private static String join(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }
}
