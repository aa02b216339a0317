package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LintCommandTest {
  @TempDir Path dir;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void streams() {
    out = new StringWriter();
    err = new StringWriter();
  }

  private int lint(String... args) {
    return lintIn(dir, args);
  }

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static final String DUPLICATE_PORTS = """
      services:
        web: {image: "nginx:1.27", ports: ["8080:80"]}
        api: {image: "api:1", ports: ["8080:81"]}
      """;

  @Test
  void exitCodesFollowTheThreshold() throws IOException {
    write("compose.yaml", DUPLICATE_PORTS);
    assertThat(lint("--quiet", "--config", "none.yml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("none.yml").contains("no such file");
    assertThat(lint("--quiet")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("compose.yaml:3:").contains("[duplicate-published-port]");
    assertThat(lint("--quiet", "--fail-on", "critical")).isEqualTo(Cli.OK);
  }

  /**
   * A value Compose loads but the engine refuses (a memory limit below its minimum) is a finding of invalid-value at
   * its severity, not a refusal of the project: it exits with 1, and a lashing-ignore comment suppresses it.
   */
  @Test
  void aValueOnlyTheEngineRefusesExitsOneAndCanBeSuppressed() throws IOException {
    String service = "services:\n  web:\n    image: nginx:1.27\n    mem_limit: 1m";
    write("compose.yaml", service + "\n");
    assertThat(lint("--format", "json", "--fail-on", "high")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("\"ruleId\": \"invalid-value\"").contains("mem_limit 1m of web");
    write("compose.yaml", service + "  # lashing-ignore invalid-value -- sized for another engine\n");
    assertThat(lint("--format", "json", "--fail-on", "high")).isEqualTo(Cli.OK);
  }

  @Test
  void invalidInputExitsTwoAndStillReportsInTheChosenFormat() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: x\n    image: y\n");
    assertThat(lint("--format", "json")).isEqualTo(Cli.INVALID);
    assertThat(out.toString()).contains("\"ruleId\": \"duplicate-key\"").contains("\"line\": 4");
  }

  /**
   * A report is never written over a file the run reads: a slip such as {@code --format json=compose.yaml} or
   * {@code -o .env} would replace the user's file with the report. Nothing is written and the exit code is 2.
   */
  @Test
  void aReportNeverReplacesAFileTheRunReads() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    env_file: app.env\n");
    write("app.env", "A=1\n");
    write(".lashing.yml", "policy: default\n");
    write(".env", "TAG=1.27\n");
    write("vars.env", "TAG=1.27\n");
    Files.createSymbolicLink(dir.resolve("link.yaml"), dir.resolve("compose.yaml"));
    List<List<String>> slips = List.of(
        List.of("-o", ".env"),
        List.of("--write-baseline", ".env"),
        List.of("--env-file", "vars.env", "--format", "json=vars.env"),
        List.of("--env-file", "missing.env", "-o", "missing.env"),
        List.of("--format", "json=compose.yaml"),
        List.of("-o", ".lashing.yml"),
        List.of("-o", "./compose.yaml"),
        List.of("--format", "text", "--format", "sarif=app.env"),
        List.of("-o", "link.yaml"),
        List.of("--write-baseline", "compose.yaml"));
    for (List<String> slip : slips) {
      List<String> args = new ArrayList<>(slip);
      args.add("compose.yaml");
      assertThat(lint(args.toArray(String[]::new))).as("%s", slip).isEqualTo(Cli.INVALID);
      assertThat(err.toString()).as("%s", slip).contains("is one of the files this run reads");
      assertThat(Files.readString(dir.resolve("compose.yaml"))).startsWith("services:");
      assertThat(Files.readString(dir.resolve("app.env"))).isEqualTo("A=1\n");
      assertThat(Files.readString(dir.resolve(".lashing.yml"))).isEqualTo("policy: default\n");
      assertThat(Files.readString(dir.resolve(".env"))).isEqualTo("TAG=1.27\n");
      assertThat(Files.readString(dir.resolve("vars.env"))).isEqualTo("TAG=1.27\n");
      assertThat(dir.resolve("missing.env")).doesNotExist();
      assertThat(Files.isSymbolicLink(dir.resolve("link.yaml"))).isTrue();
    }
    // a report beside them, and a baseline rewritten in place, are written as asked
    assertThat(lint("--format", "json=report.json", "compose.yaml")).isEqualTo(Cli.OK);
    assertThat(Files.readString(dir.resolve("report.json"))).contains("\"findings\"");
    assertThat(lint("--write-baseline", "baseline.json", "compose.yaml")).isEqualTo(Cli.OK);
    assertThat(lint("--baseline", "baseline.json", "--write-baseline", "baseline.json", "compose.yaml"))
        .isEqualTo(Cli.OK);
    // but the baseline a report is filtered by is read, and never replaced by that report
    assertThat(lint("--baseline", "baseline.json", "-o", "baseline.json", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("baseline.json is one of the files this run reads");
    assertThat(Files.readString(dir.resolve("baseline.json"))).contains("\"fingerprint");
  }

  private int lintStandardInput(String text, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    PrintWriter errors = new PrintWriter(err, true);
    try {
      return new LintCommand(new PrintWriter(out, true), errors, Map.of(), dir, false,
          () -> new java.io.ByteArrayInputStream(bytes)).run(args);
    } catch (Arguments.UsageException e) {
      errors.println("lashing: " + e.getMessage()); // as Cli reports it
      return Cli.INVALID;
    }
  }

  /**
   * {@code -} lints standard input, as editor plugins that pipe a buffer expect: named by --stdin-filename (for
   * positions, and for the files it names, which resolve from that name's folder), compose.yaml by default.
   */
  @Test
  void standardInputIsLintedAsTheFileItIsNamed() throws IOException {
    write("deploy/app.env", "A=1\n");
    String buffer = "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n    env_file: app.env\n";
    assertThat(lintStandardInput(buffer, "--quiet", "--stdin-filename", "deploy/compose.yaml", "-"))
        .as(err.toString()).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("deploy/compose.yaml:4:17: critical [privileged]")
        .doesNotContain("missing-file");
    assertThat(dir.resolve("deploy/compose.yaml")).as("nothing is written").doesNotExist();
    assertThat(lintStandardInput(buffer.replace("    env_file: app.env\n", ""), "--quiet", "-"))
        .isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("compose.yaml:4:17: critical [privileged]");
    // a code frame comes from the text read, not from a file
    assertThat(lintStandardInput("services:\n  web:\n    image: nginx:1.27\n    privileged: true\n", "-"))
        .isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("  4 |     privileged: true");

    assertThat(lintStandardInput(buffer, "-", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("- (standard input) is linted alone");
    assertThat(lintStandardInput(buffer, "--stdin-filename", "x.yaml", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("--stdin-filename names standard input");
    // an editor's buffer-name variable that expanded to nothing: findings would be told of the folder "."
    assertThat(lintStandardInput(buffer, "--stdin-filename", "", "-")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).isEqualTo("lashing: --stdin-filename: the file name is empty\n");
    assertThat(out.toString()).isEmpty();
  }

  /** A file named twice, or again inside a directory named beside it, is one project: its findings come once. */
  @Test
  void aFileNamedTwiceIsLintedOnce() throws IOException {
    write("compose.yaml", DUPLICATE_PORTS);
    assertThat(lint("--quiet", "compose.yaml", "./compose.yaml", ".")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString().lines().filter(l -> l.contains("[duplicate-published-port]"))).hasSize(1);
  }

  @Test
  void baselineHidesKnownFindingsOnly() throws IOException {
    write("compose.yaml", DUPLICATE_PORTS);
    assertThat(lint("--write-baseline", "baseline.json")).isEqualTo(Cli.OK);
    assertThat(Files.readString(dir.resolve("baseline.json"))).contains("duplicate-published-port");
    // lines added above keep the finding matched; a new duplicate is still reported
    write("compose.yaml", "# a comment\n\n" + DUPLICATE_PORTS + "  admin: {image: \"a:1\", ports: [\"8080:82\"]}\n");
    assertThat(lint("--quiet", "--baseline", "baseline.json")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString().lines().filter(l -> l.contains("duplicate-published-port")).toList())
        .singleElement().asString().startsWith("compose.yaml:6:");
  }

  /**
   * A baseline names files from its own folder, so a hook run in the project and CI run from the repository's root
   * match the same findings; one written when files were named from the working directory still matches.
   */
  @Test
  void aBaselineMatchesFromAnyWorkingDirectory() throws IOException {
    write("proj/compose.yaml", DUPLICATE_PORTS);
    Path project = dir.resolve("proj");
    assertThat(lintIn(project, "--write-baseline", "baseline.json", "compose.yaml")).isEqualTo(Cli.OK);
    assertThat(lint("--quiet", "--baseline", "proj/baseline.json", "proj/compose.yaml")).isEqualTo(Cli.OK);
    assertThat(out.toString()).doesNotContain("duplicate-published-port");

    assertThat(lint("--write-baseline", "proj/from-root.json", "proj/compose.yaml")).isEqualTo(Cli.OK);
    assertThat(Files.readString(project.resolve("from-root.json"))).contains("\"file\": \"compose.yaml\"")
        .isEqualTo(Files.readString(project.resolve("baseline.json")));
    assertThat(lintIn(project, "--quiet", "--baseline", "from-root.json", "compose.yaml")).isEqualTo(Cli.OK);

    // written in the working directory, then moved beside the project: its names are the working directory's
    assertThat(lint("--write-baseline", "root.json", "proj/compose.yaml")).isEqualTo(Cli.OK);
    Files.move(dir.resolve("root.json"), project.resolve("moved.json"));
    assertThat(lint("--quiet", "--baseline", "proj/moved.json", "proj/compose.yaml")).isEqualTo(Cli.OK);
  }

  private int lintIn(Path workingDirectory, String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "lint";
    System.arraycopy(args, 0, full, 1, args.length);
    out = new StringWriter();
    err = new StringWriter();
    return new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), workingDirectory).run(full);
  }

  @Test
  void configurationTurnsRulesOffAndSetsThePolicy() throws IOException {
    write("compose.yaml", DUPLICATE_PORTS);
    write(".lashing.yml", "rules:\n  duplicate-published-port: off\n");
    assertThat(lint("--quiet")).isEqualTo(Cli.OK);
    write(".lashing.yml", "rules:\n  duplicate-publishd-port: off\n");
    assertThat(lint("--quiet")).isEqualTo(Cli.INVALID);
    write(".lashing.yml", "polcy: production\n");
    assertThat(lint("--quiet")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith(".lashing.yml:1:1: ").contains("did you mean 'policy'");
  }

  @Test
  void directoriesAreSearchedAndEachProjectLoadsWithItsOverride() throws IOException {
    write("a/compose.yaml", "services:\n  web: {image: \"nginx:1.27\", ports: [\"8080:80\"]}\n");
    write("a/compose.override.yaml", "services:\n  api: {image: \"api:1\", ports: [\"8080:81\"]}\n");
    write("b/docker-compose.yml", "services:\n  web: {image: \"nginx:1.27\"}\n");
    write("node_modules/x/compose.yaml", "services: [broken\n");
    assertThat(lint("--quiet", ".")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("a/compose.override.yaml:2:").doesNotContain("node_modules");
  }

  /** A named pipe called compose.yaml in a scanned folder is no compose file: reading it would wait forever. */
  @Test
  void aScannedDirectorySkipsWhatIsNotARegularFile() throws Exception {
    write("a/compose.yaml", DUPLICATE_PORTS);
    Files.createDirectories(dir.resolve("b"));
    assumeTrue(new ProcessBuilder("mkfifo", dir.resolve("b/compose.yaml").toString()).start().waitFor() == 0,
        "skipped: no mkfifo here");

    assertThat(CompletableFuture.supplyAsync(() -> lint("--quiet", ".")).get(60, TimeUnit.SECONDS))
        .isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("a/compose.yaml:3:").doesNotContain("b/compose.yaml");
  }

  @Test
  void inlineSuppressionsAreHonoured() throws IOException {
    write("compose.yaml", """
        services:
          web: {image: "nginx:1.27", ports: ["8080:80"]}
          api: {image: "api:1", ports: ["8080:81"]}  # lashing-ignore duplicate-published-port -- api is off by default
        """);
    assertThat(lint("--quiet")).isEqualTo(Cli.OK);
    assertThat(lint("--format", "sarif")).isEqualTo(Cli.OK);
    assertThat(out.toString()).contains("\"justification\": \"api is off by default\"");
  }

  @Test
  void sarifFixesAreTheEditsLashingFixWrites() throws IOException {
    String text = "services:\n  web:  # the front\n    image: nginx:1.27\n";
    assertThat(restartFixedBySarif(text)).isEqualTo(restartFixedByFix());
  }

  /** Enough findings for each core to plan a share of the fixes with a fix engine of its own. */
  @Test
  void sarifFixesOfManyFindingsAreTheEditsLashingFixWrites() throws IOException {
    StringBuilder text = new StringBuilder("services:\n");
    for (int i = 0; i < 700; i++) {
      text.append("  web-").append(i).append(":\n    image: nginx:1.27\n");
    }
    assertThat(restartFixedBySarif(text.toString())).isEqualTo(restartFixedByFix());
  }

  /** {@code text} as compose.yaml with the SARIF report's fixes of restart-policy applied to it. */
  private String restartFixedBySarif(String text) throws IOException {
    write("compose.yaml", text);
    lint("--format", "sarif");
    List<JsonNode> replacements = new ArrayList<>();
    for (JsonNode result : new JsonMapper().readTree(out.toString()).get("runs").get(0).get("results")) {
      if (result.get("ruleId").asString().equals("restart-policy")) {
        JsonNode change = result.get("fixes").get(0).get("artifactChanges").get(0);
        assertThat(change.get("artifactLocation").get("uri").asString()).isEqualTo("compose.yaml");
        change.get("replacements").forEach(replacements::add);
      }
    }
    assertThat(replacements).isNotEmpty();
    StringBuilder fixed = new StringBuilder(text);
    for (int i = replacements.size() - 1; i >= 0; i--) { // each fix inserts after its service's key, in file order
      JsonNode region = replacements.get(i).get("deletedRegion");
      fixed.replace(offset(text, region.get("startLine").asInt(), region.get("startColumn").asInt()),
          offset(text, region.get("endLine").asInt(), region.get("endColumn").asInt()),
          replacements.get(i).get("insertedContent").get("text").asString());
    }
    return fixed.toString();
  }

  private String restartFixedByFix() throws IOException {
    new Cli(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), dir)
        .run("fix", "--rule", "restart-policy", "--write");
    return Files.readString(dir.resolve("compose.yaml"));
  }

  private static int offset(String text, int line, int column) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      at = text.indexOf('\n', at) + 1;
    }
    return at + column - 1;
  }

  @Test
  void unknownFormatIsAUsageError() throws IOException {
    write("compose.yaml", DUPLICATE_PORTS);
    assertThat(lint("--format", "xml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("unknown format 'xml'");
  }

  @Test
  void oneRunWritesEveryReportAskedFor() throws IOException {
    write("compose.yaml", DUPLICATE_PORTS);
    assertThat(lint("--format", "github", "--format", "sarif=lashing.sarif", "--format=json=lashing.json"))
        .as(err.toString()).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("::error file=compose.yaml,line=3,col=");
    assertThat(Files.readString(dir.resolve("lashing.sarif"))).contains("\"version\": \"2.1.0\"")
        .contains("duplicate-published-port");
    assertThat(Files.readString(dir.resolve("lashing.json"))).contains("\"ruleId\": \"duplicate-published-port\"");

    assertThat(lint("--quiet", "--format", "json=lashing.json", "--output", "report.txt")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("--output needs a --format without =FILE");
    assertThat(lint("--format", "json", "--format", "sarif")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("only one --format may go to standard output");
    assertThat(lint("--format", "sarif=")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("the file name is empty");
    // two reports to one file: the second would replace the first
    Files.delete(dir.resolve("lashing.json"));
    assertThat(lint("--format", "json=lashing.json", "--format", "sarif=./lashing.json")).isEqualTo(Cli.INVALID);
    assertThat(err.toString())
        .contains("--format json=lashing.json and --format sarif=./lashing.json name the same file");
    assertThat(lint("--format", "sarif=r.out", "--format", "json", "-o", "r.out")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("--format sarif=r.out and --output r.out name the same file");
    assertThat(dir.resolve("lashing.json")).doesNotExist();
    assertThat(dir.resolve("r.out")).doesNotExist();
  }

  /** A report to {@code -} or {@code /dev/stdout} goes to standard output, not to a file of that name. */
  @Test
  void aReportToDashOrDevStdoutGoesToStandardOutput() throws IOException {
    write("compose.yaml", DUPLICATE_PORTS);
    assertThat(lint("--format", "sarif=lashing.sarif", "--format", "json=-")).as(err.toString()).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).startsWith("{").contains("\"ruleId\": \"duplicate-published-port\"");
    assertThat(dir.resolve("-")).doesNotExist();
    assertThat(Files.readString(dir.resolve("lashing.sarif"))).contains("\"version\": \"2.1.0\"");

    assertThat(lint("--format", "json", "-o", "-")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).startsWith("{");
    assertThat(lint("--format", "github", "--format", "sarif=/dev/stdout"))
        .isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("only one --format may go to standard output");
    assertThat(lint("--format", "text=-", "--format", "json", "-o", "report.json")).isEqualTo(Cli.FINDINGS);
    assertThat(Files.readString(dir.resolve("report.json"))).startsWith("{");
    assertThat(dir.resolve("-")).doesNotExist();
  }

  @Test
  void manyProjectsLintedInParallelReportAsOneByOne() throws IOException {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String name = "p" + i + "/compose.yaml";
      write(name, i % 3 == 0 ? "services: [broken\n" : DUPLICATE_PORTS);
      files.add(name);
    }
    assertThat(lint(Stream.concat(Stream.of("--quiet"), files.stream()).toArray(String[]::new)))
        .isEqualTo(Cli.INVALID);
    assertThat(out.toString().lines().filter(l -> l.contains("duplicate-published-port")).count()).isEqualTo(8);
    assertThat(out.toString().lines().filter(l -> l.contains("[yaml-syntax]") || l.contains("[load")).count())
        .isEqualTo(4);
  }

  @Test
  void lintAgreesWithPatchOnTheGateways() throws IOException {
    write("compose.yaml", FixCommandTest.SITE);
    lint("compose.yaml", "--policy", "production", "-q");
    assertThat(out.toString()).contains("app publishes port 8000:8000").doesNotContain("nginx publishes port");
    lint("compose.yaml", "--policy", "production", "-q", "--gateway", "app");
    assertThat(out.toString()).contains("nginx publishes port 80:80").doesNotContain("app publishes port");
  }

  @Test
  void aGatewayNoProjectHasIsAWarningNotASilentNoOp() throws IOException {
    write("site/compose.yaml", FixCommandTest.SITE);
    write("other/compose.yaml", "services:\n  proxy:\n    image: traefik:3.1\n");
    lint("-q", "site/compose.yaml", "--gateway", "ngnix");
    assertThat(err.toString()).contains("lashing: warning: --gateway ngnix: the project has no service named ngnix");
    lint("-q", "site/compose.yaml", "other/compose.yaml", "--gateway", "proxy", "--gateway", "nope");
    assertThat(err.toString()).as("a gateway of one of the projects given is known")
        .doesNotContain("--gateway proxy")
        .contains("lashing: warning: --gateway nope: none of the projects has a service named nope");
    lint("-q", "site/compose.yaml", "--gateway", "app");
    assertThat(err.toString()).doesNotContain("warning");
  }

  /** As docker compose, which reads the working directory's .env before it looks for its files. */
  @Test
  void withNoFilesGivenTheComposeFileOfTheDotEnvFileIsLinted() throws IOException {
    write(".env", "COMPOSE_FILE=base.yml:prod.yml\n");
    write("base.yml", "services:\n  web:\n    image: nginx:1.27\n");
    write("prod.yml", DUPLICATE_PORTS);
    assertThat(lint("-q")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("prod.yml:").contains("[duplicate-published-port]");
  }

  /**
   * Run from a folder below the project's, docker compose reads that folder's .env before the project's, and a
   * variable keeps the value it got first: here the subfolder's ports collide, the project's would not.
   */
  @Test
  void fromASubfolderItsDotEnvComesBeforeTheProjects() throws IOException {
    write("compose.yaml", "services:\n  web: {image: \"nginx:1.27\", ports: [\"${WEB}:80\"]}\n"
        + "  api: {image: \"nginx:1.27\", ports: [\"${API}:80\"]}\n");
    write(".env", "WEB=8080\nAPI=8081\n");
    write("deploy/.env", "API=8080\n");
    assertThat(lintIn(dir.resolve("deploy"), "-q", "-o", ".env")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).as("a report never replaces an env file read").contains(".env");
    assertThat(lintIn(dir.resolve("deploy"), "-q")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("[duplicate-published-port]");
    assertThat(lint("-q")).isEqualTo(Cli.OK);
    assertThat(out.toString()).doesNotContain("[duplicate-published-port]");
  }

  @Test
  void eachProjectFollowsThePolicyItsFirstFileNamesUnlessTheFlagSaysOtherwise() throws IOException {
    String service = "services:\n  web:\n    image: nginx:1.27\n";
    write("production/compose.yaml", "\uFEFF# lashing: policy=production\r\n" + service.replace("\n", "\r\n"));
    write("plain/compose.yaml", service);
    lint("-q", "production/compose.yaml", "plain/compose.yaml");
    assertThat(out.toString()).contains("production/compose.yaml:4:12: high [image-digest]")
        .contains("plain/compose.yaml:2:3: medium [non-root-user]").doesNotContain("plain/compose.yaml:2:3: high");
    lint("-q", "--policy", "default", "production/compose.yaml");
    assertThat(out.toString()).doesNotContain("[image-digest]");
  }

  /** Dify's opengauss: privileged, and started only with its profile. */
  private static final String GATED = """
      services:
        api:
          image: langgenius/dify-api:1.0.0
        opengauss:
          image: opengauss/opengauss:7.0.0-RC1
          profiles: [opengauss]
          privileged: true
      """;

  @Test
  void everyServiceIsCheckedWhateverItsProfilesUnlessProfilesAreNamed() throws IOException {
    write("compose.yaml", GATED);
    lint("compose.yaml", "-q");
    assertThat(out.toString()).contains("[privileged]")
        .contains("(opengauss starts only with profile opengauss)");
    lint("compose.yaml", "-q", "--profile", "other");
    assertThat(out.toString()).as("named profiles choose, as in Compose").doesNotContain("[privileged]");
    lint("compose.yaml", "-q", "--profile", "opengauss");
    assertThat(out.toString()).contains("[privileged]");
  }

  @Test
  void configKeepsComposesDefaultProfiles() throws IOException {
    write("compose.yaml", GATED);
    lint("compose.yaml", "-q");
    out = new StringWriter();
    assertThat(new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), dir).run(new String[] {"config"}))
        .isEqualTo(Cli.OK);
    assertThat(out.toString()).contains("api:").doesNotContain("opengauss:");
  }

  @Test
  void explainPrintsTheRulePage() {
    out = new StringWriter();
    int code = new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), dir).run("explain", "yaml-1.1-ambiguity");
    assertThat(code).isEqualTo(Cli.OK);
    assertThat(out.toString()).startsWith("# yaml-1.1-ambiguity");
    assertThat(new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), dir).run("explain", "nope"))
        .isEqualTo(Cli.INVALID);
  }

  @Test
  void secretsAreMaskedInEveryFormatUnlessAskedFor() throws IOException {
    write("compose.yaml", """
        services:
          db:
            image: postgres:16
            environment:
              POSTGRES_PASSWORD: S3cretPass
              DATABASE_URL: postgres://app:Hunter2@db/app
        """);
    for (String format : List.of("text", "json", "sarif", "junit", "checkstyle", "github", "gitlab")) {
      lint("--format", format);
      assertThat(out.toString()).as(format).contains("secret-in-environment")
          .doesNotContain("S3cretPass").doesNotContain("Hunter2");
    }
    Path baseline = dir.resolve("baseline.json");
    lint("--write-baseline", baseline.toString());
    assertThat(Files.readString(baseline)).doesNotContain("S3cretPass").doesNotContain("Hunter2");
    lint("--format", "sarif");
    assertThat(out.toString()).contains("\"text\": \"****\"");
    lint("--show-secrets");
    assertThat(out.toString()).contains("POSTGRES_PASSWORD: S3cretPass").contains("app:Hunter2@db");
  }
}
