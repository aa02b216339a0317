package dev.lashing.load;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceRange;
import dev.lashing.syntax.ByteSize;
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
import java.util.function.Function;

/**
 * The cross-field checks Compose makes when it loads a project, worded as Compose words them and
 * positioned at the value that refers or conflicts.
 */
final class Consistency {
  private final MapNode model;
  private final List<Diagnostic> problems;

  private Consistency(MapNode model, List<Diagnostic> problems) {
    this.model = model;
    this.problems = problems;
  }

  static void check(MapNode model, List<Diagnostic> problems) {
    new Consistency(model, problems).run();
  }

  private void run() {
    MapNode services = model.get("services") instanceof MapNode s ? s : MapNode.empty(model.origin());
    for (MapNode.Entry e : services.entries()) {
      if (e.value() instanceof MapNode service) {
        service(e.name(), e.key().origin().usedAt(), service, services);
      }
    }
    dependencyCycles(services);
  }

  private void service(String name, SourceRange at, MapNode service, MapNode services) {
    if (!service.has("image") && !service.has("build") && !service.has("provider")) {
      error(Diagnostic.Kind.INVALID_VALUE, at, "service \"" + name + "\" has neither an image nor a build context specified");
    }
    if (service.get("depends_on") instanceof MapNode deps) {
      for (MapNode.Entry d : deps.entries()) {
        if (!services.has(d.name())) {
          boolean required = !(d.value() instanceof MapNode m
              && m.get("required") instanceof ScalarNode r && "false".equals(r.text()));
          String message = "service \"" + name + "\" depends on undefined service \"" + d.name() + "\"";
          SourceRange where = d.key().origin().usedAt();
          problems.add(required ? Diagnostic.error(Diagnostic.Kind.UNDEFINED_REFERENCE, where, message)
              : Diagnostic.warning(Diagnostic.Kind.UNDEFINED_REFERENCE, where, message));
        }
      }
    }
    Node networkMode = service.get("network_mode");
    if (networkMode != null && service.entry("networks") != null
        && !(service.get("networks") instanceof MapNode n && n.isEmpty())) {
      error(Diagnostic.Kind.CONFLICTING_LIMITS, service.entry("networks").key().origin().usedAt(),
          "service " + name + " declares mutually exclusive `network_mode` and `networks`");
    }
    references(name, service.get("networks") instanceof MapNode nets ? nets.entries().stream()
        .map(MapNode.Entry::key).toList() : List.of(), "networks", "network", n -> !n.equals("default"));
    List<ScalarNode> volumeRefs = new ArrayList<>();
    Map<String, SourceRange> targets = new LinkedHashMap<>();
    for (Node v : ProjectLoader.items(service.get("volumes"))) {
      if (v instanceof MapNode mount) {
        if ("volume".equals(Trees.text(mount, "type")) && mount.get("source") instanceof ScalarNode src) {
          volumeRefs.add(src);
        }
        duplicateTarget(name, mount.get("target"), targets);
      }
    }
    references(name, volumeRefs, "volumes", "volume", n -> true);
    for (String kind : List.of("secrets", "configs")) {
      List<ScalarNode> refs = new ArrayList<>();
      for (Node ref : ProjectLoader.items(service.get(kind))) {
        if (ref instanceof MapNode m && m.get("source") instanceof ScalarNode src) {
          refs.add(src);
        } else if (ref instanceof ScalarNode s) {
          refs.add(s);
        }
      }
      references(name, refs, kind, kind.substring(0, kind.length() - 1), n -> true);
    }
    for (String key : List.of("network_mode", "ipc", "pid", "uts", "cgroup")) {
      if (service.get(key) instanceof ScalarNode s && s.text() != null && s.text().startsWith("service:")
          && !services.has(s.text().substring("service:".length()))) {
        error(Diagnostic.Kind.UNDEFINED_REFERENCE, s.origin().usedAt(),
            "service \"" + name + "\" refers to undefined service "
            + s.text().substring("service:".length()) + " in " + key);
      }
    }
    legacyLimits(name, service);
    healthcheck(name, service);
  }

  private void duplicateTarget(String service, Node target, Map<String, SourceRange> seen) {
    if (target instanceof ScalarNode t && t.text() != null) {
      SourceRange earlier = seen.putIfAbsent(t.text(), t.origin().usedAt());
      if (earlier != null) {
        error(Diagnostic.Kind.INVALID_VALUE, t.origin().usedAt(), "services." + service + ": target " + t.text()
            + " already mounted at line " + earlier.line());
      }
    }
  }

  private void references(
      String service, List<ScalarNode> refs, String kind, String singular,
      java.util.function.Predicate<String> mustBeDeclared) {
    MapNode declared = model.get(kind) instanceof MapNode m ? m : MapNode.empty(model.origin());
    for (ScalarNode ref : refs) {
      String name = ref.text();
      if (name != null && mustBeDeclared.test(name) && !declared.has(name)) {
        error(Diagnostic.Kind.UNDEFINED_REFERENCE, ref.origin().usedAt(), "service \"" + service + "\" refers to undefined " + singular + " " + name);
      }
    }
  }

  /** Legacy service-level limits and their deploy equivalents must agree when both are written. */
  private void legacyLimits(String name, MapNode service) {
    MapNode deploy = Trees.map(service, "deploy");
    MapNode resources = Trees.map(deploy, "resources");
    conflict(name, service, "cpus", Trees.map(resources, "limits"), "cpus", "deploy.resources.limits.cpus",
        Consistency::decimal);
    conflict(name, service, "mem_limit", Trees.map(resources, "limits"), "memory",
        "deploy.resources.limits.memory", Consistency::bytes);
    conflict(name, service, "mem_reservation", Trees.map(resources, "reservations"), "memory",
        "deploy.resources.reservations.memory", Consistency::bytes);
    conflict(name, service, "pids_limit", Trees.map(resources, "limits"), "pids",
        "deploy.resources.limits.pids", Consistency::decimal);
    conflict(name, service, "scale", deploy, "replicas", "deploy.replicas", Consistency::decimal);
    Double scale = number(service.get("scale"));
    Double replicas = number(deploy == null ? null : deploy.get("replicas"));
    Double count = scale != null ? scale : replicas;
    if (count != null && count > 1 && service.get("container_name") instanceof ScalarNode cn) {
      error(Diagnostic.Kind.CONFLICTING_LIMITS, cn.origin().usedAt(), "services." + name + ": container name \"" + cn.text()
          + "\" is unique: a service with a container_name cannot be scaled to " + count.longValue());
    }
  }

  private void conflict(
      String service, MapNode map, String key, MapNode deployMap, String deployKey, String deployPath,
      Function<String, Object> parse) {
    if (!(map.get(key) instanceof ScalarNode legacy) || deployMap == null
        || !(deployMap.get(deployKey) instanceof ScalarNode modern)) {
      return;
    }
    Object a = parse.apply(legacy.text());
    Object b = parse.apply(modern.text());
    if (a != null && b != null && !Objects.equals(a, b)) {
      error(Diagnostic.Kind.CONFLICTING_LIMITS, legacy.origin().usedAt(),
          "services." + service + ": can't set distinct values on '" + key + "' and '" + deployPath + "'");
    }
  }

  private void healthcheck(String name, MapNode service) {
    MapNode hc = Trees.map(service, "healthcheck");
    if (hc != null && hc.get("test") instanceof SeqNode test && test.size() > 0
        && test.get(0) instanceof ScalarNode first
        && !List.of("CMD", "CMD-SHELL", "NONE").contains(first.text())) {
      error(Diagnostic.Kind.INVALID_VALUE, first.origin().usedAt(), "services." + name
          + ".healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"");
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
      List<String> path = new ArrayList<>();
      if (visit(e.name(), graph, state, path)) {
        return; // one cycle is enough to refuse the project, as Compose does
      }
    }
  }

  private boolean visit(String node, Map<String, List<MapNode.Entry>> graph, Map<String, Integer> state,
      List<String> path) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return false;
    }
    path.add(node);
    state.put(node, 1);
    for (MapNode.Entry dep : graph.getOrDefault(node, List.of())) {
      if (Integer.valueOf(1).equals(state.get(dep.name()))) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(dep.name()), path.size()));
        cycle.add(dep.name());
        error(Diagnostic.Kind.DEPENDENCY_CYCLE, dep.key().origin().usedAt(), "dependency cycle detected: " + String.join(" -> ", cycle));
        return true;
      }
      if (graph.containsKey(dep.name()) && visit(dep.name(), graph, state, path)) {
        return true;
      }
    }
    state.put(node, 2);
    path.remove(path.size() - 1);
    return false;
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

  private void error(Diagnostic.Kind kind, SourceRange at, String message) {
    problems.add(Diagnostic.error(kind, at, message));
  }
}
