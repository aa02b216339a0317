package dev.lashing.load;

import dev.lashing.interpolation.DotEnv;
import dev.lashing.interpolation.RawEnv;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What Compose does to the merged model before using it: profiles, the project name, the implicit
 * {@code default} network, resource names, implicit dependencies, the container environment
 * ({@code env_file} folded under {@code environment}, bare keys looked up in the project environment) and the
 * build args (bare keys looked up, or dropped when unset).
 */
final class Normalizer {
  /** The env_file format whose lines are taken as written; the default (no format) is the .env format. */
  private static final String RAW_FORMAT = "raw";
  private static final List<String> RESOURCE_KINDS = List.of("networks", "volumes", "secrets", "configs");

  private final String projectName;
  private final Map<String, String> environment;
  private final Set<String> profiles;
  private final List<Diagnostic> problems;
  private final Function<Path, SourceFile> reader;
  private final Function<Path, String> displayName;
  private final ExpansionBudget budget;
  /** The characters of the project's files, for {@link ExpansionBudget#copyNodes}. */
  private final LongSupplier characters;
  /** Each env file read, by path and format: once for all the services that name it. */
  private final Map<EnvFileKey, EnvFile> envFiles = new HashMap<>();

  private record EnvFileKey(Path path, String format) {}

  /** An env file's variables, or the problems that stopped its reading. */
  private record EnvFile(Map<String, String> values, List<Diagnostic> problems) {}

  Normalizer(
      String projectName, Map<String, String> environment, Set<String> profiles,
      List<Diagnostic> problems, Function<Path, SourceFile> reader, Function<Path, String> displayName,
      ExpansionBudget budget, LongSupplier characters) {
    this.projectName = projectName;
    this.environment = environment;
    this.profiles = profiles;
    this.problems = problems;
    this.reader = reader;
    this.displayName = displayName;
    this.budget = budget;
    this.characters = characters;
  }

  MapNode normalize(MapNode model) {
    Origin top = model.origin();
    MapNode services = model.get("services") instanceof MapNode s ? s : MapNode.empty(top);
    List<MapNode.Entry> kept = new ArrayList<>();
    boolean usesDefault = false;
    for (MapNode.Entry e : services.entries()) {
      if (!(e.value() instanceof MapNode service)) {
        kept.add(e);
        continue;
      }
      if (!enabled(service)) {
        continue;
      }
      service = implicitDependencies(service);
      service = environment(e.name(), service);
      service = buildArgs(service);
      service = preStartImage(service);
      service = pullPolicyAndTargets(service);
      if (!service.has("network_mode") && !service.has("provider") && isEmpty(service.get("networks"))) {
        service = service.with("networks",
            MapNode.empty(service.origin()).with("default", ScalarNode.ofNull(service.origin())));
      }
      if (service.get("networks") instanceof MapNode nets && nets.has("default")) {
        usesDefault = true;
      }
      kept.add(e.withValue(service));
    }
    model = model.with("services", services.withEntries(kept));
    if (usesDefault) {
      MapNode networks = model.get("networks") instanceof MapNode n ? n : MapNode.empty(top);
      if (!(networks.get("default") instanceof MapNode)) {
        networks = networks.with("default", MapNode.empty(top));
      }
      model = model.with("networks", networks);
    }
    for (String kind : RESOURCE_KINDS) {
      if (model.get(kind) instanceof MapNode defs) {
        model = model.with(kind, resourceNames(defs));
      }
    }
    ScalarNode name = ScalarNode.string(projectName,
        model.get("name") != null ? model.get("name").origin() : top);
    List<MapNode.Entry> ordered = new ArrayList<>();
    ordered.add(new MapNode.Entry(ScalarNode.string("name", name.origin()), name));
    for (MapNode.Entry e : model.entries()) {
      if (!e.name().equals("name")) {
        ordered.add(e);
      }
    }
    return model.withEntries(ordered);
  }

  private boolean enabled(MapNode service) {
    Node declared = service.get("profiles");
    if (!(declared instanceof SeqNode list) || list.size() == 0) {
      return true;
    }
    if (profiles.contains(LoadOptions.EVERY_PROFILE)) {
      return true;
    }
    for (Node p : list.items()) {
      if (p instanceof ScalarNode s && profiles.contains(s.text())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEmpty(Node node) {
    return node == null
        || node instanceof ScalarNode s && s.isNull()
        || node instanceof MapNode m && m.isEmpty()
        || node instanceof SeqNode q && q.size() == 0;
  }

  /** Named resources get {@code <project>_<key>} unless named or external (then the key). */
  private MapNode resourceNames(MapNode defs) {
    List<MapNode.Entry> named = new ArrayList<>();
    for (MapNode.Entry e : defs.entries()) {
      MapNode def = e.value() instanceof MapNode m ? m : MapNode.empty(e.key().origin());
      if (!def.has("name")) {
        boolean external = def.get("external") instanceof ScalarNode x && "true".equals(x.text());
        String name = external ? e.name() : projectName + "_" + e.name();
        def = def.with("name", ScalarNode.string(name, e.key().origin()));
      }
      named.add(e.withValue(def));
    }
    return defs.withEntries(named);
  }

  /**
   * A build argument written without a value takes the project environment's, and is left out when the
   * environment has none (compose-go {@code Normalize}, unlike a container's environment, keeps no bare key).
   */
  private MapNode buildArgs(MapNode service) {
    if (!(service.get("build") instanceof MapNode build) || !(build.get("args") instanceof MapNode args)
        || args.entries().stream().noneMatch(e -> e.value() instanceof ScalarNode v && v.isNull())) {
      return service;
    }
    MapNode resolved = args.withValuesWalked(e -> {
      if (!(e.value() instanceof ScalarNode v) || !v.isNull()) {
        return e.value();
      }
      String fromProject = environment.get(e.name());
      return fromProject == null ? null : ScalarNode.string(fromProject, v.origin());
    });
    return service.with("build", build.with("args", resolved));
  }

  /** A {@code pre_start} hook without an image runs the service's (compose-spec #647, compose-go Normalize). */
  private static MapNode preStartImage(MapNode service) {
    if (!(service.get("pre_start") instanceof SeqNode hooks) || !(service.get("image") instanceof ScalarNode image)
        || !image.isString() || image.value().isEmpty()) {
      return service;
    }
    SeqNode completed = hooks.withItemsWalked(h -> h instanceof MapNode hook && !hook.has("image")
        ? hook.with("image", ScalarNode.string(image.value(), hook.origin())) : h);
    return completed == hooks ? service : service.with("pre_start", completed);
  }

  /**
   * {@code pull_policy: if_not_present} is {@code missing}, and a mount target is a clean path ({@code /data/} is
   * {@code /data}), as compose-go's {@code Normalize} makes them.
   */
  private static MapNode pullPolicyAndTargets(MapNode service) {
    if (service.get("pull_policy") instanceof ScalarNode policy && "if_not_present".equals(policy.text())) {
      service = service.with("pull_policy", policy.withValue("missing", ScalarNode.Type.STRING));
    }
    if (service.get("volumes") instanceof SeqNode volumes) {
      SeqNode cleaned = volumes.withItemsWalked(v -> v instanceof MapNode mount
          && mount.get("target") instanceof ScalarNode target && target.isString()
          && !cleanPath(target.value()).equals(target.value())
          ? mount.with("target", target.withValue(cleanPath(target.value()), ScalarNode.Type.STRING)) : v);
      if (cleaned != volumes) {
        service = service.with("volumes", cleaned);
      }
    }
    return service;
  }

  /** Go's {@code path.Clean}: slashes collapsed, {@code .} and {@code ..} resolved by the text alone. */
  static String cleanPath(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
          parts.remove(parts.size() - 1);
        } else if (!rooted) {
          parts.add(part);
        }
        continue;
      }
      parts.add(part);
    }
    String joined = String.join("/", parts);
    return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
  }

  /** links, {@code service:x} namespaces and volumes_from make a service depend on another. */
  private MapNode implicitDependencies(MapNode service) {
    Map<String, ScalarNode> implied = new LinkedHashMap<>();
    Map<String, Boolean> restart = new LinkedHashMap<>();
    for (Node link : ProjectLoader.items(service.get("links"))) {
      if (link instanceof ScalarNode s) {
        String target = s.text().split(":", 2)[0];
        implied.putIfAbsent(target, s);
        restart.putIfAbsent(target, true);
      }
    }
    for (String key : List.of("network_mode", "ipc", "pid", "uts", "cgroup")) {
      if (service.get(key) instanceof ScalarNode s && s.text() != null && s.text().startsWith("service:")) {
        String target = s.text().substring("service:".length());
        implied.putIfAbsent(target, s);
        restart.putIfAbsent(target, true);
      }
    }
    for (Node from : ProjectLoader.items(service.get("volumes_from"))) {
      if (from instanceof ScalarNode s && !s.text().startsWith("container:")) {
        String target = s.text().split(":", 2)[0];
        implied.putIfAbsent(target, s);
        restart.putIfAbsent(target, false);
      }
    }
    if (implied.isEmpty()) {
      return service;
    }
    MapNode dependsOn = service.get("depends_on") instanceof MapNode d ? d : MapNode.empty(service.origin());
    List<MapNode.Entry> added = new ArrayList<>();
    for (Map.Entry<String, ScalarNode> e : implied.entrySet()) {
      if (!dependsOn.has(e.getKey())) {
        Origin at = e.getValue().origin();
        MapNode condition = MapNode.empty(at)
            .with("condition", ScalarNode.string("service_started", at))
            .with("restart", new ScalarNode(restart.get(e.getKey()).toString(), ScalarNode.Type.BOOL,
                ScalarNode.Style.SYNTHETIC, at, Node.MergeTag.NONE))
            .with("required", new ScalarNode("true", ScalarNode.Type.BOOL, ScalarNode.Style.SYNTHETIC, at,
                Node.MergeTag.NONE));
        added.add(new MapNode.Entry(ScalarNode.string(e.getKey(), at), condition));
      }
    }
    return service.with("depends_on", dependsOn.withAll(added));
  }

  /**
   * Whether an {@code environment} mapping is already what {@link #environment} would make of it without env
   * files: no bare key to resolve, no key given twice, no merge tag. Most services' is, and rebuilding it copied
   * the service and every variable for nothing.
   */
  private static boolean isResolved(MapNode declared) {
    if (declared.tag() != Node.MergeTag.NONE) {
      return false;
    }
    Set<String> names = new HashSet<>();
    for (MapNode.Entry e : declared.entries()) {
      if (e.value() instanceof ScalarNode s && s.isNull() || !names.add(e.name())) {
        return false;
      }
    }
    return true;
  }

  private EnvFile read(EnvFileKey file) {
    try {
      SourceFile source = reader.apply(file.path());
      return new EnvFile(file.format().equals(RAW_FORMAT)
          ? RawEnv.parse(source) : DotEnv.parse(source, environment::get), List.of());
    } catch (ComposeException e) {
      return new EnvFile(Map.of(), e.diagnostics());
    }
  }

  /** The container environment: env files (later win), then {@code environment}; bare keys resolved. */
  private MapNode environment(String serviceName, MapNode service) {
    Node files = service.get("env_file");
    MapNode declared = service.get("environment") instanceof MapNode m ? m : null;
    if (files == null && (declared == null || isResolved(declared))) {
      return service;
    }
    Origin origin = declared != null ? declared.origin() : files.origin();
    // Gathered, then made a mapping once (a value given again keeps its first place): an env file can have
    // thousands of lines.
    List<MapNode.Entry> result = new ArrayList<>();
    Set<String> named = new HashSet<>();
    for (Node f : ProjectLoader.items(files)) {
      if (!(f instanceof MapNode file) || !(file.get("path") instanceof ScalarNode path)) {
        continue;
      }
      boolean required = !(file.get("required") instanceof ScalarNode r && "false".equals(r.text()));
      Path p = Path.of(path.value());
      if (!Files.isRegularFile(p)) {
        if (required) {
          problems.add(Diagnostic.error(Diagnostic.Kind.MISSING_FILE, path.origin().problemAt(), "env file " + displayName.apply(p) + " not found"));
        }
        continue;
      }
      Node format = file.get("format");
      String formatName = format instanceof ScalarNode name && !name.isNull() ? name.text() : "";
      if (!formatName.isEmpty() && !formatName.equals(RAW_FORMAT)) {
        problems.add(Diagnostic.error(Diagnostic.Kind.INVALID_VALUE, format.origin().problemAt(),
            "unsupported env_file format \"" + formatName + "\" (Compose reads the default .env format, or raw)"));
        continue;
      }
      EnvFile read = envFiles.computeIfAbsent(new EnvFileKey(p, formatName), this::read);
      problems.addAll(read.problems());
      int variables = read.values().size();
      if (!budget.copyNodes(2L * variables, characters)) {
        problems.add(ExpansionBudget.refusal(path.origin().problemAt(), String.format(Locale.ROOT, "env file %s"
            + " would add its %,d variables to the environment of %s: with the copies before it, %s. Read the file in"
            + " fewer services", displayName.apply(p), variables, serviceName,
            budget.pastCopiedNodesLimit("env files and extends", characters))));
        continue;
      }
      for (Map.Entry<String, String> kv : read.values().entrySet()) {
        result.add(new MapNode.Entry(ScalarNode.string(kv.getKey(), path.origin()),
            ScalarNode.string(kv.getValue(), path.origin())));
        named.add(kv.getKey());
      }
    }
    if (declared != null) {
      for (MapNode.Entry e : declared.entries()) {
        Node value = e.value();
        if (value instanceof ScalarNode s && s.isNull()) {
          String fromProject = environment.get(e.name());
          if (fromProject != null) {
            value = ScalarNode.string(fromProject, s.origin());
          } else if (named.contains(e.name())) {
            continue; // an env file gave it a value; a bare key does not take it away
          }
        }
        result.add(new MapNode.Entry(e.key(), value));
        named.add(e.name());
      }
    }
    return service.without("env_file").with(
        declared != null ? service.entry("environment").key() : ScalarNode.string("environment", origin),
        MapNode.empty(origin).withAll(result));
  }
}
