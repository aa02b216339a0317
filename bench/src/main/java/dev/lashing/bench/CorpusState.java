package dev.lashing.bench;

import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import dev.lashing.testing.Corpus;
import dev.lashing.yaml.SourceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The compose files of the shared corpus, laid out under their original paths in a temporary folder for one
 * trial (includes, extends and env files then resolve; rules read what projects point at, such as a build's
 * Dockerfile), with their texts read into memory; removed after the trial.
 */
@State(Scope.Benchmark)
public class CorpusState {
  private Path dir;
  final List<Path> composeFiles = new ArrayList<>();
  /** The texts of the compose files Lashing can read (the corpus refuses a few on purpose). */
  final List<SourceFile> texts = new ArrayList<>();

  /** The corpus is {@code $lashing.shared/corpus}, {@code ../shared} by default (beside the checkout). */
  @Setup(Level.Trial)
  public void layOut() throws IOException {
    if (System.getProperty("lashing.shared") == null) {
      System.setProperty("lashing.shared", "../shared");
    }
    if (!Files.isRegularFile(Corpus.root().resolve("MANIFEST.tsv"))) {
      throw new IllegalStateException("no corpus at " + Corpus.root().toAbsolutePath()
          + "; pass -jvmArgs -Dlashing.shared=DIR (the folder that holds corpus/)");
    }
    dir = Files.createTempDirectory("lashing-bench");
    Corpus.materialize(dir);
    for (Corpus.Entry e : Corpus.entries()) {
      if (e.isCompose()) {
        Path file = Corpus.location(dir, e);
        composeFiles.add(file);
        try {
          texts.add(SourceFiles.read(file, file.getFileName().toString()));
        } catch (ComposeException unreadable) {
          // the load benchmark still times its refusal
        }
      }
    }
  }

  @TearDown(Level.Trial)
  public void remove() {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
