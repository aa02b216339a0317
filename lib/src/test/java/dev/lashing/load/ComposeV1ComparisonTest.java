package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lashing.render.ConfigWriter;
import dev.lashing.source.ComposeException;
import dev.lashing.syntax.ShellWords;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.testing.Corpus;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Loads every corpus compose file with our loader and with the old Python {@code docker-compose} 1.29, and
 * compares, per service, what both print with {@code config}: image, environment, ports, volumes, networks,
 * command and entrypoint. v1 is not the reference (Compose v2 is), so a difference is either our bug, to be
 * fixed, or a v1 behaviour (YAML 1.1, v1-only rules, files v1 refuses) pinned with its reason in
 * {@code compose-v1-known-differences.tsv}. An entry there that no longer differs fails the test too.
 *
 * <p>Besides the corpus it loads the small projects under {@code compose-v1-cases/} (named
 * {@code cases/<folder>}), which cover what the corpus lacks. Both loaders get a clean environment, and our
 * loader every profile, as v1 prints every service. {@code -Dlashing.v1.trace=<part of a file name>} prints
 * every compared value of the matching files.
 *
 * <p>Skips, saying so, when the corpus or {@code docker-compose} v1 is absent; scripts/install-test-tools.sh
 * installs it.
 */
class ComposeV1ComparisonTest {
  private static final Path RESOURCES = Path.of("src/test/resources/dev/lashing/load");
  private static final Path KNOWN = RESOURCES.resolve("compose-v1-known-differences.tsv");
  /** Small projects of our own, one folder each with a compose.yaml, for what the corpus lacks. */
  private static final Path CASES_DIR = RESOURCES.resolve("compose-v1-cases");
  private static final String CASES = "cases/";
  private static final String V1 = "docker-compose";
  private static final long TIMEOUT_SECONDS = 20;
  /** Marks a whole file v1 refuses, in the service and field columns. */
  private static final String ANY = "*";
  private static final String REJECTED = "rejected";

  /**
   * Reads both outputs with null and booleans resolved and every other plain scalar kept as text: v1's
   * PyYAML quotes only what YAML 1.1 would misread, so a plain {@code 1e3} in its output is the string, not
   * the YAML 1.2 float. Values are compared as text anyway.
   */
  private static final Schema NULLS_AND_BOOLEANS = new CoreSchema() {
    private final Pattern nulls = Pattern.compile("~|null|Null|NULL|");
    private final Pattern booleans = Pattern.compile("true|True|TRUE|false|False|FALSE");

    @Override
    public ScalarResolver getScalarResolver() {
      return (value, implicit) -> !implicit ? Tag.STR
          : nulls.matcher(value).matches() ? Tag.NULL
          : booleans.matcher(value).matches() ? Tag.BOOL
          : Tag.STR;
    }
  };

  /** A compose file to load with both, by the name the report and the known list use. */
  record Subject(String name, Path file) {}

  /** One difference: a file (its corpus name), a service ({@code *} for the file) and a field. */
  record Difference(String file, String service, String field, String detail) {}

  /** One line of the known-differences list. */
  record Known(String file, String service, String field, String reason, int line) {
    boolean matches(Difference d) {
      return file.equals(d.file()) && (service.equals(ANY) || service.equals(d.service()))
          && field.equals(d.field());
    }
  }

  @Test
  void ourLoaderAgreesWithComposeV1(@TempDir Path tmp) throws Exception {
    long start = System.nanoTime();
    Corpus.assumePresent();
    Optional<Path> v1 = onPath(V1);
    if (v1.isEmpty()) {
      System.err.println("SKIPPED: docker-compose not installed (scripts/install-test-tools.sh installs it)");
    }
    assumeTrue(v1.isPresent(), "docker-compose not installed (scripts/install-test-tools.sh installs it)");
    String version = version(v1.get());
    if (!version.startsWith("1.")) {
      System.err.println("SKIPPED: docker-compose on PATH is " + version + ", not the Python v1 this test compares"
          + " with (scripts/install-test-tools.sh installs it)");
    }
    assumeTrue(version.startsWith("1."), "docker-compose on PATH is not v1");

    Path dir = Corpus.materialize(tmp.resolve("corpus")).toRealPath();
    List<Subject> subjects = new ArrayList<>();
    for (Corpus.Entry e : Corpus.entries()) {
      if (e.isCompose()) {
        subjects.add(new Subject(e.localFile(), Corpus.location(dir, e)));
      }
    }
    subjects.addAll(cases(tmp.resolve("cases")));

    // v1 runs in a small pool while we load the next files: its start-up (~0.4 s a call) dominates
    Map<Subject, Map<String, Object>> ours = new LinkedHashMap<>();
    Map<Subject, Future<V1Result>> theirs = new LinkedHashMap<>();
    int weReject = 0;
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.max(2, Math.min(3, Runtime.getRuntime().availableProcessors())));
    try {
      for (Subject subject : subjects) {
        Path file = subject.file();
        try {
          // every profile, as v1 prints the services of every profile
          LoadResult result = ProjectLoader.load(new LoadOptions(
              List.of(file), file.getParent(), null, List.of(), Set.of("*"), null, Map.of()));
          Map<String, Object> printed = parse(ConfigWriter.yaml(result.tree()));
          createBuildContexts(printed, tmp.toRealPath());
          ours.put(subject, printed);
          theirs.put(subject, pool.submit(() -> config(v1.get(), file)));
        } catch (ComposeException ex) {
          if (subject.name().startsWith(CASES)) {
            throw new AssertionError(subject.name() + " must load: " + ex.getMessage(), ex);
          }
          weReject++;
        }
      }
      for (Future<V1Result> f : theirs.values()) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<Difference> differences = new ArrayList<>();
    int compared = 0;
    int v1Rejects = 0;
    for (Map.Entry<Subject, Map<String, Object>> e : ours.entrySet()) {
      V1Result r = theirs.get(e.getKey()).get();
      String name = e.getKey().name();
      if (r.exitCode() != 0) {
        v1Rejects++;
        differences.add(new Difference(name, ANY, REJECTED, r.firstError(tmp.toRealPath())));
        continue;
      }
      compared++;
      differences.addAll(compare(name, e.getValue(), parse(r.stdout())));
    }

    List<Known> known = readKnown();
    List<String> problems = new ArrayList<>();
    Map<String, List<String>> unexpected = new TreeMap<>();
    Set<Known> used = new LinkedHashSet<>();
    for (Difference d : differences) {
      List<Known> matching = known.stream().filter(k -> k.matches(d)).toList();
      if (matching.isEmpty()) {
        unexpected.computeIfAbsent(d.file(), f -> new ArrayList<>())
            .add("  " + d.service() + " " + d.field() + ": " + d.detail());
      }
      used.addAll(matching);
    }
    unexpected.forEach((file, lines) -> {
      problems.add(file + ":");
      problems.addAll(lines);
    });
    for (Known k : known) {
      if (!used.contains(k)) {
        problems.add("stale known difference (line " + k.line() + "), no longer differs: "
            + k.file() + " " + k.service() + " " + k.field() + " (" + k.reason() + ")");
      }
    }

    int unexpectedCount = unexpected.values().stream().mapToInt(List::size).sum();
    System.out.printf("compose v1 comparison: %d files compared, %d files v1 rejects, %d files we reject,"
        + " %d differences known (%d entries), %d unexpected, %d stale, in %d s%n", compared, v1Rejects,
        weReject, differences.size() - unexpectedCount, known.size(), unexpectedCount, known.size() - used.size(),
        (System.nanoTime() - start) / 1_000_000_000L);
    assertThat(problems)
        .as("differences from docker-compose v1 that are not in %s (fix ours, or add the v1 behaviour with"
            + " its reason):%n%s%n", KNOWN, String.join("\n", problems))
        .isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------
  // Comparison

  static List<Difference> compare(String file, Map<String, Object> ours, Map<String, Object> theirs) {
    List<Difference> out = new ArrayList<>();
    Map<String, Object> ourServices = map(ours.get("services"));
    Map<String, Object> theirServices = map(theirs.get("services"));
    Set<String> names = new TreeSet<>(ourServices.keySet());
    names.addAll(theirServices.keySet());
    for (String name : names) {
      if (!ourServices.containsKey(name) || !theirServices.containsKey(name)) {
        out.add(new Difference(file, name, "service",
            ourServices.containsKey(name) ? "only ours has it" : "only v1 has it"));
        continue;
      }
      Map<String, Object> o = map(ourServices.get(name));
      Map<String, Object> t = map(theirServices.get(name));
      check(out, file, name, "image", scalar(o.get("image")), scalar(t.get("image")));
      check(out, file, name, "environment", environment(o.get("environment")),
          environment(t.get("environment")));
      check(out, file, name, "ports", ports(o.get("ports")), ports(t.get("ports")));
      check(out, file, name, "volumes", volumes(o.get("volumes")), volumes(t.get("volumes")));
      check(out, file, name, "networks", networks(o), networks(t));
      check(out, file, name, "command", words(o.get("command")), words(t.get("command")));
      check(out, file, name, "entrypoint", words(o.get("entrypoint")), words(t.get("entrypoint")));
    }
    return out;
  }

  private static void check(List<Difference> out, String file, String service, String field, Object ours,
      Object theirs) {
    String trace = System.getProperty("lashing.v1.trace");
    if (trace != null && file.contains(trace)) {
      System.out.println(file + " " + service + " " + field + ": ours " + ours + ", v1 " + theirs);
    }
    if (Objects.equals(ours, theirs)) {
      return;
    }
    if (ours instanceof Map<?, ?> o && theirs instanceof Map<?, ?> t) {
      // only the keys that differ: an environment has dozens
      Set<Object> keys = new TreeSet<>(o.keySet());
      keys.addAll(t.keySet());
      List<String> details = new ArrayList<>();
      for (Object key : keys) {
        if (o.containsKey(key) != t.containsKey(key) || !Objects.equals(o.get(key), t.get(key))) {
          details.add(key + ": ours " + (o.containsKey(key) ? o.get(key) : "<absent>") + ", v1 "
              + (t.containsKey(key) ? t.get(key) : "<absent>"));
        }
      }
      out.add(new Difference(file, service, field, String.join("; ", details)));
    } else {
      out.add(new Difference(file, service, field, "ours " + ours + ", v1 " + theirs));
    }
  }

  /** Both sides print every {@code $} as {@code $$}; compare the values they stand for. */
  static String scalar(Object value) {
    return value == null ? null : String.valueOf(value).replace("$$", "$");
  }

  /** Name to value as text; an unresolved {@code KEY} stays null on both sides. */
  static Map<String, String> environment(Object value) {
    Map<String, String> out = new TreeMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), scalar(v)));
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        String s = scalar(item);
        int eq = s.indexOf('=');
        out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
      }
    }
    return out;
  }

  /**
   * Each port as {@code host_ip:published:target/protocol}, from long forms and from v1's legacy strings,
   * sorted but not de-duplicated, so a uniqueness slip shows.
   */
  static List<String> ports(Object value) {
    List<String> out = new ArrayList<>();
    for (Object item : list(value)) {
      if (item instanceof Map<?, ?> m) {
        out.add(port(text(m.get("host_ip")), text(m.get("published")), text(m.get("target")),
            text(m.get("protocol"))));
      } else {
        // v1's legacy_repr: [[ip:]published:]target[/protocol]; an IPv6 address keeps its colons
        String s = String.valueOf(item);
        String protocol = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
          protocol = s.substring(slash + 1);
          s = s.substring(0, slash);
        }
        int last = s.lastIndexOf(':');
        String target = s.substring(last + 1);
        String published = null;
        String ip = null;
        if (last >= 0) {
          String rest = s.substring(0, last);
          int prev = rest.lastIndexOf(':');
          published = rest.substring(prev + 1);
          ip = prev >= 0 ? rest.substring(0, prev) : null;
        }
        out.add(port(ip, published, target, protocol));
      }
    }
    out.sort(null);
    return out;
  }

  private static String port(String ip, String published, String target, String protocol) {
    return Objects.toString(ip, "") + ":" + Objects.toString(published, "") + ":" + target + "/"
        + (protocol == null || protocol.isEmpty() ? "tcp" : protocol.toLowerCase(Locale.ROOT));
  }

  /** Each mount as {@code type source target ro|rw}, sorted: v1 keeps a different order after merges. */
  static List<String> volumes(Object value) {
    List<String> out = new ArrayList<>();
    for (Object item : list(value)) {
      if (item instanceof Map<?, ?> m) {
        out.add(mount(text(m.get("type")), text(m.get("source")), scalar(m.get("target")),
            Boolean.TRUE.equals(m.get("read_only"))));
      } else {
        // v1's VolumeSpec.repr: external:internal:mode, or a lone internal path (anonymous volume)
        String[] parts = String.valueOf(item).split(":", -1);
        if (parts.length == 1) {
          out.add(mount("volume", null, scalar(parts[0]), false));
        } else {
          String source = parts[0];
          String type = source.startsWith(".") || source.startsWith("/") || source.startsWith("~")
              ? "bind" : "volume";
          boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
          out.add(mount(type, source, scalar(parts[1]), readOnly));
        }
      }
    }
    out.sort(null);
    return out;
  }

  private static String mount(String type, String source, String target, boolean readOnly) {
    return type + " " + Objects.toString(scalar(source), "-") + " " + target + " " + (readOnly ? "ro" : "rw");
  }

  /** The networks a service is attached to; no key and no network_mode means the default network. */
  static Set<String> networks(Map<String, Object> service) {
    Object value = service.get("networks");
    Set<String> out = new TreeSet<>();
    if (value instanceof Map<?, ?> m) {
      m.keySet().forEach(k -> out.add(String.valueOf(k)));
    } else {
      list(value).forEach(n -> out.add(String.valueOf(n)));
    }
    if (out.isEmpty() && service.get("network_mode") == null) {
      out.add("default");
    }
    return out;
  }

  /** A list as is, a string split the way compose splits it. */
  static List<String> words(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ComposeV1ComparisonTest::scalar).toList();
    }
    String s = scalar(value);
    try {
      return ShellWords.split(s);
    } catch (SyntaxException e) {
      return List.of("<unsplittable: " + s + ">");
    }
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String yaml) {
    Object doc = new Load(LoadSettings.builder().setSchema(NULLS_AND_BOOLEANS).build()).loadFromString(yaml);
    return doc instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  // ---------------------------------------------------------------------------------------------------
  // Running docker-compose v1

  record V1Result(int exitCode, String stdout, String stderr) {
    /** The first line of v1's complaint that is not a variable warning, for the report. */
    String firstError(Path dir) {
      return stderr.lines()
          .filter(l -> !l.isBlank() && !l.contains("variable is not set") && !l.startsWith("WARNING")
              && !l.endsWith("is invalid because:"))
          .findFirst().orElse("exit " + exitCode).replace(dir.toString(), "<corpus>");
    }
  }

  /** What {@code docker-compose version --short} prints, e.g. 1.29.2 (v2 prints 2.x, or v2.x). */
  private static String version(Path v1) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(v1.toString(), "version", "--short").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return out.isEmpty() ? "unknown" : out;
  }

  /** {@code docker-compose -f F --project-directory D config} in F's folder, with only PATH and HOME set. */
  static V1Result config(Path v1, Path file) throws IOException, InterruptedException {
    Path folder = file.getParent();
    ProcessBuilder pb = new ProcessBuilder(v1.toString(), "-f", file.getFileName().toString(),
        "--project-directory", folder.toString(), "config").directory(folder.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().put("HOME", System.getProperty("user.home"));
    Path out = Files.createTempFile("v1-config", ".out");
    Path err = Files.createTempFile("v1-config", ".err");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        return new V1Result(-1, "", "timed out after " + TIMEOUT_SECONDS + " s");
      }
      return new V1Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /**
   * The corpus carries no build contexts, and v1 refuses a local context that does not exist (v2 only
   * needs it to build), so the folders our loader resolved are created, empty, inside the corpus copy.
   */
  private static void createBuildContexts(Map<String, Object> project, Path dir) {
    for (Object service : map(project.get("services")).values()) {
      if (map(service).get("build") instanceof Map<?, ?> build && build.get("context") instanceof String c
          && c.startsWith("/")) {
        Path context = Path.of(c).normalize();
        if (context.startsWith(dir) && !Files.exists(context)) {
          try {
            Files.createDirectories(context);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
  }

  /** Our own cases, copied to {@code dir} so both loaders see the same absolute paths. */
  private static List<Subject> cases(Path dir) throws IOException {
    List<Subject> out = new ArrayList<>();
    try (var files = Files.walk(CASES_DIR)) {
      for (Path source : files.sorted().toList()) {
        Path target = dir.resolve(CASES_DIR.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    try (var folders = Files.list(dir)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        out.add(new Subject(CASES + folder.getFileName(), folder.toRealPath().resolve("compose.yaml")));
      }
    }
    return out;
  }

  private static Optional<Path> onPath(String command) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(folder.isEmpty() ? "." : folder, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static List<Known> readKnown() throws IOException {
    List<Known> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(KNOWN, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      assertThat(f.length == 4 && !f[3].isBlank())
          .as("%s line %d: want file, service, field and reason, tab-separated", KNOWN, i + 1).isTrue();
      out.add(new Known(f[0], f[1], f[2], f[3], i + 1));
    }
    return out;
  }
}
