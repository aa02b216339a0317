package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A key that is not a string, or a tag that does not hold for its value ({@code !!int two}), makes Compose refuse
 * the file but does not hide the rest of it: lint reports each at the key or the tag beside every other finding,
 * validate and config list each with the other errors, fix and patch write nothing, and the exit code is 2. A tag
 * Compose's reader does not know ({@code !foo}) changes nothing, and {@code !!binary} is decoded, as Compose does.
 */
class RefusedKeysAndTagsTest extends ProjectFolderTest {

  /** A user's report: the label key 1.50 of db hid the two critical findings of web. */
  private static final String REFUSED = """
      services:
        web:
          image: nginx:1.25
          privileged: true
          volumes:
            - /var/run/docker.sock:/var/run/docker.sock
        db:
          image: postgres:16
          labels:
            1.50: version
            ? [team, owner]
            : data
          deploy:
            replicas: !!int two
          restart: 42
      """;

  @Test
  void lintReportsEachAtTheKeyOrTheTagBesideEveryOtherFinding() throws IOException {
    write("compose.yaml", REFUSED);
    assertThat(run("lint", "--format", "github", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(out.toString())
        .contains("file=compose.yaml,line=10,col=7,endLine=10,endColumn=11,title=yaml-syntax::"
            + "non-string key in services.db.labels: 1.5\n")
        .contains("file=compose.yaml,line=11,col=9,endLine=11,endColumn=22,title=yaml-syntax::"
            + "non-string key in services.db.labels: sequence\n")
        .contains("file=compose.yaml,line=14,col=17,endLine=14,endColumn=22,title=yaml-syntax::"
            + "cannot construct !!str `two` as a !!int\n")
        .contains("file=compose.yaml,line=15,col=14,endLine=15,endColumn=16,title=schema::")
        .contains("file=compose.yaml,line=4,col=17,endLine=4,endColumn=21,title=privileged::")
        .contains("file=compose.yaml,line=6,col=9,endLine=6,endColumn=50,title=docker-socket::")
        .doesNotContain("Exception");
  }

  @Test
  void validateAndConfigListEveryErrorAndPrintNothingElse() throws IOException {
    write("compose.yaml", REFUSED);
    String errors = """
        compose.yaml:10:7: non-string key in services.db.labels: 1.5
        compose.yaml:11:9: non-string key in services.db.labels: sequence
        compose.yaml:14:17: cannot construct !!str `two` as a !!int
        compose.yaml:15:14: services.db.restart must be a string
        """;
    assertThat(run("validate", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).isEqualTo(errors);
    assertThat(run("config")).isEqualTo(Cli.INVALID);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo(errors);
  }

  @Test
  void fixAndPatchWriteNothingAndListTheErrors() throws IOException {
    write("compose.yaml", REFUSED);
    assertFixWritesNothing("compose.yaml:10:7: non-string key in services.db.labels: 1.5",
        "compose.yaml:14:17: cannot construct !!str `two` as a !!int");
    assertPatchWritesNothing("compose.yaml:11:9: non-string key in services.db.labels: sequence");
  }

  /** Compose reads {@code image: !foo nginx} as nginx, and a {@code !!binary} value as what it decodes to. */
  @Test
  void aTagComposeDoesNotKnowChangesNothingAndBinaryIsDecoded() throws IOException {
    write("compose.yaml", """
        services:
          web:
            image: !foo nginx:1.27
            privileged: !!bool true
            labels: !!set {team}
            environment:
              GREETING: !!binary aGVsbG8sIHdvcmxk
        """);
    assertThat(run("lint", "--format", "github", "compose.yaml")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).doesNotContain("yaml-syntax")
        .contains("file=compose.yaml,line=4,col=24,endLine=4,endColumn=28,title=privileged::");
    assertThat(run("config")).isEqualTo(Cli.OK);
    assertThat(out.toString())
        .contains("    environment:\n      GREETING: hello, world\n")
        .contains("    image: nginx:1.27\n")
        .contains("    labels:\n      team: ''\n");
  }
}
