package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** A command test: the CLI run in a fresh project folder, with what it printed by the last run. */
abstract class ProjectFolderTest {
  @TempDir Path dir;
  StringWriter out;
  StringWriter err;

  /** Runs the CLI in the project folder with an empty environment; {@link #out} and {@link #err} hold what it printed. */
  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), dir).run(args);
  }

  void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /**
   * {@code fix --write} on a compose.yaml Compose refuses: exit 2, nothing printed or written, each of
   * {@code errors} listed.
   */
  void assertFixWritesNothing(String... errors) throws IOException {
    String before = Files.readString(dir.resolve("compose.yaml"));
    assertThat(run("fix", "--write")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: fix writes nothing for compose.yaml: Compose refuses it;")
        .contains(errors);
    assertThat(out.toString()).isEmpty();
    assertThat(Files.readString(dir.resolve("compose.yaml"))).isEqualTo(before);
  }

  /** {@code patch} of a compose.yaml Compose refuses: exit 2, no patch file, each of {@code errors} listed. */
  void assertPatchWritesNothing(String... errors) {
    assertThat(run("patch", "-f", "compose.yaml", "-o", "hardening.patch.yml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: patch writes nothing for compose.yaml: Compose refuses it;")
        .contains(errors);
    assertThat(Files.exists(dir.resolve("hardening.patch.yml"))).isFalse();
  }
}
