package dev.lashing.bench;

import dev.lashing.load.LoadOptions;
import dev.lashing.load.ProjectLoader;
import dev.lashing.source.ComposeException;
import dev.lashing.testing.Corpus;
import dev.lashing.yaml.SourceFiles;
import dev.lashing.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times the loader over the shared corpus in one JVM: every compose file of {@code <shared>/corpus} is laid out
 * again under its original path (as {@link Corpus} does for the tests) and loaded as {@code lashing config -f
 * FILE} would load it, pass after pass. It prints the first (cold) pass, then, after warm-up passes, the median
 * and the fastest of the timed passes, per pass and per file, for the YAML read alone and for the full load.
 *
 * <p>{@code scripts/bench-corpus.sh} builds the classpath and runs it. Arguments: {@code [--shared DIR]
 * [--warmup N] [--iterations N]}; defaults {@code ../shared}, 5 and 20.
 */
public final class CorpusBenchmark {
  private CorpusBenchmark() {}

  /** The outcome of one pass: elapsed nanoseconds, and how many files loaded and failed. */
  private record Pass(long nanos, int ok, int failed) {}

  public static void main(String[] args) throws IOException {
    String shared = "../shared";
    int warmup = 5;
    int iterations = 20;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--shared" -> shared = args[++i];
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("usage: CorpusBenchmark [--shared DIR] [--warmup N] [--iterations N]");
          System.exit(2);
        }
      }
    }
    System.setProperty("lashing.shared", shared);
    if (!Files.isRegularFile(Corpus.root().resolve("MANIFEST.tsv"))) {
      System.err.println("corpus not found at " + Corpus.root().toAbsolutePath());
      System.exit(2);
    }
    Path tmp = Files.createTempDirectory("lashing-bench");
    try {
      Path dir = Corpus.materialize(tmp);
      List<Path> files = new ArrayList<>();
      for (Corpus.Entry e : Corpus.entries()) {
        if (e.isCompose()) {
          files.add(Corpus.location(dir, e));
        }
      }
      run(files, warmup, iterations);
    } finally {
      deleteRecursively(tmp);
    }
  }

  private static void run(List<Path> files, int warmup, int iterations) {
    System.out.printf(Locale.ROOT, "corpus: %d compose files; %d warm-up and %d timed passes; %s %s%n",
        files.size(), warmup, iterations, System.getProperty("java.vm.name"), System.getProperty("java.version"));

    Pass cold = loadPass(files);
    System.out.printf(Locale.ROOT, "full load, first pass (cold): %s (%d loaded, %d refused)%n",
        ms(cold.nanos()), cold.ok(), cold.failed());

    long[] yaml = timed(files, warmup, iterations, true);
    long[] load = timed(files, warmup, iterations, false);

    System.out.println();
    System.out.printf(Locale.ROOT, "%-22s %12s %12s %14s %14s%n", "", "median/pass", "min/pass", "median/file",
        "min/file");
    report("YAML read (parse only)", yaml, files.size());
    report("full load", load, files.size());
    System.out.printf(Locale.ROOT, "YAML read is %.0f%% of the full load (medians)%n",
        100.0 * median(yaml) / median(load));
  }

  private static long[] timed(List<Path> files, int warmup, int iterations, boolean yamlOnly) {
    for (int i = 0; i < warmup; i++) {
      pass(files, yamlOnly);
    }
    System.gc();
    long[] times = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      times[i] = pass(files, yamlOnly).nanos();
    }
    return times;
  }

  private static Pass pass(List<Path> files, boolean yamlOnly) {
    return yamlOnly ? yamlPass(files) : loadPass(files);
  }

  /** Reads and parses every file, as the loader's first step does. */
  private static Pass yamlPass(List<Path> files) {
    int ok = 0;
    int failed = 0;
    long start = System.nanoTime();
    for (Path file : files) {
      try {
        YamlReader.read(SourceFiles.read(file, file.getFileName().toString()));
        ok++;
      } catch (ComposeException e) {
        failed++;
      }
    }
    return new Pass(System.nanoTime() - start, ok, failed);
  }

  /** Loads every file as its own project, as {@code lashing config -f FILE} from the file's folder. */
  private static Pass loadPass(List<Path> files) {
    int ok = 0;
    int failed = 0;
    long start = System.nanoTime();
    for (Path file : files) {
      try {
        ProjectLoader.load(LoadOptions.of(file.getParent(), Map.of(), file));
        ok++;
      } catch (ComposeException e) {
        failed++;
      }
    }
    return new Pass(System.nanoTime() - start, ok, failed);
  }

  private static void report(String label, long[] times, int files) {
    long median = median(times);
    long min = Arrays.stream(times).min().orElse(0);
    System.out.printf(Locale.ROOT, "%-22s %12s %12s %14s %14s%n", label, ms(median), ms(min),
        us(median / Math.max(1, files)), us(min / Math.max(1, files)));
  }

  private static long median(long[] times) {
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  private static String us(long nanos) {
    return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
