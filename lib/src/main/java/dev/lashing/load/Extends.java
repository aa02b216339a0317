package dev.lashing.load;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.Via;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.tree.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code extends:} for the services of one document. The base (same file or another, interpolated with the
 * same variables, its paths relative to its own directory) is resolved first, recursively; the extending
 * file's {@code !reset}/{@code !override} paths are applied to it; then the service is merged over it with
 * the same rules as override files. Cycles are errors.
 */
final class Extends {
  private final ProjectLoader loader;
  private final List<Diagnostic> problems;
  /** Services of other files named by {@code extends.file}, by absolute path. */
  private final Map<Path, MapNode> otherFiles = new HashMap<>();
  /** The {@code !reset}/{@code !override} paths of each of those files, which apply to what its services extend. */
  private final Map<Path, Resets> otherResets = new HashMap<>();
  private final Deque<String> chain = new ArrayDeque<>();
  /** The services of the document being resolved. */
  private MapNode own;
  /**
   * Resolved services, by the mapping of services they are in (identity) and name: the document's own (each is
   * part of the result anyway) and the services of other files that they extend directly. A chain of n services
   * of one file, or n services extending one base, is then resolved once; the steps of a chain through other
   * files are not kept, so a chain through a thousand files keeps no copy of each step.
   */
  private final Map<MapNode, Map<String, MapNode>> kept = new IdentityHashMap<>();
  /** The nodes of each base copied so far, counted once. */
  private final Map<MapNode, Long> sizes = new IdentityHashMap<>();

  Extends(ProjectLoader loader, List<Diagnostic> problems) {
    this.loader = loader;
    this.problems = problems;
  }

  MapNode apply(MapNode tree, Path file, ProjectLoader.Scope scope, Resets resets) {
    if (!(tree.get("services") instanceof MapNode services)) {
      return tree;
    }
    own = services;
    List<MapNode.Entry> resolved = new ArrayList<>();
    boolean changed = false;
    for (MapNode.Entry e : services.entries()) {
      if (e.value() instanceof MapNode service && service.has("extends")) {
        try {
          resolved.add(e.withValue(resolve(e.name(), services, file, scope, resets)));
        } catch (ComposeException ex) {
          problems.addAll(ex.diagnostics());
          loader.incomplete(e.name());
          resolved.add(e.withValue(service.without("extends")));
        }
        changed = true;
      } else {
        resolved.add(e);
      }
    }
    return changed ? tree.with("services", services.withEntries(resolved)) : tree;
  }

  /** The service named {@code name} in {@code services} (of {@code file}) with its extends chain applied. */
  private MapNode resolve(String name, MapNode services, Path file, ProjectLoader.Scope scope, Resets resets) {
    MapNode done = kept.getOrDefault(services, Map.of()).get(name);
    if (done != null) {
      return done;
    }
    MapNode service = (MapNode) services.get(name);
    Node extendsNode = service.get("extends");
    if (!(extendsNode instanceof MapNode spec) || !(spec.get("service") instanceof ScalarNode baseName)) {
      return service.without("extends");
    }
    String key = loader.displayName(file) + ":" + name;
    if (chain.contains(key)) {
      StringBuilder cycle = new StringBuilder("Circular reference:");
      boolean first = true;
      for (var steps = chain.descendingIterator(); steps.hasNext(); first = false) {
        String step = steps.next();
        cycle.append(first ? "\n  " : "\n  extends ").append(step.substring(step.lastIndexOf(':') + 1))
            .append(" in ").append(step, 0, step.lastIndexOf(':'));
      }
      cycle.append("\n  extends ").append(name).append(" in ").append(loader.displayName(file));
      throw new ComposeException(extendsNode.origin().usedAt(), cycle.toString());
    }
    Path baseFile = file;
    MapNode baseServices = services;
    Resets baseResets = resets;
    if (spec.get("file") instanceof ScalarNode other && RemoteResources.isRemote(other.value())) {
      RemoteResources.notFetched("extends file", other.value(), other.origin().usedAt(), problems);
      loader.incomplete(name);
      return service.without("extends");
    }
    if (spec.get("file") instanceof ScalarNode other) {
      // as compose-go's local resource loader: a file named by a service of the project's own files (or of an
      // included project's) is relative to the project directory, one named by a base file to that file
      Path relativeTo = services == own ? scope.projectDirectory() : file.getParent();
      baseFile = relativeTo.resolve(other.value()).normalize();
      baseServices = servicesOf(baseFile, scope, other);
      baseResets = otherResets.get(baseFile); // another file's tags are its own
    }
    if (baseServices.get(baseName.value()) instanceof ScalarNode declared && declared.isNull()) {
      // a base named but left empty (`nil:`) adds nothing in compose-go: the service stays as it is written
      return service.without("extends");
    }
    if (!(baseServices.get(baseName.value()) instanceof MapNode)) {
      throw new ComposeException(Diagnostic.Kind.UNDEFINED_REFERENCE, baseName.origin().usedAt(),
          "cannot extend service \"" + name + "\" in " + loader.displayName(file) + ": service \""
              + baseName.value() + "\" not found in " + loader.displayName(baseFile));
    }
    chain.push(key);
    MapNode base;
    try {
      base = resolve(baseName.value(), baseServices, baseFile, scope, baseResets);
    } finally {
      chain.pop();
    }
    if (services == own) {
      copyWithinBudget(base, baseName.value(), name, extendsNode);
    } else {
      copyStepWithinBudget(base, baseName.value(), baseFile, name, file, extendsNode);
    }
    MapNode inherited = (MapNode) ProjectLoader.via(base, Via.Kind.EXTENDS, extendsNode.origin().usedAt());
    MapNode merged = Merger.mergeService(resets.applyToService(name, inherited), service.without("extends"));
    if (services == own) {
      keep(baseServices, baseName.value(), base);
      keep(services, name, merged);
    }
    return merged;
  }

  /**
   * Counts the copy of {@code base} into service {@code name} of the document against the load's
   * {@link ExpansionBudget}: its port bindings and its nodes, which the project will hold. The steps of a chain
   * through other files, each dropped once the next is made, count apart ({@link ExpansionBudget#copyStep}).
   *
   * @throws ComposeException at {@code extendsNode} when the budget has no room for it
   */
  private void copyWithinBudget(MapNode base, String baseName, String name, Node extendsNode) {
    int ports = base.get("ports") instanceof SeqNode seq ? seq.size() : 0;
    long nodes = sizes.computeIfAbsent(base, Trees::size);
    ExpansionBudget budget = loader.budget();
    String refused = switch (budget.copyBase(nodes, ports, loader::charactersRead)) {
      case NONE -> null;
      case BINDINGS -> String.format(Locale.ROOT, "extends would copy the %,d port bindings of service \"%s\" into"
          + " \"%s\": with those that ranges and extends made before, %s. Publish the ports in fewer services", ports,
          baseName, name, budget.pastBindingsLimit());
      case NODES -> String.format(Locale.ROOT, "extends would copy service \"%s\", %,d nodes, into \"%s\": with the"
          + " copies before it, %s. Extend a smaller base, or fewer times", baseName, nodes, name,
          budget.pastCopiedNodesLimit("extends and env files", loader::charactersRead));
    };
    if (refused != null) {
      throw new ComposeException(ExpansionBudget.refusal(extendsNode.origin().usedAt(), refused));
    }
  }

  /**
   * Counts the copy of {@code base} (of {@code baseFile}) into service {@code name} of {@code file}, a step of a
   * chain through other files, against the load's {@link ExpansionBudget}.
   *
   * @throws ComposeException at {@code extendsNode} when the budget has no room for it
   */
  private void copyStepWithinBudget(MapNode base, String baseName, Path baseFile, String name, Path file,
      Node extendsNode) {
    long nodes = Trees.size(base);
    if (!loader.budget().copyStep(nodes)) {
      throw new ComposeException(ExpansionBudget.refusal(extendsNode.origin().usedAt(), String.format(Locale.ROOT,
          "extends would copy service \"%s\" of %s, %,d nodes, into \"%s\" of %s: with the steps before it, %s."
          + " Extend a smaller base, or through fewer files", baseName, loader.displayName(baseFile), nodes, name,
          loader.displayName(file), ExpansionBudget.pastStepNodesLimit())));
    }
  }

  private void keep(MapNode services, String name, MapNode resolved) {
    kept.computeIfAbsent(services, in -> new HashMap<>()).put(name, resolved);
  }

  private MapNode servicesOf(Path file, ProjectLoader.Scope scope, ScalarNode namedAt) {
    MapNode known = otherFiles.get(file);
    if (known != null) {
      return known;
    }
    if (!Files.isRegularFile(file)) {
      throw new ComposeException(Diagnostic.Kind.MISSING_FILE, namedAt.origin().usedAt(), "extends file " + loader.displayName(file) + " not found");
    }
    MapNode merged = MapNode.empty(namedAt.origin());
    Resets resets = Resets.NONE;
    for (Node document : loader.parseCompose(file).documents()) {
      if (document instanceof MapNode map) {
        // the file's own !reset/!override tags, as compose-go's ResetProcessor of that file: its !reset values
        // are dropped, and the tagged paths are deleted from its earlier documents and from the bases its
        // services extend
        resets = Resets.collect(map);
        MapNode tree = Canonicalizer.canonicalize(loader.interpolate(resets.stripResets(map), scope), problems,
            loader.budget());
        merged = Merger.merge(resets.applyTo(merged), tree);
      }
    }
    otherResets.put(file, resets);
    // no defaults yet (compose-go loads a base with SkipDefaultValues): a build without context takes the
    // extending project's directory once merged, not the base file's
    merged = PathResolver.resolve(merged, file.getParent());
    MapNode services = merged.get("services") instanceof MapNode s ? s : MapNode.empty(namedAt.origin());
    otherFiles.put(file, services);
    return services;
  }
}
