package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lashing.fix.DigestLock;
import dev.lashing.fix.Fixer;
import dev.lashing.fix.Skip;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Linter;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleRole;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.model.PulledImage;
import dev.lashing.source.ComposeException;
import dev.lashing.testing.Corpus;
import dev.lashing.testing.Golden;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FixCommandTest {
  /** Golden inputs and outputs live with the fix engine, in lib's test resources. */
  static final Path GOLDEN = Path.of(System.getProperty("lashing.root", ".."))
      .resolve("lib/src/test/resources/dev/lashing/fix");
  private static final RuleRegistry REGISTRY = RuleRegistry.discover();

  @TempDir Path dir;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void streams() {
    out = new StringWriter();
    err = new StringWriter();
  }

  private int fix(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "fix";
    System.arraycopy(args, 0, full, 1, args.length);
    out = new StringWriter();
    err = new StringWriter();
    return new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), dir).run(full);
  }

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }

  // ---- golden before/after for every fixable rule ----

  /** Every rule with a fix, and image-digest (fixed from a digest lock). */
  static Stream<String> fixableRules() {
    List<String> ids = new ArrayList<>();
    for (Rule r : REGISTRY.rules()) {
      if (r.info().fixable() || RuleRegistry.hasRole(r.info(), RuleRole.DIGEST_LOCK)) {
        ids.add(r.info().id());
      }
    }
    return ids.stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("fixableRules")
  void goldenBeforeAndAfter(String rule) throws IOException {
    Path input = GOLDEN.resolve("rules/" + rule + ".yaml");
    assertThat(input).as("every fixable rule has a golden input").exists();
    String before = Files.readString(input, StandardCharsets.UTF_8);
    Path lockFile = GOLDEN.resolve("rules/" + rule + ".lock");
    DigestLock lock = Files.exists(lockFile)
        ? DigestLock.parse(lockFile.toString(), Files.readString(lockFile)) : DigestLock.NONE;

    String after = fixOnce(rule, before, lock, "plain");
    Golden.assertMatches(GOLDEN.resolve("rules/" + rule + ".fixed.yaml"), after);
    assertThat(after).as("the fix changes something").isNotEqualTo(before);

    assertThat(fixOnce(rule, before.replace("\n", "\r\n"), lock, "crlf"))
        .as("CRLF kept").isEqualTo(after.replace("\n", "\r\n"));
    assertThat(fixOnce(rule, "\uFEFF" + before, lock, "bom")).as("byte order mark kept").isEqualTo("\uFEFF" + after);
  }

  @ParameterizedTest
  @MethodSource("fixableRules")
  void aFixNeverMakesAFileUnreadableForDockerCompose129(String rule) throws Exception {
    // known gap: a long-form port gets host_ip, an option docker-compose 1.29 does not know
    assumeFalse(rule.equals("port-all-interfaces"), "port-all-interfaces: long-form host_ip is not yet written short");
    // deploy.resources.limits.pids, which 1.29 does not know: Compose v2 refuses pids_limit beside the limits block
    // the memory and CPU fixes write, so the PID limit goes there
    assumeFalse(rule.equals("pids-limit"), "pids-limit: docker-compose 1.29 does not know limits.pids");
    ComposeV1 dockerCompose = ComposeV1.require("the docker-compose 1.29 comparison of fixed files");
    Path project = Files.createDirectories(dir.resolve("v1"));
    Path compose = project.resolve("compose.yaml");
    Files.copy(GOLDEN.resolve("rules/" + rule + ".yaml"), compose);
    if (!dockerCompose.config(compose).accepted()) {
      return; // docker-compose 1.29 never read it
    }
    Files.copy(GOLDEN.resolve("rules/" + rule + ".fixed.yaml"), compose, StandardCopyOption.REPLACE_EXISTING);
    ComposeV1.Outcome fixed = dockerCompose.config(compose);
    assertThat(fixed.accepted()).as(rule + ": " + fixed.output()).isTrue();
  }

  /** Fixes one rule of a file, checking comments, idempotence and that no fixable finding is left. */
  private String fixOnce(String rule, String text, DigestLock lock, String variant) throws IOException {
    Path project = Files.createDirectories(dir.resolve(variant));
    Files.writeString(project.resolve("compose.yaml"), text, StandardCharsets.UTF_8);
    LoadOptions load = LoadOptions.of(project, Map.of(), Path.of("compose.yaml"));
    RuleSettings settings = RuleSettings.of(Policy.PRODUCTION);
    Fixer.Options options = new Fixer.Options(true, Set.of(rule), lock);
    Fixer.Result result = new Fixer(REGISTRY).fix(load, settings, options);
    assertThat(result.files()).as(rule + " " + variant).hasSize(1);
    String after = result.files().get(0).after();
    assertCommentsKept(text, after);

    Files.writeString(project.resolve("compose.yaml"), after, StandardCharsets.UTF_8);
    Fixer.Result again = new Fixer(REGISTRY).fix(load, settings, options);
    assertThat(again.files()).as("a second fix of " + rule + " (" + variant + ") changes nothing").isEmpty();
    assertThat(leftOver(ProjectLoader.load(load), settings, options, again.skipped()))
        .as("findings of " + rule + " left after fixing").isEmpty();
    return after;
  }

  /** Every comment of the input is in the output: whole lines as lines, trailing ones as text. */
  static void assertCommentsKept(String before, String after) {
    List<String> lines = after.replace("\uFEFF", "").lines().map(String::strip).toList();
    for (String line : before.lines().toList()) {
      String stripped = line.replace("\uFEFF", "").strip();
      if (stripped.startsWith("#")) {
        assertThat(lines).as("comment line kept").contains(stripped);
      } else if (line.contains(" #")) {
        assertThat(after).as("trailing comment kept").contains(line.substring(line.indexOf(" #") + 1).strip());
      }
    }
  }

  /** Fixable findings of the rules fixed that are still there and were not reported as skipped. */
  private static List<String> leftOver(LoadResult load, RuleSettings settings, Fixer.Options options,
      List<Skip> skipped) {
    Map<String, Integer> allowed = new HashMap<>();
    for (Skip s : skipped) {
      allowed.merge(s.finding().ruleId() + " " + s.finding().service(), 1, Integer::sum);
    }
    Map<String, RuleSettings.PerRule> on = new HashMap<>(settings.rules());
    options.rules().forEach(id -> on.put(id, new RuleSettings.PerRule(true, null, null)));
    List<String> left = new ArrayList<>();
    for (Finding f : new Linter(REGISTRY).lint(load, new RuleSettings(settings.policy(), on))) {
      boolean fixable = f.fix() != null
          || REGISTRY.idsWith(RuleRole.DIGEST_LOCK).contains(f.ruleId()) && !options.digests().isEmpty();
      if (f.isSuppressed() || !fixable || !options.rules().isEmpty() && !options.rules().contains(f.ruleId())) {
        continue;
      }
      String key = f.ruleId() + " " + f.service();
      if (allowed.getOrDefault(key, 0) > 0) {
        allowed.merge(key, -1, Integer::sum);
      } else {
        left.add(f.at() + " " + key + ": " + f.message());
      }
    }
    return left;
  }

  // ---- the command ----

  private static final String WEB = """
      services:
        web:  # the site
          image: nginx:1.27
          restart: "no"
      """;

  @Test
  void printsTheDiffAndWritesNothingWithoutWrite() throws IOException {
    write("compose.yaml", WEB);
    assertThat(fix("compose.yaml", "--rule", "restart-policy")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).isEqualTo("""
        --- a/compose.yaml
        +++ b/compose.yaml
        @@ -1,4 +1,4 @@
         services:
           web:  # the site
             image: nginx:1.27
        -    restart: "no"
        +    restart: "unless-stopped"
        """);
    assertThat(read("compose.yaml")).isEqualTo(WEB);
  }

  /** The diff printed is the one --write applies: git and patch apply it to the file, CRLF or not, and agree. */
  @Test
  void theDiffAppliesWithGitAndPatchAndGivesWhatWriteWrites() throws Exception {
    String crlf = WEB.replace("\n", "\r\n");
    Map<String, String> variants = Map.of("lf", WEB, "crlf", crlf, "lf-unterminated", WEB.strip(),
        "crlf-unterminated", crlf.strip());
    for (Map.Entry<String, String> variant : variants.entrySet()) {
      String file = variant.getKey() + "/compose.yaml";
      write(file, variant.getValue());
      assertThat(fix(file, "--rule", "restart-policy", "--rule", "log-rotation")).isEqualTo(Cli.FINDINGS);
      Path diff = dir.resolve(variant.getKey() + ".diff");
      Files.writeString(diff, out.toString(), StandardCharsets.UTF_8);
      write("git/" + file, variant.getValue());
      write("patch/" + file, variant.getValue());
      assertThat(fix(file, "--rule", "restart-policy", "--rule", "log-rotation", "--write")).isEqualTo(Cli.OK);
      run(dir.resolve("git"), "git", "init", "-q", ".");
      run(dir.resolve("git"), "git", "apply", diff.toString());
      run(dir.resolve("patch"), "patch", "-p1", "-s", "-i", diff.toString());
      assertThat(read("git/" + file)).as(variant.getKey() + " by git apply").isEqualTo(read(file));
      assertThat(read("patch/" + file)).as(variant.getKey() + " by patch").isEqualTo(read(file));
    }
  }

  /** Runs a program, which must succeed; skips the calling test, saying so, when it is not installed. */
  private static void run(Path directory, String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      System.err.println("SKIPPED: " + command[0] + " not installed; applying the printed diff with it is skipped");
      assumeTrue(false, command[0] + " not installed");
      return;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
  }

  @Test
  void exitsZeroWhenThereIsNothingToFix() throws IOException {
    write("compose.yaml", WEB.replace("\"no\"", "unless-stopped"));
    assertThat(fix("compose.yaml", "--rule", "restart-policy")).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void writesAtomicallyKeepingTheModeAndASecondRunFindsNothing() throws IOException {
    write("compose.yaml", WEB);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (posix) {
      Files.setPosixFilePermissions(dir.resolve("compose.yaml"), PosixFilePermissions.fromString("rw-r-----"));
    }
    assertThat(fix("compose.yaml", "--write")).isEqualTo(Cli.OK);
    assertThat(out.toString()).contains("web: set restart to unless-stopped [restart-policy]")
        .contains("lashing: fixed ");
    assertThat(read("compose.yaml")).contains("restart: \"unless-stopped\"").contains("web:  # the site")
        .contains("no-new-privileges:true");
    if (posix) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("compose.yaml"))))
          .isEqualTo("rw-r-----");
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("compose.yaml");
    }
    assertThat(fix("compose.yaml")).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void refusesToWriteAFileThatChangedSinceItWasRead() throws IOException {
    write("compose.yaml", WEB);
    Fixer.Result result = new Fixer(REGISTRY).fix(LoadOptions.of(dir, Map.of(), Path.of("compose.yaml")),
        RuleSettings.of(Policy.DEFAULT), Fixer.Options.safe());
    assertThat(result.files()).hasSize(1);
    write("compose.yaml", WEB + "# edited meanwhile\n");
    StringWriter errors = new StringWriter();
    FixCommand command = new FixCommand(new PrintWriter(out), new PrintWriter(errors, true), Map.of(), dir);
    assertThat(command.write(result.files())).isFalse();
    assertThat(errors.toString()).contains("compose.yaml changed since it was read; nothing written");
    assertThat(read("compose.yaml")).endsWith("# edited meanwhile\n");
  }

  @Test
  void behaviourChangingFixesNeedUnsafeFixesAndAreListed() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n");
    assertThat(fix("compose.yaml", "--rule", "privileged")).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("1 behaviour-changing fix was not applied")
        .contains("--unsafe-fixes").contains("unsafe_fix: true")
        .contains("compose.yaml:4:17 (web) [privileged] set privileged: false");
    assertThat(fix("compose.yaml", "--rule", "privileged", "--unsafe-fixes")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("+    privileged: false");
  }

  @Test
  void fixesNotAppliedAreListedWhereTheUserWroteThem() throws IOException {
    // the safe fixes of web insert lines above db, so the last round finds db's settings further down
    write("compose.yaml", """
        services:
          web:
            image: nginx:1.27
            privileged: true
          db:
            image: postgres:16.4
            privileged: true
        """);
    assertThat(fix("compose.yaml")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("+    restart: unless-stopped");
    assertThat(err.toString())
        .contains("compose.yaml:4:17 (web) [privileged] set privileged: false")
        .contains("compose.yaml:5:3 (db) [cpu-limit] limit CPU to 1.0")
        .contains("compose.yaml:7:17 (db) [privileged] set privileged: false");
  }

  /** A site behind nginx: lint, fix and patch must all see nginx as the gateway. */
  static final String SITE = """
      services:
        nginx:
          image: nginx:1.27
          ports: ["80:80", "443:443"]
        app:
          image: ghcr.io/acme/app:1.0
          ports: ["8000:8000"]
      """;

  @Test
  void noFixUnpublishesAGateway() throws IOException {
    write("compose.yaml", SITE);
    assertThat(fix("compose.yaml", "--policy", "production", "--unsafe-fixes", "--write")).isEqualTo(Cli.OK);
    String fixed = read("compose.yaml");
    assertThat(fixed).as("the gateway keeps its public ports").contains("ports: [\"80:80\", \"443:443\"]");
    assertThat(fixed).as("the internal service stops publishing").doesNotContain("8000:8000");
  }

  @Test
  void gatewayOptionNamesTheEntryPointForFix() throws IOException {
    write("compose.yaml", SITE);
    assertThat(fix("compose.yaml", "--policy", "production", "--unsafe-fixes", "--write", "--gateway", "app"))
        .isEqualTo(Cli.OK);
    String fixed = read("compose.yaml");
    assertThat(fixed).contains("8000:8000").doesNotContain("80:80");
  }

  @Test
  void aGatewayTheProjectDoesNotHaveIsAWarning() throws IOException {
    write("compose.yaml", SITE);
    assertThat(fix("compose.yaml", "--policy", "production", "--unsafe-fixes", "--gateway", "ngnix"))
        .isEqualTo(Cli.FINDINGS);
    assertThat(err.toString()).contains("lashing: warning: --gateway ngnix: the project has no service named ngnix");
    fix("compose.yaml", "--policy", "production", "--unsafe-fixes", "--gateway", "app");
    assertThat(err.toString()).doesNotContain("warning");
  }

  @Test
  void servicesBehindProfilesAreFixedToo() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n"
        + "  debug:\n    image: busybox:1.36\n    profiles: [debug]\n    restart: \"no\"\n");
    assertThat(fix("compose.yaml", "--rule", "restart-policy")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("+    restart: \"unless-stopped\"");
  }

  @Test
  void aRuleCanAllowItsBehaviourChangingFixInTheConfiguration() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n");
    write(".lashing.yml", "rules:\n  privileged:\n    options:\n      unsafe_fix: true\n");
    assertThat(fix("compose.yaml", "--rule", "privileged")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("+    privileged: false");
  }

  @Test
  void pinsImagesFromADigestLock() throws IOException {
    String digest = "sha256:" + "ab".repeat(32);
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n");
    write("images.lock", "nginx:1.27: " + digest + "\n");
    assertThat(fix("compose.yaml", "--rule", "image-digest", "--digests", "images.lock")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("+    image: nginx:1.27@" + digest);
    write("bad.lock", "nginx:1.27\n");
    assertThat(fix("compose.yaml", "--digests", "bad.lock")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("bad.lock:1: expected an image and its digest");
  }

  @Test
  void pinsEveryPulledImageWhereItIsWritten() throws IOException {
    String digest = "sha256:" + "cd".repeat(32);
    write("compose.yaml", """
        services:
          app:
            build:
              context: .
              additional_contexts:
                base: docker-image://alpine:3.20
            pre_start:
              - image: example/migrate:2.1
            volumes:
              - type: image
                source: example/tools:1.0
                target: /tools
        """);
    write("images.lock", "alpine:3.20: " + digest + "\nexample/migrate:2.1: " + digest
        + "\nexample/tools:1.0: " + digest + "\n");
    assertThat(fix("compose.yaml", "--rule", "image-digest", "--digests", "images.lock")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString())
        .contains("+        base: docker-image://alpine:3.20@" + digest)
        .contains("+      - image: example/migrate:2.1@" + digest)
        .contains("+        source: example/tools:1.0@" + digest);
  }

  @Test
  void rejectsUnknownRulesAndRulesWithoutAFix() throws IOException {
    write("compose.yaml", WEB);
    assertThat(fix("compose.yaml", "--rule", "no-such-rule")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("unknown rule 'no-such-rule'");
    assertThat(fix("compose.yaml", "--rule", "image-digest")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("has no fix without --digests");
  }

  @Test
  void aProjectThatDoesNotLoadIsReportedAndNotFixed() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: [\n");
    assertThat(fix("compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("compose.yaml:");
  }

  @Test
  void keepsTheEncodingOfAUtf16File() throws IOException {
    byte[] utf16 = FixCommand.encode("\uFEFF" + WEB, StandardCharsets.UTF_16LE);
    Files.write(dir.resolve("compose.yaml"), utf16);
    assertThat(fix("compose.yaml", "--rule", "restart-policy", "--write")).isEqualTo(Cli.OK);
    byte[] written = Files.readAllBytes(dir.resolve("compose.yaml"));
    assertThat(dev.lashing.yaml.SourceFiles.charsetOf(written)).isEqualTo(StandardCharsets.UTF_16LE);
    assertThat(new String(written, StandardCharsets.UTF_16LE)).contains("restart: \"unless-stopped\"");
  }

  @Test
  void writesThroughASymbolicLink() throws IOException {
    write("real/compose.yaml", WEB);
    Files.createSymbolicLink(dir.resolve("compose.yaml"), dir.resolve("real/compose.yaml"));
    assertThat(fix("compose.yaml", "--rule", "restart-policy", "--write")).isEqualTo(Cli.OK);
    assertThat(Files.isSymbolicLink(dir.resolve("compose.yaml"))).isTrue();
    assertThat(read("real/compose.yaml")).contains("restart: \"unless-stopped\"");
  }

  @Test
  void fixesTheFilesOfAProjectGivenWithDashF() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    restart: always\n");
    write("dev.yaml", "services:\n  web:\n    restart: always\n");
    assertThat(fix("-f", "compose.yaml", "-f", "dev.yaml", "--policy", "development", "--rule", "restart-policy"))
        .isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("--- a/dev.yaml").contains("+    restart: \"no\"")
        .doesNotContain("--- a/compose.yaml");
  }

  /** Compose v2: {@code !reset} in a later file removes what the base file sets; an edit there counts for nothing. */
  @Test
  void aValueAnOverrideFileResetsIsNotFixedInTheBaseFileAndTheRunSaysWhy() throws IOException {
    String base = """
        services:
          web:
            image: nginx:1.27
            restart: "no"
            security_opt: ["label:disable"]
        """;
    String override = """
        services:
          web:
            restart: !reset null
            security_opt: !reset []
        """;
    write("compose.yaml", base);
    write("compose.override.yaml", override);
    for (int run = 1; run <= 2; run++) {
      assertThat(fix("--rule", "restart-policy", "--rule", "no-new-privileges", "--write")).isEqualTo(Cli.OK);
      assertThat(read("compose.yaml")).isEqualTo(base);
      assertThat(read("compose.override.yaml")).isEqualTo(override);
      assertThat(out.toString()).isEqualTo("lashing: nothing to fix\n");
      assertThat(err.toString()).contains("lashing: not fixed: compose.yaml:2:3 (web) [restart-policy]"
              + " services.web.restart is removed by !reset in compose.override.yaml, so the fix would not count;"
              + " change it there")
          .contains("[no-new-privileges] services.web.security_opt is removed by !reset in compose.override.yaml");
    }
  }

  /** A value the last file writes with {@code !override} is the effective one: the fix edits it there. */
  @Test
  void aValueAnOverrideFileReplacesIsFixedInTheOverrideFile() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    security_opt: [\"label:disable\"]\n");
    write("compose.override.yaml", "services:\n  web:\n    security_opt: !override [\"seccomp:unconfined\"]\n");
    assertThat(fix("--rule", "no-new-privileges", "--write")).isEqualTo(Cli.OK);
    assertThat(read("compose.yaml")).contains("security_opt: [\"label:disable\"]");
    assertThat(read("compose.override.yaml"))
        .isEqualTo("services:\n  web:\n    security_opt: !override [\"seccomp:unconfined\","
            + " \"no-new-privileges:true\"]\n");
    assertThat(fix("--rule", "no-new-privileges")).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  /** An including file's {@code !reset} removes what the included file sets: an edit there counts for nothing. */
  @Test
  void aValueAnIncludingFileResetsIsNotFixedInTheIncludedFileAndTheRunSaysWhy() throws IOException {
    String including = "include:\n  - web.yaml\nservices:\n  web:\n    restart: !reset null\n";
    String included = "services:\n  web:\n    image: nginx:1.27\n    restart: \"no\"\n";
    write("compose.yaml", including);
    write("web.yaml", included);
    for (int run = 1; run <= 2; run++) {
      assertThat(fix("--rule", "restart-policy", "--write")).isEqualTo(Cli.OK);
      assertThat(read("compose.yaml")).isEqualTo(including);
      assertThat(read("web.yaml")).isEqualTo(included);
      assertThat(out.toString()).isEqualTo("lashing: nothing to fix\n");
      assertThat(err.toString()).contains("lashing: not fixed: web.yaml:2:3 (web) [restart-policy]"
          + " services.web.restart is removed by !reset in compose.yaml, so the fix would not count; change it there");
    }
  }

  /** Both services stop publishing the port they share: the anchor stays, emptied, for the alias. */
  @Test
  void removingAPortListThatAnotherServiceUsesByAliasKeepsTheDocumentValid() throws IOException {
    write("compose.yaml", """
        services:
          app:
            image: ghcr.io/acme/app:1.0
            ports: &rp ["8080:80"]
          api:
            image: ghcr.io/acme/api:1.0
            ports: *rp
        """);
    assertThat(fix("compose.yaml", "--rule", "internal-service-published", "--unsafe-fixes", "--write"))
        .isEqualTo(Cli.OK);
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).contains("lashing: fixed 2 findings in compose.yaml (internal-service-published 2)");
    assertThat(read("compose.yaml")).isEqualTo("""
        services:
          app:
            image: ghcr.io/acme/app:1.0
            ports: &rp []
          api:
            image: ghcr.io/acme/api:1.0
            ports: *rp
        """);
    assertThat(fix("compose.yaml", "--rule", "internal-service-published", "--unsafe-fixes")).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void helpListsTheOptions() {
    assertThat(fix("--help")).isEqualTo(Cli.OK);
    assertThat(out.toString()).contains("--unsafe-fixes").contains("--digests").contains("--write").contains("--rule");
  }

  // ---- the corpus ----

  @Test
  void everyCorpusFileIsFixedLoadsAndASecondFixIsEmpty(@TempDir Path tmp) throws IOException {
    Corpus.assumePresent();
    Path root = Corpus.materialize(tmp);
    Map<String, RuleSettings.PerRule> on = new HashMap<>();
    Set<String> fixable = new TreeSet<>();
    fixableRules().forEach(id -> {
      fixable.add(id);
      on.put(id, new RuleSettings.PerRule(true, null, null));
    });
    RuleSettings settings = new RuleSettings(Policy.PRODUCTION, on);
    Map<String, Integer> applied = new TreeMap<>();
    List<String> skips = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int files = 0;
    int changed = 0;
    for (Corpus.Entry e : Corpus.entries()) {
      if (!e.isCompose()) {
        continue;
      }
      Path file = Corpus.location(root, e);
      LoadOptions load = LoadOptions.of(file.getParent(), Map.of(), file);
      LoadResult loaded;
      try {
        loaded = ProjectLoader.load(load);
      } catch (ComposeException refused) {
        continue; // CorpusLoadTest pins which files fail to load, and why
      }
      files++;
      Fixer.Options options = new Fixer.Options(true, fixable, lockFor(loaded));
      Fixer.Result result;
      try {
        result = new Fixer(REGISTRY).fix(load, loaded, settings, options);
      } catch (Fixer.Unsettled unsettled) {
        problems.add(e.localFile() + ": " + unsettled.getMessage());
        continue;
      }
      result.fixed().forEach(f -> applied.merge(f.ruleId(), 1, Integer::sum));
      result.skipped().forEach(s -> skips.add(e.localFile() + "\t" + s.finding().ruleId() + "\t"
          + s.reason() + "\t" + s.message()));
      if (result.changes()) {
        changed++;
      }
      try {
        for (Fixer.FileFix f : result.files()) {
          try {
            assertCommentsKept(f.before(), f.after());
          } catch (AssertionError lost) {
            problems.add(e.localFile() + ": " + f.name() + ": a comment was lost");
          }
          Files.writeString(f.path(), f.after(), StandardCharsets.UTF_8);
        }
        LoadResult fixed = ProjectLoader.load(load); // loads, and passes schema validation
        List<String> left = leftOver(fixed, settings, options, result.skipped());
        if (!left.isEmpty()) {
          problems.add(e.localFile() + ": findings left: " + left);
        }
        Fixer.Result again = new Fixer(REGISTRY).fix(load, fixed, settings, options);
        if (again.changes()) {
          problems.add(e.localFile() + ": a second fix changes " + again.files().get(0).diff());
        }
      } catch (ComposeException broken) {
        problems.add(e.localFile() + ": the fixed files do not load: " + broken.getMessage());
      } finally {
        for (Fixer.FileFix f : result.files()) {
          Files.writeString(f.path(), f.before(), StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(problems).isEmpty();
    StringBuilder table = new StringBuilder("# fixes applied over the " + files + " corpus files that load ("
        + changed + " changed), policy production, --unsafe-fixes, every fixable rule on, a digest for every"
        + " image\n");
    applied.forEach((rule, n) -> table.append(rule).append('\t').append(n).append('\n'));
    table.append("# not fixed, and why\n");
    skips.stream().sorted().forEach(s -> table.append(s).append('\n'));
    Golden.assertMatches(GOLDEN.resolve("corpus-fix-counts.tsv"), table.toString());
  }

  /** A lock with a made-up digest for every image of the project (the registry is never asked). */
  private static DigestLock lockFor(LoadResult load) {
    StringBuilder lock = new StringBuilder();
    for (PulledImage pulled : PulledImage.valid(load.project())) {
      String name = pulled.image().text().replaceAll("@.*", "");
      lock.append(name).append(' ').append("sha256:").append(sha256(name)).append('\n');
    }
    return DigestLock.parse("lock", lock.toString());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static {
    if (!Files.isDirectory(GOLDEN)) {
      throw new UncheckedIOException(new IOException("golden files not found at " + GOLDEN.toAbsolutePath()));
    }
  }
}
