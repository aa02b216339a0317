package dev.lashing.bench;

import dev.lashing.api.ComposeException;
import dev.lashing.api.LoadOptions;
import dev.lashing.api.LoadResult;
import dev.lashing.lint.Linter;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.ProjectLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The lint engine with the built-in rules over every corpus project that loads, one pass per operation; the
 * projects are loaded once beforehand, so only the rules and suppressions are timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class LintBenchmark {
  @Param({"DEFAULT", "PRODUCTION"})
  public Policy policy;

  private final List<LoadResult> projects = new ArrayList<>();
  /** Kept on disk while linting: rules read what a project points at, such as a build's Dockerfile. */
  private CorpusFiles corpus;
  private Linter linter;
  private RuleSettings settings;

  @Setup(Level.Trial)
  public void load() {
    corpus = CorpusFiles.materialize();
    for (Path file : corpus.composeFiles()) {
      try {
        projects.add(ProjectLoader.load(LoadOptions.of(file.getParent(), Map.of(), file)));
      } catch (ComposeException refused) {
        // nothing to lint
      }
    }
    linter = new Linter(RuleRegistry.discover());
    settings = RuleSettings.of(policy);
  }

  @TearDown(Level.Trial)
  public void remove() {
    corpus.delete();
  }

  @Benchmark
  public void lint(Blackhole sink) {
    for (LoadResult project : projects) {
      sink.consume(linter.lint(project, settings));
    }
  }
}
