package dev.lashing.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

  /**
   * {@code sudo lashing fix --write} on a deployment's file must not hand it to root: its user and group keep it,
   * as they keep its mode.
   */
  @Test
  void aReplacedFileKeepsItsOwnerAndGroup() throws IOException {
    assumeTrue(isRoot(), "skipped: only root can give a file to another user, which this test needs");
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, "old\n");
    Files.setAttribute(file, "unix:uid", NOBODY);
    Files.setAttribute(file, "unix:gid", NOBODY);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    AtomicFiles.write(file, "new\n");
    assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(NOBODY);
    assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(NOBODY);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    assertThat(Files.readString(file)).isEqualTo("new\n");
  }

  /**
   * A compose file that holds passwords is often readable by its owner alone: while its new text is written, the
   * temporary file is too, whatever the umask allows (a stopped process may even leave it behind).
   */
  @ParameterizedTest
  @ValueSource(strings = {"rw-------", "rw-r--r--"})
  void whileItIsWrittenOnlyTheOwnerCanReadTheTemporaryFile(String mode) throws IOException {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, "old\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    List<String> seen = new java.util.ArrayList<>();
    AtomicFiles.write(file, out -> {
      out.write("POSTGRES_PASSWORD: secret\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (String name : names()) {
        if (name.endsWith(".tmp")) {
          seen.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))));
        }
      }
    });
    assertThat(seen).containsExactly("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo(mode);
  }

  @Test
  void aNewFileBelongsToTheUserWritingIt() throws IOException {
    Path file = dir.resolve("compose.yaml");
    AtomicFiles.write(file, "new\n");
    Path reference = Files.createFile(dir.resolve("reference"));
    assertThat(Files.getOwner(file)).isEqualTo(Files.getOwner(reference));
    assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(Files.getAttribute(reference, "unix:gid"));
  }

  /** A file its owner made read-only is not replaced, not even by root, whom no mode stops. */
  @Test
  void aReadOnlyFileIsNotReplaced() throws IOException {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, "old\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    assertThatThrownBy(() -> AtomicFiles.write(file, "new\n"))
        .isInstanceOf(java.nio.file.AccessDeniedException.class).hasMessageContaining("the file is read-only");
    assertThat(Files.readString(file)).isEqualTo("old\n");
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

  /** A named pipe stays one: what is written goes to its reader, not into a plain file put in its place. */
  @Test
  void aNamedPipeIsWrittenInPlace() throws Exception {
    Path pipe = dir.resolve("report.fifo");
    assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "skipped: no mkfifo here");
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(pipe);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });

    AtomicFiles.write(pipe, "report\n");

    assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo("report\n");
    assertThat(Files.readAttributes(pipe, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()).isTrue();
    assertThat(names()).containsExactly("report.fifo");
  }

  /**
   * A descriptor's name ({@code /dev/stdout} when a shell redirected it to a file) leads to a file another process
   * holds open: it is written, not replaced by a new file that the holder would never see.
   */
  @Test
  void aFileReachedThroughADescriptorsNameIsWrittenNotReplaced() throws IOException {
    Path file = dir.resolve("log.txt");
    Files.writeString(file, "old text, longer than the new\n");
    Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    try (FileOutputStream held = new FileOutputStream(file.toFile(), true)) {
      Path descriptor = descriptorOf(file);
      assumeTrue(descriptor != null, "skipped: no /proc/self/fd here");

      AtomicFiles.write(descriptor, "report\n");

      assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
      assertThat(Files.readString(file)).isEqualTo("report\n");
      assertThat(names()).containsExactly("log.txt");
    }
  }

  private static Path descriptorOf(Path file) throws IOException {
    Path descriptors = Path.of("/proc/self/fd");
    if (!Files.isDirectory(descriptors)) {
      return null;
    }
    try (Stream<Path> open = Files.list(descriptors)) {
      return open.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).equals(file.toRealPath());
        } catch (IOException gone) {
          return false;
        }
      }).findFirst().orElse(null);
    }
  }

  private static final int NOBODY = 65534;

  private static boolean isRoot() throws IOException {
    Path probe = Files.createTempFile("lashing-owner", "");
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(probe, "unix:uid"));
    } finally {
      Files.delete(probe);
    }
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
