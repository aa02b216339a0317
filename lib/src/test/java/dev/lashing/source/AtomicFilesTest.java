package dev.lashing.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aNewFileGetsThePermissionsTheUmaskGives() throws IOException {
    AtomicFiles.write(dir.resolve("compose.yaml"), "services: {}\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("compose.yaml"))))
        .isEqualTo(Umask.newFileMode());
    assertThat(Files.readString(dir.resolve("compose.yaml"))).isEqualTo("services: {}\n");
  }

  @Test
  void aReplacedFileKeepsItsMode() throws IOException {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, "old\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    AtomicFiles.write(file, "new\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    assertThat(Files.readString(file)).isEqualTo("new\n");
    assertThat(names()).containsExactly("compose.yaml");
  }

  @Test
  void throughASymbolicLinkTheFileItPointsToIsReplaced() throws IOException {
    Path real = dir.resolve("real.yaml");
    Files.writeString(real, "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real);
    AtomicFiles.write(link, "new\n");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new\n");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, "old\n");
    Files.createDirectory(dir.resolve("taken"));
    Files.writeString(dir.resolve("taken/x"), "x");
    // a rename cannot replace a non-empty directory
    assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("taken"), "new\n")).isInstanceOf(IOException.class);
    assertThat(names()).containsExactlyInAnyOrder("compose.yaml", "taken");
    assertThat(Files.readString(file)).isEqualTo("old\n");
  }

  @Test
  void contentThatFailsWhileStreamingLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("report.json");
    Files.writeString(file, "old\n");
    assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
      out.write(new byte[1 << 20]); // past the buffer, so part of it is in the temporary file
      throw new IOException("No space left on device");
    })).hasMessage("No space left on device");
    assertThat(names()).containsExactly("report.json");
    assertThat(Files.readString(file)).isEqualTo("old\n");
  }

  @Test
  void streamedContentIsWrittenWhole() throws IOException {
    Path file = dir.resolve("report.txt");
    AtomicFiles.write(file, out -> {
      for (int i = 0; i < 100_000; i++) {
        out.write(("line " + i + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    });
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(100_000).startsWith("line 0").endsWith("line 99999");
  }

  /**
   * A process writing a large report is stopped as a user would stop it; the folder then holds the report whole
   * or not at all, and no temporary file.
   */
  @ParameterizedTest
  @ValueSource(strings = {"TERM", "INT"})
  void aProcessStoppedMidWriteLeavesNoTemporaryFile(String signal) throws Exception {
    assumeFalse(signal.equals("INT") && ignoresInterrupts(),
        "skipped: this process ignores SIGINT (started from a background job of a shell), and so does the writer");
    Path report = dir.resolve("report.json");
    Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SlowReportWriter.class.getName(), report.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (names().stream().noneMatch(n -> n.endsWith(".tmp"))) {
        assertThat(writer.isAlive()).as("the writer is still running").isTrue();
        assertThat(System.nanoTime()).as("a temporary file appears").isLessThan(deadline);
        Thread.sleep(5);
      }
      new ProcessBuilder("kill", "-" + signal, Long.toString(writer.pid())).start().waitFor();
      assertThat(writer.waitFor(60, TimeUnit.SECONDS)).as("the writer stops").isTrue();
    } finally {
      writer.destroyForcibly();
    }
    assertThat(names()).allMatch(n -> n.equals("report.json"));
    if (Files.exists(report)) {
      assertThat(Files.size(report)).isEqualTo(SlowReportWriter.SIZE);
    }
  }

  /**
   * Whether this process ignores SIGINT, as a program started in the background by a non-interactive shell does:
   * the children it starts inherit that, and a Java process keeps an ignored SIGINT ignored.
   */
  private static boolean ignoresInterrupts() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
        return (ignored & (1L << (2 - 1))) != 0; // SIGINT is signal 2, bit 1 of the mask
      }
    }
    return false;
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
