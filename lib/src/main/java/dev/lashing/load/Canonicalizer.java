package dev.lashing.load;

import static dev.lashing.load.SyntheticNodes.entry;
import static dev.lashing.load.SyntheticNodes.isString;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.Origin;
import dev.lashing.syntax.PortSpec;
import dev.lashing.syntax.ShellWords;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.syntax.VolumeSpec;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Rewrites one Compose file's tree (already interpolated) into the long syntax {@code docker compose config}
 * prints, as compose-go's {@code transform.Canonical} and its typed binding do: short ports, volumes,
 * {@code K=V} lists and the like become maps. Whatever it does not recognise, {@code x-*} included, is left
 * as written for the schema validator to judge. Every node it makes carries the origin of the text it came
 * from.
 *
 * <p>Defaults that only fill what is absent ({@code build.context}, {@code build.dockerfile},
 * {@code depends_on.*.required}) are not set here: a later file that names the same block must be able to
 * keep the earlier file's value. {@link #applyDefaults} sets them once every file is merged.
 */
public final class Canonicalizer {
  @FunctionalInterface
  private interface Rule {
    Node apply(Canonicalizer canonicalizer, Node node, TreePath path);
  }

  private static final Map<TreePath, Rule> RULES = new LinkedHashMap<>();

  static {
    rule("services.*.ports", (c, n, p) -> c.ports(n));
    rule("services.*.expose.[]", (c, n, p) -> exposed(n));
    rule("services.*.volumes.[]", (c, n, p) -> c.volume(n));
    KeyValues.PATHS.forEach(path -> RULES.put(path, (c, n, p) -> keyValues(n)));
    rule("services.*.depends_on", (c, n, p) -> dependsOn(n));
    rule("services.*.networks", (c, n, p) -> mapOfNulls(n));
    rule("services.*.models", (c, n, p) -> mapOfNulls(n));
    rule("services.*.build", (c, n, p) -> wrapString(n, "context"));
    rule("services.*.extends", (c, n, p) -> wrapString(n, "service"));
    rule("services.*.secrets.[]", (c, n, p) -> wrapString(n, "source"));
    rule("services.*.configs.[]", (c, n, p) -> wrapString(n, "source"));
    rule("services.*.build.secrets.[]", (c, n, p) -> wrapString(n, "source"));
    rule("services.*.healthcheck.test", (c, n, p) -> healthcheckTest(n));
    rule("services.*.command", (c, n, p) -> c.shellWords(n));
    rule("services.*.entrypoint", (c, n, p) -> c.shellWords(n));
    for (String hook : List.of("pre_start.[]", "post_start.[]", "pre_stop.[]", "develop.watch.[].exec")) {
      // a ServiceHook: a ShellCommand and a MappingWithEquals, as a service's own
      rule("services.*." + hook + ".command", (c, n, p) -> c.shellWords(n));
      rule("services.*." + hook + ".environment", (c, n, p) -> keyValues(n));
    }
    rule("services.*.ulimits.*", (c, n, p) -> ulimit(n));
    rule("services.*.build.ulimits.*", (c, n, p) -> ulimit(n));
    rule("services.*.build.ssh", (c, n, p) -> c.sshKeys(n));
    rule("services.*.env_file", (c, n, p) -> envFiles(n));
    rule("services.*.dns", (c, n, p) -> withoutEmptyItems(stringAsList(n)));
    rule("services.*.dns_search", (c, n, p) -> stringAsList(n));
    rule("services.*.tmpfs", (c, n, p) -> stringAsList(n));
    rule("services.*.label_file", (c, n, p) -> stringAsList(n));
    rule("services.*.devices.[]", (c, n, p) -> c.device(n));
    rule("services.*.gpus", (c, n, p) -> allGpus(n));
    rule("services.*.extra_hosts", (c, n, p) -> extraHosts(n));
    rule("services.*.build.extra_hosts", (c, n, p) -> extraHosts(n));
    for (String kind : List.of("networks", "volumes", "secrets", "configs")) {
      rule(kind + ".*", Canonicalizer::legacyExternalName);
    }
  }

  private static final PathPatterns<Rule> PATTERNS = new PathPatterns<>(RULES);

  private static void rule(String pattern, Rule rule) {
    RULES.put(TreePath.parse(pattern), rule);
  }

  private final List<Diagnostic> problems;
  private final ExpansionBudget budget;

  private Canonicalizer(List<Diagnostic> problems, ExpansionBudget budget) {
    this.problems = problems;
    this.budget = budget;
  }

  /**
   * The long form of one file. Short syntax Compose would reject becomes an error at the scalar and the
   * entry is dropped; deprecated forms it accepts become warnings. A port range the load's {@code budget} has no
   * room for is dropped with an error.
   *
   * @throws ExpansionBudget.Exceeded from a budget that is not in order, when a range has no room in it
   */
  static MapNode canonicalize(MapNode file, List<Diagnostic> problems, ExpansionBudget budget) {
    return (MapNode) new Canonicalizer(problems, budget).walk(file, TreePath.ROOT, PATTERNS.root());
  }

  /**
   * The defaults Compose fills in after merging, into the merged model: {@code build.context: .},
   * {@code build.dockerfile: Dockerfile} (unless {@code dockerfile_inline}), {@code required: true} on
   * long-form {@code depends_on} entries, and {@code protocol: tcp}, {@code mode: ingress} on long-form
   * ports (compose-go {@code transform/defaults.go} {@code portDefaults}). Each borrows the origin of the
   * block it completes. Its {@code defaultSecretMount} and {@code deviceRequestDefaults} are left to
   * {@code ConfigWriter}, which prints them: in the model they would reach what patches copy of a service.
   */
  public static MapNode applyDefaults(MapNode model) {
    if (!(model.get("services") instanceof MapNode services)) {
      return model;
    }
    // a service that needs no default is kept, not copied: most have no build, depends_on or ports
    MapNode completed = services.withValuesWalked(e -> e.value() instanceof MapNode s ? serviceDefaults(s) : e.value());
    return completed == services ? model : model.with("services", completed);
  }

  private static MapNode serviceDefaults(MapNode service) {
    MapNode s = service;
    if (s.get("build") instanceof MapNode build) {
      s = withChanged(s, "build", build, buildDefaults(build));
    }
    if (s.get("depends_on") instanceof MapNode dependsOn) {
      s = withChanged(s, "depends_on", dependsOn, requiredByDefault(dependsOn));
    }
    if (s.get("ports") instanceof SeqNode ports) {
      s = withChanged(s, "ports", ports, portDefaults(ports));
    }
    return s;
  }

  private static MapNode withChanged(MapNode service, String key, Node before, Node after) {
    return after == before ? service : service.with(key, after);
  }

  private static MapNode buildDefaults(MapNode build) {
    if (!build.has("context")) {
      build = build.with("context", ScalarNode.string(".", build.origin()));
    }
    if (!build.has("dockerfile") && !build.has("dockerfile_inline")) {
      build = build.with("dockerfile", ScalarNode.string("Dockerfile", build.origin()));
    }
    return build;
  }

  private static SeqNode portDefaults(SeqNode ports) {
    return ports.withItemsWalked(item -> {
      if (!(item instanceof MapNode port)) {
        return item;
      }
      if (!port.has("protocol")) {
        port = port.with("protocol", ScalarNode.string("tcp", port.origin()));
      }
      if (!port.has("mode")) {
        port = port.with("mode", ScalarNode.string("ingress", port.origin()));
      }
      return port;
    });
  }

  private static MapNode requiredByDefault(MapNode dependsOn) {
    return dependsOn.withValuesWalked(e -> e.value() instanceof MapNode dependency && !dependency.has("required")
        ? dependency.with("required", SyntheticNodes.bool(true, dependency.origin()))
        : e.value());
  }

  // ---- the walk ----

  /** The node at {@code path} in long form, its children too; null when it is dropped. */
  private Node walk(Node node, TreePath path, PathPatterns.Cursor<Rule> cursor) {
    if (cursor.leadsNowhere()) {
      return node;
    }
    Rule rule = cursor.match();
    if (rule != null) {
      node = rule.apply(this, node, path);
    }
    if (node instanceof MapNode map) {
      return map.withValuesWalked(e -> {
        PathPatterns.Cursor<Rule> next = cursor.child(e.name());
        return next.leadsNowhere() ? e.value() : walk(e.value(), path.child(e.name()), next);
      });
    }
    if (node instanceof SeqNode seq) {
      PathPatterns.Cursor<Rule> next = cursor.child(TreePath.ITEM);
      return next.leadsNowhere() ? seq : seq.withItemsWalked(item -> walk(item, path.child(TreePath.ITEM), next));
    }
    return node;
  }

  private void error(Node at, String message) {
    problems.add(Diagnostic.error(at.origin().usedAt(), message));
  }

  // ---- services ----

  /** Short ports expand to one map per port; a range gives several. Long-form ports get a string published. */
  private Node ports(Node node) {
    if (!(node instanceof SeqNode seq)) {
      return node;
    }
    List<Node> items = new ArrayList<>();
    for (Node item : seq.items()) {
      if (item instanceof ScalarNode s && (s.isString() || s.type() == ScalarNode.Type.INT)) {
        PortSpec.Entry ports;
        try {
          ports = PortSpec.read(s.text());
        } catch (SyntaxException e) {
          error(s, e.getMessage());
          continue;
        }
        if (ports.size() > 1 && !budget.addBindings(ports.size())) {
          problems.add(ExpansionBudget.refusal(s.origin().usedAt(), String.format(Locale.ROOT, "port range %s is"
              + " %,d bindings, one per port: with those that ranges and extends made before it, %s. Publish fewer"
              + " ports", s.text(), ports.size(), budget.pastBindingsLimit())));
          continue;
        }
        ports.ports().forEach(port -> items.add(portMap(port, s.origin())));
      } else if (item instanceof MapNode map && map.get("published") instanceof ScalarNode published
          && published.type() == ScalarNode.Type.INT) {
        items.add(map.with("published", published.asComposeString()));
      } else {
        items.add(item);
      }
    }
    return seq.withItems(items);
  }

  private static MapNode portMap(PortSpec.Port port, Origin origin) {
    List<MapNode.Entry> entries = new ArrayList<>();
    entries.add(entry("mode", ScalarNode.string("ingress", origin)));
    if (port.hostIp() != null) {
      entries.add(entry("host_ip", ScalarNode.string(port.hostIp(), origin)));
    }
    entries.add(entry("target", SyntheticNodes.integer(port.target(), origin)));
    if (port.published() != null) {
      entries.add(entry("published", ScalarNode.string(port.published(), origin)));
    }
    entries.add(entry("protocol", ScalarNode.string(port.protocol(), origin)));
    return MapNode.of(entries, origin);
  }

  private static Node exposed(Node node) {
    if (node instanceof ScalarNode s && s.type() == ScalarNode.Type.INT) {
      return s.asComposeString();
    }
    return node;
  }

  private Node volume(Node node) {
    if (!isString(node)) {
      return node;
    }
    ScalarNode spec = (ScalarNode) node;
    VolumeSpec.Mount mount;
    try {
      mount = VolumeSpec.parse(spec.value());
    } catch (SyntaxException e) {
      error(spec, e.getMessage());
      return null;
    }
    Origin at = spec.origin();
    List<MapNode.Entry> entries = new ArrayList<>();
    entries.add(entry("type", ScalarNode.string(mount.type(), at)));
    if (mount.source() != null) {
      entries.add(entry("source", ScalarNode.string(mount.source(), at)));
    }
    entries.add(entry("target", ScalarNode.string(mount.target(), at)));
    if (mount.readOnly()) {
      entries.add(entry("read_only", SyntheticNodes.bool(true, at)));
    }
    List<MapNode.Entry> bind = new ArrayList<>();
    if (mount.selinux() != null) {
      bind.add(entry("selinux", ScalarNode.string(mount.selinux(), at)));
    }
    if (mount.propagation() != null) {
      bind.add(entry("propagation", ScalarNode.string(mount.propagation(), at)));
    }
    if (mount.createHostPath()) {
      bind.add(entry("create_host_path", SyntheticNodes.bool(true, at)));
    }
    if (!bind.isEmpty()) {
      entries.add(entry("bind", MapNode.of(bind, at)));
    }
    // compose-go gives every named or anonymous volume a (possibly empty) volume block, except a spec
    // of one or two bytes, which it returns before filling one in.
    boolean volumeBlock =
        mount.type().equals("volume") && spec.value().getBytes(StandardCharsets.UTF_8).length > 2;
    if (mount.nocopy()) {
      entries.add(entry("volume", MapNode.of(List.of(entry("nocopy", SyntheticNodes.bool(true, at))), at)));
    } else if (volumeBlock) {
      entries.add(entry("volume", MapNode.empty(at)));
    }
    return MapNode.of(entries, at);
  }

  private static Node keyValues(Node node) {
    if (node instanceof SeqNode seq) {
      MapNode map = KeyValues.fromList(seq);
      return map == null ? node : map;
    }
    return node instanceof MapNode map ? KeyValues.withStringValues(map) : node;
  }

  /**
   * {@code ssh: [default, key=/path]} as the map {@code {default: null, key: /path}}; Compose names the agent
   * {@code default} alone, any other key needs its path. Unlike the {@link KeyValues} attributes, Compose turns
   * the list into a map before merging, so later files merge into it key by key.
   */
  private Node sshKeys(Node node) {
    if (!(node instanceof SeqNode seq) || !seq.items().stream().allMatch(SyntheticNodes::isString)) {
      return node;
    }
    List<Node> keys = new ArrayList<>(seq.size());
    for (Node item : seq.items()) {
      String text = SyntheticNodes.text(item);
      if (text.indexOf('=') < 0 && !text.equals("default")) {
        error(item, "invalid ssh key \"" + text + "\": name the key's path, as " + text + "=/path/to/key");
      } else {
        keys.add(item);
      }
    }
    return KeyValues.fromList(seq.withItems(keys));
  }

  /** A list names dependencies started first and required: the map Compose's merge and transform make. */
  private static Node dependsOn(Node node) {
    if (!(node instanceof SeqNode seq) || !seq.items().stream().allMatch(SyntheticNodes::isString)) {
      return node;
    }
    List<MapNode.Entry> dependencies = new ArrayList<>(seq.size());
    for (Node item : seq.items()) {
      Origin at = item.origin();
      MapNode dependency =
          MapNode.of(
              List.of(
                  entry("condition", ScalarNode.string("service_started", at)),
                  entry("required", SyntheticNodes.bool(true, at))),
              at);
      dependencies.add(new MapNode.Entry((ScalarNode) item, dependency));
    }
    return MapNode.empty(seq.origin()).withTag(seq.tag()).withAll(dependencies);
  }

  private static Node mapOfNulls(Node node) {
    if (!(node instanceof SeqNode seq) || !seq.items().stream().allMatch(SyntheticNodes::isString)) {
      return node;
    }
    List<MapNode.Entry> names = new ArrayList<>(seq.size());
    for (Node item : seq.items()) {
      names.add(new MapNode.Entry((ScalarNode) item, ScalarNode.ofNull(item.origin())));
    }
    return MapNode.empty(seq.origin()).withTag(seq.tag()).withAll(names);
  }

  /** {@code build: .}, {@code extends: base}, {@code secrets: [s]}: the string is the one key of the map. */
  private static Node wrapString(Node node, String key) {
    if (!isString(node)) {
      return node;
    }
    return MapNode.of(List.of(entry(key, node)), node.origin());
  }

  private static Node healthcheckTest(Node node) {
    if (!isString(node)) {
      return node;
    }
    return SeqNode.of(List.of(ScalarNode.string("CMD-SHELL", node.origin()), node), node.origin());
  }

  /** A string command is split like a shell would, without running one; {@code ''} is the empty list. */
  private Node shellWords(Node node) {
    if (!isString(node)) {
      return node;
    }
    try {
      List<Node> words = new ArrayList<>();
      for (String word : ShellWords.split(((ScalarNode) node).value())) {
        words.add(ScalarNode.string(word, node.origin()));
      }
      return SeqNode.of(words, node.origin());
    } catch (SyntaxException e) {
      error(node, e.getMessage());
      return null;
    }
  }

  private static Node ulimit(Node node) {
    if (!(node instanceof ScalarNode s) || s.type() != ScalarNode.Type.INT) {
      return node;
    }
    return MapNode.of(List.of(entry("soft", s), entry("hard", s)), s.origin());
  }

  private static Node envFiles(Node node) {
    if (isString(node)) {
      return SeqNode.of(List.of(envFile(node)), node.origin());
    }
    if (!(node instanceof SeqNode seq)) {
      return node;
    }
    return seq.withItems(seq.items().stream().map(Canonicalizer::envFile).toList());
  }

  private static Node envFile(Node item) {
    if (isString(item)) {
      return MapNode.of(
          List.of(entry("path", item), entry("required", SyntheticNodes.bool(true, item.origin()))), item.origin());
    }
    if (item instanceof MapNode map && !map.has("required")) {
      return map.with("required", SyntheticNodes.bool(true, map.origin()));
    }
    return item;
  }

  private static Node stringAsList(Node node) {
    return isString(node) ? SeqNode.of(List.of(node), node.origin()) : node;
  }

  /**
   * {@code dns} without its empty entries ({@code ""}, null): compose-go's {@code OmitEmpty}, so that
   * {@code dns: ${UNSET}} sets no DNS server rather than an empty one.
   */
  private static Node withoutEmptyItems(Node node) {
    if (!(node instanceof SeqNode seq)
        || seq.items().stream().noneMatch(i -> i instanceof ScalarNode s && (s.isNull() || s.text().isEmpty()))) {
      return node;
    }
    return seq.withItems(seq.items().stream()
        .filter(i -> !(i instanceof ScalarNode s && (s.isNull() || s.text().isEmpty())))
        .toList());
  }

  /**
   * {@code gpus: all}, the one string the schema accepts, is a request for every GPU, {@code [{count: all}]}
   * (compose-go {@code transform/gpus.go}); any other string is left for the schema to refuse.
   */
  private static Node allGpus(Node node) {
    if (!isString(node) || !((ScalarNode) node).value().equals("all")) {
      return node;
    }
    MapNode every = MapNode.of(List.of(entry("count", node)), node.origin());
    return SeqNode.of(List.of(every), node.origin());
  }

  /** {@code src[:dst[:perms]]}: the target defaults to the source, permissions to rwm. */
  private Node device(Node node) {
    if (!isString(node)) {
      return node;
    }
    String spec = ((ScalarNode) node).value();
    String[] parts = spec.split(":", -1);
    if (parts.length > 3) {
      error(node, "confusing device mapping, please use long syntax: " + spec);
      return null;
    }
    String source = parts[0];
    String target = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : source;
    String permissions = parts.length > 2 ? parts[2] : "rwm";
    Origin at = node.origin();
    return MapNode.of(
        List.of(
            entry("source", ScalarNode.string(source, at)),
            entry("target", ScalarNode.string(target, at)),
            entry("permissions", ScalarNode.string(permissions, at))),
        at);
  }

  /** The map form becomes the {@code host=ip} list Compose prints; one entry per address of a host. */
  private static Node extraHosts(Node node) {
    if (!(node instanceof MapNode map)) {
      return node;
    }
    List<Node> hosts = new ArrayList<>();
    for (MapNode.Entry e : map.entries()) {
      List<Node> addresses = e.value() instanceof SeqNode seq ? seq.items() : List.of(e.value());
      for (Node address : addresses) {
        if (!(address instanceof ScalarNode ip)) {
          return node;
        }
        String host = ip.isNull() ? e.name() : e.name() + "=" + ip.asComposeString().value();
        hosts.add(ScalarNode.string(host, ip.origin()));
      }
    }
    return SeqNode.of(hosts, map.origin());
  }

  // ---- top-level resources ----

  /** Legacy {@code external: {name: x}} becomes {@code name: x} and {@code external: true}, with a warning. */
  private Node legacyExternalName(Node node, TreePath path) {
    if (!(node instanceof MapNode resource) || !(resource.get("external") instanceof MapNode external)) {
      return node;
    }
    Node externalName = external.get("name");
    if (externalName != null) {
      problems.add(
          Diagnostic.warning(
              externalName.origin().usedAt(),
              path + ": external.name is deprecated. Please set name and external: true"));
      Node name = resource.get("name");
      if (name != null && !Objects.equals(SyntheticNodes.text(name), SyntheticNodes.text(externalName))) {
        error(name, path + ": name and external.name conflict; only use name");
        return node;
      }
    }
    List<MapNode.Entry> entries = new ArrayList<>(resource.size() + 1);
    for (MapNode.Entry e : resource.entries()) {
      if (!e.name().equals("external")) {
        entries.add(e);
        continue;
      }
      if (externalName != null && !resource.has("name")) {
        entries.add(entry("name", externalName));
      }
      entries.add(e.withValue(SyntheticNodes.bool(true, external.origin())));
    }
    return resource.withEntries(entries);
  }
}
