package dev.lashing.bench;

import dev.lashing.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compose files of the shared corpus, laid out under their original paths in a temporary folder for one
 * benchmark trial (includes, extends and env files then resolve), and removed after it.
 */
final class CorpusFiles {
  private final Path dir;
  private final List<Path> composeFiles = new ArrayList<>();

  private CorpusFiles(Path dir) {
    this.dir = dir;
  }

  /** Lays the corpus out; the corpus is {@code $lashing.shared/corpus} ({@code ../shared} by default). */
  static CorpusFiles materialize() {
    if (System.getProperty("lashing.shared") == null) {
      System.setProperty("lashing.shared", "../shared");
    }
    if (!Files.isRegularFile(Corpus.root().resolve("MANIFEST.tsv"))) {
      throw new IllegalStateException("no corpus at " + Corpus.root().toAbsolutePath()
          + "; pass -Dlashing.shared=DIR (the folder that holds corpus/) to the benchmark JVM with -jvmArgs");
    }
    try {
      CorpusFiles files = new CorpusFiles(Files.createTempDirectory("lashing-bench"));
      Corpus.materialize(files.dir);
      for (Corpus.Entry e : Corpus.entries()) {
        if (e.isCompose()) {
          files.composeFiles.add(Corpus.location(files.dir, e));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Path> composeFiles() {
    return composeFiles;
  }

  void delete() {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
