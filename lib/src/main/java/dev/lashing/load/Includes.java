package dev.lashing.load;

import dev.lashing.interpolation.ProjectEnvironment;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code include:}: each entry is loaded as a project of its own (its directory, its env file, the
 * including project's variables winning) and its resources are imported. The including file's own
 * definitions are merged over the imported ones, and its {@code !reset}/{@code !override} apply to them
 * (compose-go v2.10+, Docker Compose v5).
 */
final class Includes {
  private static final List<String> IMPORTED =
      List.of("services", "networks", "volumes", "secrets", "configs", "models");

  private final ProjectLoader loader;
  private final List<Diagnostic> problems;

  Includes(ProjectLoader loader, List<Diagnostic> problems) {
    this.loader = loader;
    this.problems = problems;
  }

  /** The document {@code document} of {@code file} with what it includes imported. */
  MapNode apply(MapNode tree, Path file, int document, ProjectLoader.Scope scope, Resets resets) {
    Node include = tree.get("include");
    if (include == null) {
      return tree;
    }
    tree = tree.without("include");
    MapNode imported = MapNode.empty(include.origin());
    List<Node> entries = ProjectLoader.items(include);
    for (int i = 0; i < entries.size(); i++) {
      MapNode resources = load(entries.get(i), file, scope,
          new LoadResult.Inclusion(loader.displayName(file), document, i));
      if (resources != null) {
        imported = Merger.mergeUnique(imported, resources); // a loaded project: its lists are unique
      }
    }
    return Merger.merge(resets.applyTo(imported), tree);
  }

  private MapNode load(Node entry, Path file, ProjectLoader.Scope scope, LoadResult.Inclusion inclusion) {
    SourceRange at = entry.origin().usedAt();
    // relative to the project directory, as compose-go's local resource loader reads them (an included
    // project's for its own includes), not to the including file's folder
    Path base = scope.projectDirectory();
    List<Path> paths = new ArrayList<>();
    Path projectDirectory = null;
    List<Path> envFiles = new ArrayList<>();
    List<ScalarNode> written = new ArrayList<>();
    if (entry instanceof ScalarNode s && s.isString()) {
      written.add(s);
    } else if (entry instanceof MapNode m) {
      for (Node p : ProjectLoader.items(m.get("path"))) {
        if (p instanceof ScalarNode s) {
          written.add(s);
        }
      }
      if (m.get("project_directory") instanceof ScalarNode d) {
        projectDirectory = scope.projectDirectory().resolve(d.value()).normalize();
      }
      for (Node e : ProjectLoader.items(m.get("env_file"))) {
        if (e instanceof ScalarNode s && !s.value().equals("/dev/null")) {
          envFiles.add(scope.projectDirectory().resolve(s.value()).normalize());
        }
      }
    }
    for (ScalarNode path : written) {
      if (RemoteResources.isRemote(path.value())) {
        RemoteResources.notFetched("included file", path.value(), path.origin().usedAt(), problems);
        return null;
      }
      paths.add(base.resolve(path.value()).normalize());
    }
    if (paths.isEmpty()) {
      problems.add(Diagnostic.error(at, "include entry has no path"));
      return null;
    }
    for (Path p : paths) {
      if (scope.includeChain().contains(p) || p.equals(file)) {
        problems.add(Diagnostic.error(at, "include cycle detected: " + loader.displayName(p) + " is already being loaded"));
        return null;
      }
      if (!Files.isRegularFile(p)) {
        problems.add(Diagnostic.error(Diagnostic.Kind.MISSING_FILE, at, "included file " + loader.displayName(p) + " not found"));
        return null;
      }
    }
    if (projectDirectory == null) {
      projectDirectory = paths.get(0).getParent();
    }
    try {
      // The including project's variables win over the included project's env file.
      var environment = ProjectEnvironment.resolve(scope.environment(), envFiles, projectDirectory);
      var included = new ProjectLoader.Scope(projectDirectory, environment, scope.includeChain().then(file));
      MapNode project = loader.loadFiles(paths, included, at, inclusion);
      MapNode resources = MapNode.empty(entry.origin());
      for (String kind : IMPORTED) {
        Node value = project.get(kind);
        if (value != null) {
          resources = resources.with(kind, ProjectLoader.via(value, Via.Kind.INCLUDE, at));
        }
      }
      return resources;
    } catch (ComposeException e) {
      problems.addAll(e.diagnostics());
      return null;
    }
  }
}
