package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A key written twice makes Compose refuse the file, but does not hide the rest of it: lint reports every
 * duplicate beside every other finding, validate and config every duplicate beside the other errors, and fix
 * and patch still write nothing. The exit code stays 2.
 */
class DuplicateKeysTest extends ProjectFolderTest {

  /** A user's report: the duplicate user of db hid the two critical findings of web. */
  private static final String DUPLICATE_USER = """
      services:
        web:
          image: nginx:1.25
          privileged: true
          volumes:
            - /var/run/docker.sock:/var/run/docker.sock
        db:
          image: postgres:16
          user: root
          user: "999:999"
      """;

  /** Two duplicates, a misspelt key and a value of the wrong type. */
  private static final String DUPLICATES_AND_SCHEMA = """
      services:
        web:
          image: nginx:1.25
          image: nginx:1.26
          imgae: x
        db:
          image: postgres:16
          user: root
          user: "999:999"
          restart: 42
      """;

  @Test
  void lintReportsTheDuplicateBesideEveryOtherFinding() throws IOException {
    write("compose.yaml", DUPLICATE_USER);
    assertThat(run("lint", "--format", "github", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(out.toString())
        .contains("file=compose.yaml,line=10,col=5,endLine=10,endColumn=9,title=duplicate-key::"
            + "mapping key \"user\" already defined at line 9")
        .contains("file=compose.yaml,line=4,col=17,endLine=4,endColumn=21,title=privileged::")
        .contains("file=compose.yaml,line=6,col=9,endLine=6,endColumn=50,title=docker-socket::")
        // the first of the two values is the one checked
        .contains("file=compose.yaml,line=9,col=11,endLine=9,endColumn=15,title=non-root-user::");
  }

  @Test
  void validateReportsEveryDuplicateAndTheSchemaErrors() throws IOException {
    write("compose.yaml", DUPLICATES_AND_SCHEMA);
    assertThat(run("validate", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).isEqualTo("""
        compose.yaml:4:5: mapping key "image" already defined at line 3
        compose.yaml:5:5: services.web additional properties 'imgae' not allowed (did you mean 'image'?)
        compose.yaml:9:5: mapping key "user" already defined at line 8
        compose.yaml:10:14: services.db.restart must be a string
        """);
  }

  @Test
  void configRefusesWithEveryError() throws IOException {
    write("compose.yaml", DUPLICATES_AND_SCHEMA);
    assertThat(run("config")).isEqualTo(Cli.INVALID);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .contains("compose.yaml:4:5: mapping key \"image\" already defined at line 3")
        .contains("compose.yaml:5:5: services.web additional properties 'imgae' not allowed")
        .contains("compose.yaml:9:5: mapping key \"user\" already defined at line 8")
        .contains("compose.yaml:10:14: services.db.restart must be a string");
  }

  /** Even a file whose only problem is a duplicate: fix and patch never write from a project Compose refuses. */
  @Test
  void fixAndPatchWriteNothingAndListTheDuplicates() throws IOException {
    write("compose.yaml", DUPLICATE_USER);
    assertFixWritesNothing("compose.yaml:10:5: mapping key \"user\" already defined at line 9");
    assertPatchWritesNothing("compose.yaml:10:5: mapping key \"user\" already defined at line 9");
  }

  /** The duplicate of an override file is reported at its own file, and the main file's findings beside it. */
  @Test
  void aDuplicateInTheOverrideFileIsReportedThere() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.25\n    privileged: true\n");
    write("compose.override.yaml", "services:\n  web:\n    cap_add: [NET_ADMIN]\n    cap_add: [SYS_ADMIN]\n");
    assertThat(run("lint", "--format", "github")).isEqualTo(Cli.INVALID);
    assertThat(out.toString())
        .contains("file=compose.override.yaml,line=4,col=5,endLine=4,endColumn=12,title=duplicate-key::")
        .contains("file=compose.yaml,line=4,col=17,endLine=4,endColumn=21,title=privileged::");
  }
}
