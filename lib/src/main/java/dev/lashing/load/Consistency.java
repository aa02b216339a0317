package dev.lashing.load;

import dev.lashing.source.ByStart;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceRange;
import dev.lashing.syntax.ByteSize;
import dev.lashing.syntax.IpAddress;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.tree.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The cross-field checks Compose makes when it loads a project, worded as Compose words them and
 * positioned at the value that refers or conflicts. Each error condemns one value (the reference, the
 * legacy limit, the dependency that closes a cycle…), which a lenient load leaves out so that the rules
 * see a project Compose would accept and never report the same problem again.
 */
final class Consistency {
  private final MapNode model;
  private final List<Diagnostic> problems;
  private final Set<String> incomplete;
  private final List<List<Object>> condemned = new ArrayList<>();
  /** How many problems the earlier steps found: those {@link #refusedWithin} looks at. */
  private final int earlierProblems;
  /** The earlier steps' errors, by where they start; made when first asked. */
  private ByStart<Diagnostic> earlierErrors;

  /** One reference to a top-level resource and the path of the value that makes it. */
  private record Reference(ScalarNode name, List<Object> path) {}

  private Consistency(MapNode model, List<Diagnostic> problems, Set<String> incomplete) {
    this.model = model;
    this.problems = problems;
    this.incomplete = incomplete;
    this.earlierProblems = problems.size();
  }

  /**
   * Checks {@code model}, adding the problems to {@code problems}; {@code incomplete} names the services whose
   * definition could not be read whole (a missing {@code extends} base), whose lack of an image is no news.
   *
   * @return the paths of the values the errors condemn
   */
  static List<List<Object>> check(MapNode model, List<Diagnostic> problems, Set<String> incomplete,
      int slicedFrom) {
    Consistency check = new Consistency(model, problems, incomplete);
    check.run(slicedFrom);
    return check.condemned;
  }

  /**
   * The checks of each service, on slices of them side by side from {@code slicedFrom} services (each slice into
   * lists of its own, joined in written order), then the dependency cycles, which follow the whole graph.
   */
  private void run(int slicedFrom) {
    MapNode services = model.get("services") instanceof MapNode s ? s : MapNode.empty(model.origin());
    List<MapNode.Entry> entries = services.entries();
    int count = ServiceSlices.count(entries.size(), slicedFrom);
    if (count == 1) {
      services(entries, services);
    } else {
      List<Consistency> slices = IntStream.range(0, count).parallel()
          .mapToObj(i -> {
            Consistency slice = new Consistency(model, new ArrayList<>(), incomplete);
            slice.services(entries.subList(entries.size() * i / count, entries.size() * (i + 1) / count), services);
            return slice;
          })
          .toList();
      for (Consistency slice : slices) {
        problems.addAll(slice.problems);
        condemned.addAll(slice.condemned);
      }
    }
    externalVolumes();
    fileObjects("configs", List.of("file", "environment", "content"));
    fileObjects("secrets", List.of("file", "environment"));
    dependencyCycles(services);
  }

  private void services(List<MapNode.Entry> entries, MapNode services) {
    for (MapNode.Entry e : entries) {
      if (e.value() instanceof MapNode service) {
        service(e.name(), e.key().origin().problemAt(), service, services);
      }
    }
  }

  private void service(String name, SourceRange at, MapNode service, MapNode services) {
    // an image that is empty (written so, null, or a variable that is not set) is none, as compose-go's Image ""
    Node image = service.get("image");
    boolean noImage = image == null || image instanceof ScalarNode s && (s.isNull() || s.text().isEmpty());
    if (noImage && !service.has("build") && !service.has("provider") && !incomplete.contains(name)) {
      problems.add(Diagnostic.error(Diagnostic.Kind.INVALID_VALUE, image == null ? at : image.origin().problemAt(),
          "service \"" + name + "\" has neither an image nor a build context specified"));
    }
    if (service.get("depends_on") instanceof MapNode deps) {
      for (MapNode.Entry d : deps.entries()) {
        if (!services.has(d.name())) {
          boolean required = !(d.value() instanceof MapNode m
              && m.get("required") instanceof ScalarNode r && "false".equals(r.text()));
          String message = "service \"" + name + "\" depends on undefined service \"" + d.name() + "\"";
          SourceRange where = d.key().origin().problemAt();
          if (required) {
            error(Diagnostic.Kind.UNDEFINED_REFERENCE, where, message, path(name, "depends_on", d.name()));
          } else {
            problems.add(Diagnostic.warning(Diagnostic.Kind.UNDEFINED_REFERENCE, where, message));
          }
        }
      }
    }
    Node networkMode = service.get("network_mode");
    if (networkMode != null && service.entry("networks") != null
        && !(service.get("networks") instanceof MapNode n && n.isEmpty())) {
      error(Diagnostic.Kind.CONFLICTING_LIMITS, service.entry("networks").key().origin().problemAt(),
          "service " + name + " declares mutually exclusive `network_mode` and `networks`", path(name, "networks"));
    }
    List<Reference> networkRefs = new ArrayList<>();
    if (service.get("networks") instanceof MapNode nets) {
      for (MapNode.Entry net : nets.entries()) {
        networkRefs.add(new Reference(net.key(), path(name, "networks", net.name())));
      }
    }
    references(name, networkRefs, "networks", "network", n -> !n.equals("default"));
    List<Reference> volumeRefs = new ArrayList<>();
    Map<String, SourceRange> targets = new LinkedHashMap<>();
    List<Node> mounts = ProjectLoader.items(service.get("volumes"));
    for (int i = 0; i < mounts.size(); i++) {
      if (mounts.get(i) instanceof MapNode mount) {
        List<Object> mountPath = path(name, "volumes", i);
        if ("volume".equals(Trees.text(mount, "type")) && mount.get("source") instanceof ScalarNode src) {
          volumeRefs.add(new Reference(src, mountPath));
        }
        duplicateTarget(name, mount.get("target"), targets, mountPath);
      }
    }
    references(name, volumeRefs, "volumes", "volume", n -> true);
    for (String kind : List.of("secrets", "configs")) {
      List<Reference> refs = new ArrayList<>();
      List<Node> items = ProjectLoader.items(service.get(kind));
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof MapNode m && m.get("source") instanceof ScalarNode src) {
          refs.add(new Reference(src, path(name, kind, i)));
        } else if (items.get(i) instanceof ScalarNode s) {
          refs.add(new Reference(s, path(name, kind, i)));
        }
      }
      references(name, refs, kind, kind.substring(0, kind.length() - 1), n -> true);
    }
    for (String key : List.of("network_mode", "ipc", "pid", "uts", "cgroup")) {
      if (service.get(key) instanceof ScalarNode s && s.text() != null && s.text().startsWith("service:")
          && !services.has(s.text().substring("service:".length()))) {
        error(Diagnostic.Kind.UNDEFINED_REFERENCE, s.origin().problemAt(),
            "service \"" + name + "\" refers to undefined service "
            + s.text().substring("service:".length()) + " in " + key, path(name, key));
      }
    }
    legacyLimits(name, service);
    healthcheck(name, service);
    validation(name, service, mounts);
  }

  /**
   * The checks of compose-go's {@code validation} package and path resolution on a service: a port's host IP is
   * an IP address, a watched path is not blank, a device request does not give both a count and device IDs, a
   * bind mount has a source, and a {@code K=V} list of environment variables names none with a trailing space
   * (compose-go refuses that when it binds the list).
   */
  private void validation(String name, MapNode service, List<Node> mounts) {
    List<Node> ports = ProjectLoader.items(service.get("ports"));
    for (int i = 0; i < ports.size(); i++) {
      if (ports.get(i) instanceof MapNode port && port.get("host_ip") instanceof ScalarNode ip
          && !IpAddress.isValid(ip.text() == null ? "" : ip.text())) {
        error(Diagnostic.Kind.INVALID_VALUE, ip.origin().problemAt(),
            "services." + name + ".ports.[]: invalid ip address: " + ip.text(), path(name, "ports", i, "host_ip"));
      }
    }
    MapNode develop = Trees.map(service, "develop");
    List<Node> watch = ProjectLoader.items(develop == null ? null : develop.get("watch"));
    for (int i = 0; i < watch.size(); i++) {
      if (watch.get(i) instanceof MapNode rule && rule.get("path") instanceof ScalarNode p && "".equals(p.text())) {
        error(Diagnostic.Kind.INVALID_VALUE, p.origin().problemAt(),
            "services." + name + ".develop.watch.[].path: value can't be blank", path(name, "develop", "watch", i));
      }
    }
    MapNode reservations = Trees.map(Trees.map(Trees.map(service, "deploy"), "resources"), "reservations");
    deviceRequests(name, reservations == null ? null : reservations.get("devices"),
        "deploy.resources.reservations.devices", List.of("deploy", "resources", "reservations", "devices"));
    deviceRequests(name, service.get("gpus"), "gpus", List.of("gpus"));
    for (int i = 0; i < mounts.size(); i++) {
      if (mounts.get(i) instanceof MapNode mount && "bind".equals(Trees.text(mount, "type")) && !mount.has("source")) {
        error(Diagnostic.Kind.INVALID_VALUE, mount.origin().problemAt(),
            "invalid mount config for type \"bind\": field Source must not be empty", path(name, "volumes", i));
      }
    }
    trailingSpaces(service.get("environment"), path(name, "environment"));
    MapNode build = Trees.map(service, "build");
    if (build != null) {
      trailingSpaces(build.get("args"), path(name, "build", "args"));
    }
    for (String hook : List.of("pre_start", "post_start", "pre_stop")) {
      List<Node> hooks = ProjectLoader.items(service.get(hook));
      for (int i = 0; i < hooks.size(); i++) {
        if (hooks.get(i) instanceof MapNode h) {
          trailingSpaces(h.get("environment"), path(name, hook, i, "environment"));
        }
      }
    }
  }

  private void deviceRequests(String service, Node requests, String where, List<Object> at) {
    List<Node> items = ProjectLoader.items(requests);
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof MapNode request && request.has("count") && request.has("device_ids")) {
        List<Object> offending = new ArrayList<>(path(service));
        offending.addAll(at);
        offending.add(i);
        offending.add("device_ids");
        error(Diagnostic.Kind.INVALID_VALUE, request.entry("device_ids").key().origin().problemAt(),
            "services." + service + "." + where + ".[]: \"count\" and \"device_ids\" attributes are exclusive",
            offending);
      }
    }
  }

  /**
   * Whether an earlier step found an error in the text of {@code node}: a value refused there was left out (an
   * {@code external: ${UNSET}}), so what it leaves missing is a consequence, not news. Looked up by halving in
   * the errors' starts, sorted once, so that a file of many such definitions is not read once per definition.
   */
  private boolean refusedWithin(Node node) {
    SourceRange range = node.origin().at();
    if (range.isSynthetic()) {
      return false;
    }
    if (earlierErrors == null) {
      List<Diagnostic> errors = new ArrayList<>();
      for (Diagnostic p : problems.subList(0, earlierProblems)) {
        if (p.isError() && !p.at().isSynthetic()) {
          errors.add(p);
        }
      }
      earlierErrors = new ByStart<>(errors, Diagnostic::at);
    }
    for (Diagnostic error : earlierErrors.startingWithin(range)) {
      if (error.at().startOffset() < range.endOffset()) {
        return true;
      }
    }
    return false;
  }

  /** A variable of a {@code K=V} list whose name ends with white space ({@code - DEBUG = true}). */
  private void trailingSpaces(Node variables, List<Object> at) {
    if (!(variables instanceof MapNode map) || !KeyValues.isListForm(map)) {
      return;
    }
    for (MapNode.Entry e : map.entries()) {
      String key = e.name();
      if (!key.isEmpty() && " \t\n\u000B\f\r\u0085\u00A0".indexOf(key.charAt(key.length() - 1)) >= 0) {
        List<Object> offending = new ArrayList<>(at);
        offending.add(key);
        error(Diagnostic.Kind.INVALID_VALUE, e.key().origin().problemAt(),
            "environment variable " + key + " is declared with a trailing space", offending);
      }
    }
  }

  /** An external volume is only named: any other attribute conflicts (extensions aside). */
  private void externalVolumes() {
    if (!(model.get("volumes") instanceof MapNode volumes)) {
      return;
    }
    for (MapNode.Entry v : volumes.entries()) {
      if (v.value() instanceof MapNode volume && volume.get("external") instanceof ScalarNode external
          && "true".equals(external.text())) {
        for (MapNode.Entry e : volume.entries()) {
          if (!List.of("name", "external").contains(e.name()) && !e.name().startsWith("x-")) {
            error(Diagnostic.Kind.INVALID_VALUE, e.key().origin().problemAt(), "volumes." + v.name()
                + ": conflicting parameters \"external\" and \"" + e.name() + "\" specified",
                List.of("volumes", v.name(), e.name()));
          }
        }
      }
    }
  }

  /**
   * A config or secret takes its content from one place, {@code sources}, unless it is external or made by a
   * driver: naming two is an error at the second, naming none an error at the definition.
   */
  private void fileObjects(String kind, List<String> sources) {
    if (!(model.get(kind) instanceof MapNode defs)) {
      return;
    }
    String names = String.join("|", sources);
    for (MapNode.Entry d : defs.entries()) {
      if (!(d.value() instanceof MapNode def)) {
        continue;
      }
      List<MapNode.Entry> given = def.entries().stream().filter(e -> sources.contains(e.name())).toList();
      if (given.size() > 1) {
        for (MapNode.Entry extra : given.subList(1, given.size())) {
          error(Diagnostic.Kind.INVALID_VALUE, extra.key().origin().problemAt(),
              kind + "." + d.name() + ": " + names + " attributes are mutually exclusive",
              List.of(kind, d.name(), extra.name()));
        }
      } else if (given.isEmpty() && !def.has("driver") && !def.has("external") && !refusedWithin(def)) {
        error(Diagnostic.Kind.INVALID_VALUE, d.key().origin().problemAt(),
            kind + "." + d.name() + ": one of " + names + " must be set", List.of(kind, d.name()));
      }
    }
  }

  private void duplicateTarget(String service, Node target, Map<String, SourceRange> seen, List<Object> mount) {
    if (target instanceof ScalarNode t && t.text() != null) {
      SourceRange earlier = seen.putIfAbsent(t.text(), t.origin().problemAt());
      if (earlier != null) {
        error(Diagnostic.Kind.INVALID_VALUE, t.origin().problemAt(), "services." + service + ": target " + t.text()
            + " already mounted at line " + earlier.line(), mount);
      }
    }
  }

  private void references(
      String service, List<Reference> refs, String kind, String singular,
      java.util.function.Predicate<String> mustBeDeclared) {
    MapNode declared = model.get(kind) instanceof MapNode m ? m : MapNode.empty(model.origin());
    for (Reference ref : refs) {
      String name = ref.name().text();
      if (name != null && mustBeDeclared.test(name) && !declared.has(name)) {
        error(Diagnostic.Kind.UNDEFINED_REFERENCE, ref.name().origin().problemAt(),
            "service \"" + service + "\" refers to undefined " + singular + " " + name, ref.path());
      }
    }
  }

  /**
   * Legacy service-level limits and their deploy equivalents must agree. As compose-go checks them: a legacy limit
   * other than 0 beside a deploy {@code limits} (or {@code reservations}) mapping must equal its value there, which
   * is 0 when that mapping does not write it ({@code pids_limit: 100} beside {@code limits: {memory: 1g}} is
   * refused); {@code scale} must equal {@code deploy.replicas} only when both are written.
   */
  private void legacyLimits(String name, MapNode service) {
    MapNode deploy = Trees.map(service, "deploy");
    MapNode resources = Trees.map(deploy, "resources");
    conflict(name, service, "cpus", Trees.map(resources, "limits"), "cpus", "deploy.resources.limits.cpus",
        Consistency::decimal, true);
    conflict(name, service, "mem_limit", Trees.map(resources, "limits"), "memory",
        "deploy.resources.limits.memory", Consistency::bytes, true);
    conflict(name, service, "mem_reservation", Trees.map(resources, "reservations"), "memory",
        "deploy.resources.reservations.memory", Consistency::bytes, true);
    conflict(name, service, "pids_limit", Trees.map(resources, "limits"), "pids",
        "deploy.resources.limits.pids", Consistency::decimal, true);
    conflict(name, service, "scale", deploy, "replicas", "deploy.replicas", Consistency::decimal, false);
    Double scale = number(service.get("scale"));
    Double replicas = number(deploy == null ? null : deploy.get("replicas"));
    Double count = scale != null ? scale : replicas;
    if (count != null && count > 1 && service.get("container_name") instanceof ScalarNode cn) {
      error(Diagnostic.Kind.CONFLICTING_LIMITS, cn.origin().problemAt(), "services." + name + ": container name \"" + cn.text()
          + "\" is unique: a service with a container_name cannot be scaled to " + count.longValue(),
          // the count goes, not the name: another service may well use the same name, a finding of its own
          scale != null ? path(name, "scale") : path(name, "deploy", "replicas"));
    }
  }

  /** @param absentIsZero whether a deploy mapping that does not write the key stands for 0 there */
  private void conflict(
      String service, MapNode map, String key, MapNode deployMap, String deployKey, String deployPath,
      Function<String, Object> parse, boolean absentIsZero) {
    if (!(map.get(key) instanceof ScalarNode legacy) || deployMap == null) {
      return;
    }
    Node written = deployMap.get(deployKey);
    if (!(written instanceof ScalarNode) && !(written == null && absentIsZero)) {
      return;
    }
    Object a = parse.apply(legacy.text());
    Object b = parse.apply(written instanceof ScalarNode modern ? modern.text() : "0");
    if (a != null && b != null && !Objects.equals(a, b) && !(absentIsZero && Objects.equals(a, parse.apply("0")))) {
      error(Diagnostic.Kind.CONFLICTING_LIMITS, legacy.origin().problemAt(),
          "services." + service + ": can't set distinct values on '" + key + "' and '" + deployPath + "'",
          path(service, key));
    }
  }

  private void healthcheck(String name, MapNode service) {
    MapNode hc = Trees.map(service, "healthcheck");
    if (hc != null && hc.get("test") instanceof SeqNode test && test.size() > 0
        && test.get(0) instanceof ScalarNode first
        && !List.of("CMD", "CMD-SHELL", "NONE").contains(first.text())) {
      error(Diagnostic.Kind.INVALID_VALUE, first.origin().problemAt(), "services." + name
          + ".healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"",
          path(name, "healthcheck", "test"));
    }
  }

  private void dependencyCycles(MapNode services) {
    Map<String, List<MapNode.Entry>> graph = new HashMap<>();
    for (MapNode.Entry e : services.entries()) {
      List<MapNode.Entry> deps = new ArrayList<>();
      if (e.value() instanceof MapNode s && s.get("depends_on") instanceof MapNode d) {
        deps.addAll(d.entries());
      }
      graph.put(e.name(), deps);
    }
    Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
    for (MapNode.Entry e : services.entries()) {
      visit(e.name(), graph, state, new ArrayList<>());
    }
  }

  /**
   * Reports each dependency that closes a cycle (a back edge of the walk): leaving those out leaves no cycle,
   * so rules that follow dependencies always end.
   */
  private void visit(String node, Map<String, List<MapNode.Entry>> graph, Map<String, Integer> state,
      List<String> path) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return;
    }
    path.add(node);
    state.put(node, 1);
    for (MapNode.Entry dep : graph.getOrDefault(node, List.of())) {
      if (Integer.valueOf(1).equals(state.get(dep.name()))) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(dep.name()), path.size()));
        cycle.add(dep.name());
        error(Diagnostic.Kind.DEPENDENCY_CYCLE, dep.key().origin().problemAt(),
            "dependency cycle detected: " + String.join(" -> ", cycle), path(node, "depends_on", dep.name()));
      } else if (graph.containsKey(dep.name())) {
        visit(dep.name(), graph, state, path);
      }
    }
    state.put(node, 2);
    path.remove(path.size() - 1);
  }

  private static Double number(Node node) {
    return node instanceof ScalarNode s ? (Double) decimal(s.text()) : null;
  }

  private static Object decimal(String text) {
    try {
      return text == null ? null : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Object bytes(String text) {
    try {
      return text == null ? null : ByteSize.parse(text);
    } catch (SyntaxException e) {
      return null;
    }
  }

  private void error(Diagnostic.Kind kind, SourceRange at, String message, List<Object> offending) {
    problems.add(Diagnostic.error(kind, at, message));
    condemned.add(offending);
  }

  private static List<Object> path(Object... steps) {
    List<Object> path = new ArrayList<>(steps.length + 1);
    path.add("services");
    path.addAll(List.of(steps));
    return path;
  }
}
