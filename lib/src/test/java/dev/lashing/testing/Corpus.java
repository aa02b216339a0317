package dev.lashing.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared corpus of real compose files ({@code ../shared/corpus}), laid out again under their original
 * paths so that includes, extends and env files resolve as they do upstream. The corpus is not ours and
 * never enters the repository; tests that use it skip, saying so, when it is absent.
 */
public final class Corpus {
  /** One corpus entry: its flat file name, repository, original path and category. */
  public record Entry(String localFile, String repo, String path, String category) {
    public boolean isCompose() {
      return path.endsWith(".yml") || path.endsWith(".yaml");
    }
  }

  private Corpus() {}

  public static Path root() {
    String configured = System.getProperty("lashing.shared");
    Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    return shared.resolve("corpus");
  }

  /** Skips the calling test, visibly, when the corpus is not beside the checkout. */
  public static void assumePresent() {
    boolean present = Files.isRegularFile(root().resolve("MANIFEST.tsv"));
    if (!present) {
      System.err.println("SKIPPED: ../shared/corpus not found at " + root().toAbsolutePath()
          + "; corpus tests skipped");
    }
    assumeTrue(present, "../shared/corpus not found: corpus tests skipped");
  }

  public static List<Entry> entries() {
    try {
      List<Entry> entries = new ArrayList<>();
      for (String line : Files.readAllLines(root().resolve("MANIFEST.tsv"))) {
        String[] f = line.split("\t");
        if (f.length >= 7 && !f[0].equals("local_file")) {
          entries.add(new Entry(f[0], f[1], f[2], f[6]));
        }
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies every corpus file to {@code dir/<repo>/<original path>} and returns that folder. */
  public static Path materialize(Path dir) {
    try {
      for (Entry e : entries()) {
        Path target = location(dir, e);
        Files.createDirectories(target.getParent());
        Files.copy(root().resolve("files").resolve(e.localFile()), target);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path location(Path dir, Entry e) {
    return dir.resolve(e.repo().replace('/', '_')).resolve(e.path());
  }
}
