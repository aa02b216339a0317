package dev.lashing.bench;

import dev.lashing.api.ComposeException;
import dev.lashing.api.LoadOptions;
import dev.lashing.load.ProjectLoader;
import dev.lashing.source.SourceFile;
import dev.lashing.yaml.SourceFiles;
import dev.lashing.yaml.YamlReader;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The loader over every compose file of the shared corpus, one pass per operation: the YAML read alone
 * (text already in memory), and the full load as {@code lashing config -f FILE} does it from the file's folder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class LoaderBenchmark {
  private CorpusFiles corpus;
  private final List<SourceFile> texts = new ArrayList<>();

  @Setup(Level.Trial)
  public void layOut() {
    corpus = CorpusFiles.materialize();
    for (Path file : corpus.composeFiles()) {
      try {
        texts.add(SourceFiles.read(file, file.getFileName().toString()));
      } catch (ComposeException unreadable) {
        // the corpus holds a few files Lashing refuses on purpose; the load pass still times them
      }
    }
  }

  @TearDown(Level.Trial)
  public void remove() {
    corpus.delete();
  }

  @Benchmark
  public void yamlRead(Blackhole sink) {
    for (SourceFile text : texts) {
      try {
        sink.consume(YamlReader.read(text));
      } catch (ComposeException refused) {
        sink.consume(refused);
      }
    }
  }

  @Benchmark
  public void load(Blackhole sink) {
    for (Path file : corpus.composeFiles()) {
      try {
        sink.consume(ProjectLoader.load(LoadOptions.of(file.getParent(), Map.of(), file)));
      } catch (ComposeException refused) {
        sink.consume(refused);
      }
    }
  }
}
