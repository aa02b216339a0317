package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.lashing.render.ConfigWriter;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * End-to-end golden tests of the loader and of {@code lashing config}: each folder under
 * {@code src/test/resources/dev/lashing/load/golden/} is one case. Its input files are copied to a temporary
 * directory (named after the case, or {@code dir} below), loaded as {@code docker compose config} would load
 * them, and the outcome is compared with the expectation files of the case:
 *
 * <ul>
 *   <li>{@code config.yaml}: what {@code lashing config} prints ({@link ConfigWriter#yaml}) when the project
 *       loads, with the copied case folder written {@code ${CASE}}, the temporary folder holding it
 *       {@code ${TMP}} and the home directory {@code ${HOME}};
 *   <li>{@code warnings.txt}: the warnings of a project that loads, one {@code file:line:col: message} a line;
 *   <li>{@code errors.txt}: the errors of a project Compose refuses, in the same form.
 * </ul>
 *
 * <p>A line break inside a message is written {@code \n}. {@code case.properties} holds the command line:
 * {@code files} (the {@code -f} files, comma-separated; absent means none, so files are discovered),
 * {@code env_files}, {@code profiles}, {@code project_name}, {@code project_directory}, {@code workdir} (the
 * working directory inside the case, default the case itself), {@code dir} (the name of the copied folder,
 * which is the default project name) and {@code env.NAME} (the process environment; nothing else of the real
 * environment is seen). {@code description} says what the case checks.
 *
 * <p>Expectation files hold what Docker Compose v2 does, not what Lashing happens to print. A case that shows a
 * known bug is listed in {@code known-failing.txt} ({@code case: reason}); it is reported as skipped with the
 * reason while it still fails, and fails once it passes so that the entry gets removed.
 * {@code -Dlashing.updateGolden=true} rewrites the expectations of every other case; review the diff by hand
 * against the Compose notes before committing it.
 */
class LoaderGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/dev/lashing/load/golden");
  static final List<String> OUTPUTS = List.of("config.yaml", "warnings.txt", "errors.txt");
  private static final Set<String> NOT_INPUT =
      Set.of("case.properties", "config.yaml", "warnings.txt", "errors.txt");

  @TestFactory
  Stream<DynamicTest> goldenCases() throws IOException {
    Map<String, String> knownFailing = knownFailing(GOLDEN.resolve("known-failing.txt"));
    List<Path> cases;
    try (Stream<Path> list = Files.list(GOLDEN)) {
      cases = list.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).as("golden cases under %s", GOLDEN.toAbsolutePath()).isNotEmpty();
    Set<String> names = new LinkedHashSet<>();
    cases.forEach(c -> names.add(c.getFileName().toString()));
    assertThat(names).as("every entry of known-failing.txt names a case").containsAll(knownFailing.keySet());
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(),
        () -> check(c, knownFailing.get(c.getFileName().toString()))));
  }

  private static void check(Path caseDir, String knownBug) throws IOException {
    Map<String, String> actual = run(caseDir);
    if (Boolean.getBoolean("lashing.updateGolden") && knownBug == null) {
      for (String name : OUTPUTS) {
        Path file = caseDir.resolve(name);
        if (actual.containsKey(name)) {
          Files.writeString(file, actual.get(name), StandardCharsets.UTF_8);
        } else {
          Files.deleteIfExists(file);
        }
      }
      return;
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (String name : OUTPUTS) {
      Path file = caseDir.resolve(name);
      if (Files.exists(file)) {
        expected.put(name, Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertThat(expected).as("%s has no config.yaml or errors.txt", caseDir).isNotEmpty();
    boolean same = render(expected).equals(render(actual));
    if (knownBug != null) {
      if (same) {
        fail(caseDir.getFileName() + " passes now: remove it from known-failing.txt");
      }
      Assumptions.abort("known failing: " + knownBug);
    }
    assertThat(render(actual)).as("outcome of golden case %s", caseDir).isEqualTo(render(expected));
  }

  /** The expectation files of a case as one text, so a difference shows as one diff. */
  private static String render(Map<String, String> outputs) {
    StringBuilder text = new StringBuilder();
    outputs.forEach((name, content) -> text.append("=== ").append(name).append(" ===\n").append(content));
    return text.toString();
  }

  /**
   * Loads a case from a fresh copy and returns its outcome: {@code config.yaml} and, if any,
   * {@code warnings.txt}; or {@code errors.txt}.
   */
  static Map<String, String> run(Path caseDir) throws IOException {
    return run(caseDir, ProjectLoader::load);
  }

  /** The same with another way to load; the errors a lenient load keeps are {@code errors.txt}. */
  static Map<String, String> run(Path caseDir, Function<LoadOptions, LoadResult> loader) throws IOException {
    Properties props = new Properties();
    Path propsFile = caseDir.resolve("case.properties");
    if (Files.exists(propsFile)) {
      try (Reader in = Files.newBufferedReader(propsFile, StandardCharsets.UTF_8)) {
        props.load(in);
      }
    }
    Path tmp = Files.createTempDirectory("lashing-golden");
    try {
      Path root = tmp.resolve(props.getProperty("dir", caseDir.getFileName().toString()));
      copyInputs(caseDir, root);
      root = root.toRealPath();
      Map<String, String> environment = new LinkedHashMap<>();
      for (String key : props.stringPropertyNames()) {
        if (key.startsWith("env.")) {
          environment.put(key.substring("env.".length()), props.getProperty(key));
        }
      }
      String projectDirectory = props.getProperty("project_directory");
      LoadOptions options = new LoadOptions(
          paths(props.getProperty("files")),
          root.resolve(props.getProperty("workdir", ".")).normalize(),
          projectDirectory == null ? null : Path.of(projectDirectory),
          paths(props.getProperty("env_files")),
          new LinkedHashSet<>(list(props.getProperty("profiles"))),
          props.getProperty("project_name"),
          environment);
      Map<String, String> outcome = new LinkedHashMap<>();
      try {
        LoadResult result = loader.apply(options);
        outcome.put("config.yaml", placeholders(ConfigWriter.yaml(result.tree()), root));
        if (!result.warnings().isEmpty()) {
          outcome.put("warnings.txt", placeholders(lines(result.warnings()), root));
        }
        if (!result.errors().isEmpty()) {
          outcome.put("errors.txt", placeholders(lines(result.errors()), root));
        }
      } catch (ComposeException e) {
        outcome.put("errors.txt", placeholders(lines(e.diagnostics()), root));
      }
      return outcome;
    } finally {
      deleteRecursively(tmp);
    }
  }

  private static String lines(List<Diagnostic> diagnostics) {
    StringBuilder text = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      text.append(d.toString().replace("\n", "\\n")).append('\n');
    }
    return text.toString();
  }

  private static String placeholders(String text, Path root) {
    String home = System.getProperty("user.home");
    text = text.replace(root.toString(), "${CASE}").replace(root.getParent().toString(), "${TMP}");
    return home == null || home.length() < 2 ? text : text.replace(home, "${HOME}");
  }

  private static List<Path> paths(String value) {
    return list(value).stream().map(Path::of).toList();
  }

  private static List<String> list(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static void copyInputs(Path from, Path to) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    Files.createDirectories(to);
    for (Path file : files) {
      Path relative = from.relativize(file);
      if (relative.getNameCount() == 1 && NOT_INPUT.contains(relative.toString())) {
        continue;
      }
      Path target = to.resolve(relative.toString());
      Files.createDirectories(target.getParent());
      Files.copy(file, target);
    }
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

  /** {@code case: reason} lines; blank lines and {@code #} comments are ignored. */
  static Map<String, String> knownFailing(Path file) throws IOException {
    Map<String, String> known = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return known;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      known.put(colon < 0 ? trimmed : trimmed.substring(0, colon).strip(),
          colon < 0 ? "(no reason given)" : trimmed.substring(colon + 1).strip());
    }
    return known;
  }
}
