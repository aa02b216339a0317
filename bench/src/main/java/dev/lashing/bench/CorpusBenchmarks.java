package dev.lashing.bench;

import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import dev.lashing.yaml.YamlReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The loader and the lint engine over the whole shared corpus, one pass per operation: the YAML read alone
 * (texts already in memory), the full load as {@code lashing config -f FILE} does it from the file's folder,
 * and the lint of every project that loads (loaded beforehand, so only rules and suppressions are timed).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class CorpusBenchmarks {

  @Benchmark
  public void yamlRead(CorpusState corpus, Blackhole sink) {
    for (SourceFile text : corpus.texts) {
      try {
        sink.consume(YamlReader.read(text));
      } catch (ComposeException refused) {
        sink.consume(refused);
      }
    }
  }

  @Benchmark
  public void load(CorpusState corpus, Blackhole sink) {
    for (Path file : corpus.composeFiles) {
      try {
        sink.consume(ProjectLoader.load(LoadOptions.of(file.getParent(), Map.of(), file)));
      } catch (ComposeException refused) {
        sink.consume(refused);
      }
    }
  }

  @Benchmark
  public void lint(LoadedProjects loaded, Blackhole sink) {
    for (LoadResult project : loaded.projects) {
      sink.consume(loaded.linter.lint(project, loaded.settings));
    }
  }
}
