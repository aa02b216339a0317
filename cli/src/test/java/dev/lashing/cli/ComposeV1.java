package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Python docker-compose 1.29, when scripts/install-test-tools.sh installed it: tests that compare with it
 * skip, saying so, when it is absent.
 */
final class ComposeV1 {
  private final String program;

  private ComposeV1(String program) {
    this.program = program;
  }

  /** docker-compose on the PATH; skips the calling test, visibly, when there is none. */
  static ComposeV1 require(String what) {
    String program = onPath("docker-compose");
    if (program == null) {
      System.err.println("SKIPPED: docker-compose not installed (scripts/install-test-tools.sh installs it); " + what
          + " is skipped");
    }
    assumeTrue(program != null, "docker-compose not installed: " + what + " skipped");
    return new ComposeV1(program);
  }

  /** What {@code docker-compose -f FILE config -q} said, and whether it accepted the file. */
  record Outcome(boolean accepted, String output) {}

  Outcome config(Path compose) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(program, "-f", compose.toString(), "config", "-q")
        .directory(compose.getParent().toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Outcome(p.exitValue() == 0, output);
  }

  private static String onPath(String program) {
    String path = System.getenv("PATH");
    for (String entry : (path == null ? "" : path).split(File.pathSeparator)) {
      Path candidate = Path.of(entry, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
