package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A project that Compose reads but Lashing does not read whole, past a limit of its own: fix and patch write
 * nothing, and say that the limit is Lashing's, not Compose's, beside what Compose itself refuses.
 */
class PastLashingLimitTest extends ProjectFolderTest {
  /** A value nested 201 levels deep: Compose reads it, Lashing reads no deeper than 200. */
  private static final String NESTED_TOO_DEEP = "[".repeat(201) + "]".repeat(201);
  /** Defaults nested 201 levels deep: Compose interpolates them, Lashing no deeper than 200. */
  private static final String DEFAULTS_TOO_DEEP = "${A:-".repeat(201) + "nginx:1.27" + "}".repeat(201);

  @Test
  void fixSaysTheLimitIsLashingsOwn() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\nx-deep: " + NESTED_TOO_DEEP + "\n");
    String before = Files.readString(dir.resolve("compose.yaml"));
    assertThat(run("fix", "--write")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: fix writes nothing for compose.yaml: it goes past a limit of"
        + " Lashing's own, which Compose does not set; solve this problem first, then run fix again (lashing lint"
        + " also shows the other findings):\ncompose.yaml:4:")
        .contains("nesting deeper than 200 levels");
    assertThat(Files.readString(dir.resolve("compose.yaml"))).isEqualTo(before);
  }

  @Test
  void patchSaysWhichProblemsAreComposesAndWhichTheLimitsOfLashing() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: \"" + DEFAULTS_TOO_DEEP + "\"\n    command: \"echo ${\"\n");
    assertThat(run("patch", "-f", "compose.yaml", "-o", "hardening.patch.yml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: patch writes nothing for compose.yaml: Compose refuses it, and"
        + " it goes past a limit of Lashing's own; solve these problems first, then run patch again (lashing lint"
        + " also shows the other findings):\n")
        .contains("defaults are nested deeper than 200 levels")
        .contains("invalid interpolation format for services.web.command");
    assertThat(Files.exists(dir.resolve("hardening.patch.yml"))).isFalse();
  }
}
