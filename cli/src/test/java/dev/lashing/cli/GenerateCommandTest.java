package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Linter;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.ProjectLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenerateCommandTest extends ProjectFolderTest {
  static final Path ROOT = Path.of(System.getProperty("lashing.root", ".."));
  static final Path EXAMPLE = ROOT.resolve("examples/inventory/inventory.yml");
  /** Each generated file of the example and the policy of its stack's tier. */
  static final Map<String, Policy> FILES = Map.of(
      "desktop/odoo/compose.yaml", Policy.DEVELOPMENT,
      "staging/plane/compose.yaml", Policy.PRODUCTION,
      "production/plane/compose.yaml", Policy.PRODUCTION);


  @BeforeEach
  void copyTheExample() throws IOException {
    Files.copy(EXAMPLE, dir.resolve("inventory.yml"));
  }

  private String read(String path) throws IOException {
    return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
  }

  @Test
  void everyGeneratedFileNamesItsPolicySoAPlainLintIsClean() throws IOException {
    assertThat(run("generate", "inventory.yml")).as(err.toString()).isEqualTo(Cli.OK);
    for (Map.Entry<String, Policy> f : FILES.entrySet()) {
      assertThat(read(f.getKey())).contains("\n# lashing: policy=" + f.getValue().label() + "\n");
      assertThat(run("lint", "--quiet", "--fail-on", "info", f.getKey())).as(out.toString()).isEqualTo(Cli.OK);
    }
    // the development stack's restart: "no" is what its policy wants, not a finding
    assertThat(read("desktop/odoo/compose.yaml")).contains("restart: \"no\"");
  }

  @Test
  void theExampleGeneratesAndEveryFileLintsCleanUnderItsTiersPolicy() throws IOException {
    assertThat(run("generate", "inventory.yml")).as(err.toString()).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEqualTo("""
        wrote desktop/odoo/compose.yaml
        wrote staging/plane/compose.yaml
        wrote production/plane/compose.yaml
        """);
    assertThat(err.toString()).isEmpty();
    Linter linter = new Linter(RuleRegistry.discover());
    for (Map.Entry<String, Policy> f : FILES.entrySet()) {
      List<Finding> findings = linter.lint(ProjectLoader.load(LoadOptions.of(dir, Map.of(), dir.resolve(f.getKey()))),
          RuleSettings.of(f.getValue()));
      // every severity counts: a generated file has no findings at all, only the few documented suppressions
      assertThat(findings.stream().filter(x -> !x.isSuppressed()).toList()).as(f.getKey()).isEmpty();
      assertThat(findings).as(f.getKey()).allSatisfy(x -> assertThat(x.suppression()).isNotBlank());
      // and the command users run agrees
      assertThat(run("lint", "--quiet", "--fail-on", "info", "--policy", f.getValue().label(), f.getKey()))
          .as(out.toString()).isEqualTo(Cli.OK);
      assertThat(out.toString()).isEmpty();
    }
    assertThat(linter.lint(ProjectLoader.load(LoadOptions.of(dir, Map.of(), dir.resolve(
        "production/plane/compose.yaml"))), RuleSettings.of(Policy.PRODUCTION)).stream().map(Finding::ruleId))
        .as("proxy is recognised as the gateway, as patch recognises it: internal-service-published has "
            + "nothing to report (its suppression stays for a configuration that names other gateways)")
        .containsExactlyInAnyOrder("non-root-user", "non-root-user", "privileged-port", "port-all-interfaces");
  }

  /**
   * docker-compose 1.29 reads the generated files but for deploy.resources.limits.pids, which it does not know: the
   * PIDs limit is written there because Compose v2 refuses a pids_limit beside a limits mapping without pids.
   */
  @Test
  void dockerCompose129AcceptsTheGeneratedFilesButTheirPidsLimit() throws Exception {
    ComposeV1 dockerCompose = ComposeV1.require("the docker-compose config test of generated files");
    assertThat(run("generate", "inventory.yml")).isEqualTo(Cli.OK);
    for (String file : FILES.keySet()) {
      Path generated = dir.resolve(file);
      String text = Files.readString(generated);
      assertThat(text).contains("\n          pids: ");
      Files.writeString(generated, text.replaceAll("\n {10}pids: [^\n]*", ""));
      ComposeV1.Outcome outcome = dockerCompose.config(generated);
      assertThat(outcome.accepted()).as(file + ": " + outcome.output()).isTrue();
    }
  }

  @Test
  void theCommittedExampleIsUpToDate() {
    Path example = EXAMPLE.toAbsolutePath().normalize();
    assertThat(run("generate", example.toString(), "--check")).as(out.toString()).isEqualTo(Cli.OK);
    assertThat(err.toString()).contains("3 generated file(s) match the inventory");
  }

  @Test
  void outputIsDeterministicAndUnchangedFilesAreLeftAlone() throws IOException {
    assertThat(run("generate", "inventory.yml")).isEqualTo(Cli.OK);
    String first = read("production/plane/compose.yaml");
    assertThat(run("generate", "inventory.yml")).isEqualTo(Cli.OK);
    assertThat(out.toString()).contains("unchanged production/plane/compose.yaml");
    assertThat(read("production/plane/compose.yaml")).isEqualTo(first);
    // from another working directory, by another path, the bytes are the same
    Path sub = Files.createDirectories(dir.resolve("elsewhere"));
    StringWriter o = new StringWriter();
    int code = new Cli(new PrintWriter(o), new PrintWriter(new StringWriter()), Map.of(), sub)
        .run("generate", "../inventory.yml", "--check");
    assertThat(code).as(o.toString()).isEqualTo(Cli.OK);
  }

  /**
   * A compose file that generate did not write (no header of ours) is never replaced: the first generate beside
   * hand-written stacks would lose them. Nothing is written then, not even the other stacks' files; a file
   * generate wrote, edited since, is rewritten as its header says.
   */
  @Test
  void aComposeFileGenerateDidNotWriteIsNeverReplaced() throws IOException {
    Path handWritten = Files.createDirectories(dir.resolve("staging/plane")).resolve("compose.yaml");
    Files.writeString(handWritten, "services:\n  web:\n    image: my/own:1\n");
    assertThat(run("generate", "inventory.yml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("lashing: staging/plane/compose.yaml was not written by lashing generate")
        .contains("nothing written");
    assertThat(Files.readString(handWritten)).isEqualTo("services:\n  web:\n    image: my/own:1\n");
    assertThat(dir.resolve("desktop/odoo/compose.yaml")).doesNotExist();
    assertThat(dir.resolve("production/plane/compose.yaml")).doesNotExist();

    Files.delete(handWritten);
    assertThat(run("generate", "inventory.yml")).isEqualTo(Cli.OK);
    Files.writeString(handWritten, read("staging/plane/compose.yaml") + "# an edit\n");
    assertThat(run("generate", "inventory.yml")).isEqualTo(Cli.OK);
    assertThat(read("staging/plane/compose.yaml")).doesNotContain("# an edit");
  }

  @Test
  void checkReportsDriftWithADiff() throws IOException {
    assertThat(run("generate", "inventory.yml")).isEqualTo(Cli.OK);
    Path plane = dir.resolve("production/plane/compose.yaml");
    Files.writeString(plane, read("production/plane/compose.yaml").replace("memory: \"2g\"  # inventory",
        "memory: \"4g\"  # edited by hand"));
    Files.delete(dir.resolve("staging/plane/compose.yaml"));
    Path stale = Files.createDirectories(dir.resolve("production/old"));
    Files.copy(plane, stale.resolve("compose.yaml"));
    Files.writeString(Files.createDirectories(dir.resolve("production/mine")).resolve("compose.yaml"),
        "services: {}\n"); // not generated: never called stale

    assertThat(run("generate", "inventory.yml", "--check")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).isEqualTo("""
        missing: staging/plane/compose.yaml
        --- production/plane/compose.yaml (on disk)
        +++ production/plane/compose.yaml (generated)
        @@ -87,7 +87,7 @@
             deploy:
               resources:
                 limits:
        -          memory: "4g"  # edited by hand
        +          memory: "2g"  # inventory
                   cpus: 1  # inventory
                   pids: 200  # default: enough for a service, too few for a fork bomb
                 reservations:
        stale: production/old/compose.yaml (its stack is no longer in the inventory; remove it)
        """);
    assertThat(err.toString()).contains("3 of the generated files drift from the inventory");
    // --check never writes
    assertThat(dir.resolve("staging/plane/compose.yaml")).doesNotExist();
  }

  /**
   * A generated file checked out with CRLF line breaks (git's autocrlf on Windows) keeps them: --check finds it
   * matching and shows only the lines that drift, and generate leaves it alone or rewrites it with CRLF. A file
   * that mixes both is told in one line, not a diff of every line.
   */
  @Test
  void aFileKeepsItsLineBreaks() throws IOException {
    assertThat(run("generate", "inventory.yml", "--env", "production")).isEqualTo(Cli.OK);
    Path plane = dir.resolve("production/plane/compose.yaml");
    String lf = read("production/plane/compose.yaml");
    String crlf = lf.replace("\n", "\r\n");
    Files.writeString(plane, crlf);

    assertThat(run("generate", "inventory.yml", "--env", "production", "--check")).as(out.toString())
        .isEqualTo(Cli.OK);
    assertThat(out.toString()).isEmpty();
    assertThat(run("generate", "inventory.yml", "--env", "production")).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEqualTo("unchanged production/plane/compose.yaml\n");
    assertThat(read("production/plane/compose.yaml")).isEqualTo(crlf);

    Files.writeString(plane, crlf.replace("memory: \"2g\"  # inventory", "memory: \"4g\"  # edited by hand"));
    assertThat(run("generate", "inventory.yml", "--env", "production", "--check")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).contains("-          memory: \"4g\"  # edited by hand\r\n"
        + "+          memory: \"2g\"  # inventory\r\n").containsOnlyOnce("\n-").containsOnlyOnce("\n+ ");
    assertThat(run("generate", "inventory.yml", "--env", "production")).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEqualTo("wrote production/plane/compose.yaml\n");
    assertThat(read("production/plane/compose.yaml")).isEqualTo(crlf);

    int second = crlf.indexOf("\r\n", crlf.indexOf("\r\n") + 2);
    Files.writeString(plane, crlf.substring(0, second) + crlf.substring(second + 1)); // one line ends with LF
    assertThat(run("generate", "inventory.yml", "--env", "production", "--check")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).isEqualTo("line endings: production/plane/compose.yaml mixes CRLF and LF; lashing"
        + " generate ends every line with CRLF, as its first\n");
    assertThat(run("generate", "inventory.yml", "--env", "production")).isEqualTo(Cli.OK);
    assertThat(read("production/plane/compose.yaml")).isEqualTo(crlf);
  }

  @Test
  void environmentAndStackSelectFiles() {
    assertThat(run("generate", "inventory.yml", "--env", "desktop")).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEqualTo("wrote desktop/odoo/compose.yaml\n");
    assertThat(run("generate", "inventory.yml", "--stack", "plane", "-o", "out")).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEqualTo("wrote out/staging/plane/compose.yaml\nwrote out/production/plane/compose.yaml\n");
    assertThat(dir.resolve("out/desktop")).doesNotExist();
    assertThat(run("generate", "inventory.yml", "--env", "prodution")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("the inventory has no environment 'prodution' (did you mean"
        + " 'production'?)");
    assertThat(run("generate", "inventory.yml", "--env", "desktop", "--stack", "plane")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("no stack 'plane' in environment desktop");
  }

  @Test
  void theHeaderNamesTheInventoryRelativeToTheOutput() throws IOException {
    assertThat(run("generate", "inventory.yml", "-o", "out")).isEqualTo(Cli.OK);
    assertThat(read("out/desktop/odoo/compose.yaml")).startsWith("# Generated by `lashing generate` from"
        + " ../inventory.yml: environment desktop, stack odoo, tier development.\n");
  }

  @Test
  void anInvalidInventoryExitsTwoWithPositions() throws IOException {
    Files.writeString(dir.resolve("inventory.yml"), read("inventory.yml").replace("expose: public:80",
        "expose: public:eighty"));
    assertThat(run("generate", "inventory.yml")).isEqualTo(Cli.INVALID);
    // the stack is shared by staging and production through an alias: the mistake is shown where it is written
    assertThat(err.toString().lines().toList()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith(
        "inventory.yml:33:15: ").contains("services.proxy.expose 'public:eighty' does not match"));
    Files.writeString(dir.resolve("inventory.yml"), Files.readString(EXAMPLE));
    Files.writeString(dir.resolve("a-file"), "");
    assertThat(run("generate", "inventory.yml", "-o", "a-file")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: cannot write the compose files: ");
    assertThat(run("generate")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("generate takes one inventory file");
  }
}
