package dev.lashing.api;

import dev.lashing.interpolation.VariableReference;
import dev.lashing.model.Project;
import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import java.util.List;
import java.util.Map;

/**
 * A loaded project: the typed model, the canonical merged tree it was bound from (the shape
 * {@code docker compose config} prints), the warnings Compose would print, every variable reference, and
 * the text of every file read (by the name positions use).
 */
public record LoadResult(
    Project project,
    MapNode tree,
    List<Diagnostic> warnings,
    List<VariableReference> variables,
    Map<String, SourceFile> sources) {

  public LoadResult {
    warnings = List.copyOf(warnings);
    variables = List.copyOf(variables);
    sources = Map.copyOf(sources);
  }
}
