package dev.lashing.load;

import dev.lashing.interpolation.ProjectEnvironment;
import dev.lashing.interpolation.VariableReference;
import dev.lashing.model.Project;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.yaml.ParsedYaml;
import java.util.List;
import java.util.Map;

/**
 * A loaded project: the typed model, the canonical merged tree it was bound from (the shape
 * {@code docker compose config} prints), the warnings Compose would print, every variable reference, the
 * text of every file read (compose files, env files; by the name positions use), and which of those are
 * compose files, in the order they were read, and each compose file as the YAML reader parsed it (by name),
 * so that later stages never parse a file again; the variables the files were interpolated with
 * ({@code environment}: the project environment and {@code COMPOSE_PROJECT_NAME}), and the project environment
 * with the env files it was read from, for a later load to take as it is; and where each compose file is merged
 * ({@code placements}, by name), for what a file's {@code !reset} and {@code !override} reach.
 *
 * <p>{@code errors} is empty unless the project was loaded leniently: then it holds every reason Compose
 * refuses the project, and the model is what is left without the values they condemn.
 */
public record LoadResult(
    Project project,
    MapNode tree,
    List<Diagnostic> warnings,
    List<Diagnostic> errors,
    List<VariableReference> variables,
    Map<String, SourceFile> sources,
    List<String> composeFiles,
    Map<String, ParsedYaml> parsed,
    Map<String, String> environment,
    ProjectEnvironment.Resolved projectEnvironment,
    Map<String, Placement> placements) {

  /**
   * Where a compose file is merged: as the {@code position}-th of the files merged in order, which are the -f
   * files ({@code includedBy} null) or the files of one include entry. A file read only as an {@code extends} base
   * has none; a file merged at several places keeps the first.
   */
  public record Placement(Inclusion includedBy, int position) {}

  /** The {@code entry}-th entry of the {@code include} of document {@code document} of compose file {@code file}. */
  public record Inclusion(String file, int document, int entry) {}

  public LoadResult {
    warnings = List.copyOf(warnings);
    errors = List.copyOf(errors);
    variables = List.copyOf(variables);
    sources = Map.copyOf(sources);
    composeFiles = List.copyOf(composeFiles);
    parsed = Map.copyOf(parsed);
    placements = Map.copyOf(placements);
  }

  /** Whether Compose refuses the project (only a lenient load returns such a project). */
  public boolean refused() {
    return !errors.isEmpty();
  }
}
