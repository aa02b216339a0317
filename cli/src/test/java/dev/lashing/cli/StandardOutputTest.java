package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command whose standard output cannot be written stops, and says why unless its reader simply went away. */
class StandardOutputTest {
  @TempDir Path dir;

  /** Many services, so that the report runs well past a pipe's buffer and Main's. */
  private void writeLargeProject() throws IOException {
    StringBuilder yaml = new StringBuilder("services:\n");
    for (int i = 0; i < 2000; i++) {
      yaml.append("  s").append(i).append(":\n    image: nginx:1.27\n");
    }
    Files.writeString(dir.resolve("compose.yaml"), yaml.toString());
  }

  /** Standard output as Main makes it, over a stream whose writes fail with {@code reason}. */
  private static PrintWriter failing(String reason) {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException(reason);
      }
    };
    return new PrintWriter(new Utf8Output(new BufferedOutputStream(new StandardOutput(broken), 1 << 16)));
  }

  @Test
  void aFullDiskUnderARedirectIsAnErrorNotAShortReportThatPasses() throws IOException {
    writeLargeProject();
    StringWriter err = new StringWriter();
    int code = new Cli(failing("No space left on device"), new PrintWriter(err), Map.of(), dir)
        .run("lint", "--fail-on", "critical", "compose.yaml");
    assertThat(code).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).isEqualTo("lashing: cannot write standard output: no space left on device\n");
  }

  @Test
  void aReaderThatWentAwayEndsTheRunQuietlyWithTheCodeOfSigpipe() throws IOException {
    writeLargeProject();
    StringWriter err = new StringWriter();
    int code = new Cli(failing("Broken pipe"), new PrintWriter(err), Map.of(), dir).run("lint", "compose.yaml");
    assertThat(code).isEqualTo(141);
    assertThat(err.toString()).isEmpty();
  }

  /** {@code lashing lint | head -1}: the process ends as soon as it finds the pipe closed, quietly, with 141. */
  @Test
  void aRealPipeClosedAfterOneLine() throws Exception {
    writeLargeProject();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "lint", "compose.yaml");
    Process lashing = new ProcessBuilder(command).directory(dir.toFile())
        .redirectError(dir.resolve("err.txt").toFile()).start();
    try (InputStream out = lashing.getInputStream()) {
      StringBuilder line = new StringBuilder();
      for (int c = out.read(); c >= 0 && c != '\n'; c = out.read()) {
        line.append((char) c);
      }
      assertThat(line.toString()).startsWith("compose.yaml:2:3: ");
    }
    assertThat(lashing.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(lashing.exitValue()).isEqualTo(141);
    assertThat(Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8)).isEmpty();
  }
}
