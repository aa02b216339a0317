package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    return new Cli(new PrintWriter(out), new PrintWriter(err), env, dir).run(args);
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void noArgumentsIsAUsageError() {
    assertThat(run()).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("usage: lashing <command>");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run("frobnicate")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("unknown command 'frobnicate'");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run("config", "--nope")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: Unrecognized option: --nope\n");
  }

  /** A misspelled command or option gets the "did you mean" a misspelled .lashing.yml key gets. */
  @Test
  void aMisspelledCommandOrOptionGetsASuggestion() {
    assertThat(run("lnt")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: unknown command 'lnt' (did you mean 'lint'?)\n");
    err.getBuffer().setLength(0);
    assertThat(run("lint", "--formt", "json", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: Unrecognized option: --formt (did you mean '--format'?)\n");
    err.getBuffer().setLength(0);
    assertThat(run("config", "--formt=json")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: Unrecognized option: --formt=json (did you mean '--format'?)\n");
  }

  @Test
  void configPrintsTheCanonicalProject() throws IOException {
    write("compose.yaml", """
        services:
          web:
            image: "nginx:${TAG:-1.27}"
            ports: ["8080:80"]
            environment:
              - PRICE=$$5
        """);
    assertThat(run("config")).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEqualTo("""
        name: %s
        services:
          web:
            environment:
              PRICE: $$5
            image: nginx:1.27
            networks:
              default: null
            ports:
              - mode: ingress
                target: 80
                published: '8080'
                protocol: tcp
        networks:
          default:
            name: %s_default
        """.formatted(projectName(), projectName()));
    assertThat(err.toString()).isEmpty();
  }

  /**
   * As encoding/json writes compose-go's project: top-level keys sorted, no extension of a struct, a missing
   * command or entrypoint null, a network's ipam and a deploy block's resources and placement even when empty.
   */
  /** Go's JSON encoder, and so docker compose config --format json, refuses NaN and the infinities too. */
  @Test
  void configAsJsonRefusesWhatJsonCannotHold() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx\nx-limits: {ratio: [1.5, .nan]}\n");
    assertThat(run("config", "--format", "json")).isEqualTo(Cli.INVALID);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("lashing: config --format json: x-limits.ratio[1]: NaN cannot be written in"
        + " JSON (json: unsupported value: NaN)\n");
    assertThat(run("config")).isEqualTo(Cli.OK); // YAML has a form for it
    assertThat(out.toString()).contains("- .nan");
  }

  @Test
  void configAsJson() throws IOException {
    write("compose.yaml", """
        services:
          web:
            image: nginx
            deploy: {replicas: 2}
            x-team: web
        x-owner: ops
        """);
    assertThat(run("config", "--format", "json", "-p", "demo")).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEqualTo("""
        {
          "name": "demo",
          "networks": {
            "default": {
              "name": "demo_default",
              "ipam": {}
            }
          },
          "services": {
            "web": {
              "command": null,
              "deploy": {
                "replicas": 2,
                "resources": {},
                "placement": {}
              },
              "entrypoint": null,
              "image": "nginx",
              "networks": {
                "default": null
              }
            }
          },
          "x-owner": "ops"
        }
        """);
  }

  @Test
  void invalidInputGivesOnePositionedLinePerProblemAndExitTwo() throws IOException {
    write("compose.yaml", "services:\n  web:\n    imgae: nginx\n    ports: [\"99999:80\"]\n");
    assertThat(run("config")).isEqualTo(Cli.INVALID);
    assertThat(err.toString().lines().toList())
        .allSatisfy(line -> assertThat(line).matches("compose\\.yaml:\\d+:\\d+: .*"))
        .anySatisfy(line -> assertThat(line).startsWith("compose.yaml:3:5: ").contains("imgae"));
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void brokenYamlIsPositioned() throws IOException {
    write("compose.yaml", "services:\n  web: [\n");
    assertThat(run("validate", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("compose.yaml:3:1: invalid YAML:");
  }

  @Test
  void validateReportsEachFile() throws IOException {
    write("good.yaml", "services:\n  web:\n    image: nginx\n");
    write("bad.yaml", "services:\n  web:\n    image: nginx\n    user: a\n    user: b\n");
    assertThat(run("validate", "good.yaml", "bad.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).isEqualTo("bad.yaml:5:5: mapping key \"user\" already defined at line 4\n");
  }

  @Test
  void validateAndConfigReportEveryErrorLintReportsNotOnlyTheFirstStepsOnes() throws IOException {
    // the size is refused where the model is bound, the number earlier: Compose stops at the number
    write("compose.yaml", "services:\n  a:\n    image: nginx:1.27\n    mem_limit: lots\n    cpus: abc\n");
    String both = """
        compose.yaml:4:16: services.a.mem_limit: invalid size: 'lots'
        compose.yaml:5:11: services.a.cpus: invalid number: abc
        """;
    assertThat(run("validate", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).isEqualTo(both);
    err.getBuffer().setLength(0);
    assertThat(run("config")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).isEqualTo(both);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anInvalidProjectsWarningsAreShownBesideItsErrors() throws IOException {
    write("compose.yaml", "version: '3'\nservices:\n  a:\n    image: nginx:1.27\n    cpus: abc\n");
    assertThat(run("validate", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString().lines().toList()).hasSize(2)
        .first().asString().startsWith("compose.yaml:1:1: ").contains("version");
  }

  @Test
  void theWorkingDirectoryGivenAsAFileIsNamedDot() {
    assertThat(run("config", "-f", ".")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith(".: cannot read file");
  }

  @Test
  void missingFileIsReported() {
    assertThat(run("config", "-f", "nope.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("nope.yaml").contains("no such file");
  }

  private String projectName() {
    return dir.getFileName().toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
  }
}
