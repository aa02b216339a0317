package dev.lashing.bench;

import dev.lashing.lint.Linter;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.source.ComposeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Every corpus project that loads, loaded once per trial, and the built-in rules under one policy. */
@State(Scope.Benchmark)
public class LoadedProjects {
  @Param({"DEFAULT", "PRODUCTION"})
  public Policy policy;

  final List<LoadResult> projects = new ArrayList<>();
  Linter linter;
  RuleSettings settings;

  @Setup(Level.Trial)
  public void load(CorpusState corpus) {
    for (Path file : corpus.composeFiles) {
      try {
        projects.add(ProjectLoader.load(LoadOptions.of(file.getParent(), Map.of(), file)));
      } catch (ComposeException refused) {
        // nothing to lint
      }
    }
    linter = new Linter(RuleRegistry.discover());
    settings = RuleSettings.of(policy);
  }
}
