package dev.lashing.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lashing.source.ComposeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How files are read and named, and what fix and patch may write: no file that a later run would refuse to read. */
class SourceFilesTest {
  private static final int LIMIT = (int) SourceFiles.MAX_BYTES;

  @Test
  void aTextAsLargeAsTheLimitIsWritten() {
    String text = "#".repeat(LIMIT);
    assertThat(SourceFiles.readableBack("compose.yaml", text)).isSameAs(text);
  }

  @Test
  void oneByteOverTheLimitIsNot() {
    assertThatThrownBy(() -> SourceFiles.readableBack("compose.yaml", "#".repeat(LIMIT + 1)))
        .isInstanceOf(SourceFiles.TooLargeToWrite.class)
        .hasMessage("compose.yaml would be 16777217 bytes long, and Lashing reads no file over 16777216 bytes");
  }

  @Test
  void theLimitIsInBytesOfUtf8NotInCharacters() {
    // a third of the limit in characters, each three bytes long, and one more byte
    String euros = "\u20ac".repeat(LIMIT / 3) + "##";
    assertThat(euros.length()).isLessThan(LIMIT);
    assertThatThrownBy(() -> SourceFiles.readableBack("compose.yaml", euros))
        .hasMessageStartingWith("compose.yaml would be 16777217 bytes long");
    // a character beyond the BMP is two chars and four bytes
    String faces = "\ud83d\ude00".repeat(LIMIT / 4);
    assertThat(SourceFiles.readableBack("compose.yaml", faces)).isSameAs(faces);
    assertThatThrownBy(() -> SourceFiles.readableBack("compose.yaml", faces + "#"))
        .hasMessageStartingWith("compose.yaml would be 16777217 bytes long");
  }

  @Test
  void aFileIsNamedRelativeToTheWorkingDirectoryWhenBelowIt() {
    Path work = Path.of("/srv/stack");
    assertThat(SourceFiles.displayName(work, Path.of("/srv/stack/compose.yaml"))).isEqualTo("compose.yaml");
    assertThat(SourceFiles.displayName(work, Path.of("/srv/stack/ops/../base/compose.yaml")))
        .isEqualTo("base/compose.yaml");
    assertThat(SourceFiles.displayName(work, Path.of("/srv/stack"))).isEqualTo(".");
    assertThat(SourceFiles.displayName(Path.of("/srv/stack/"), Path.of("/srv/stack/a.yaml"))).isEqualTo("a.yaml");
    assertThat(SourceFiles.displayName(Path.of("/"), Path.of("/etc/compose.yaml"))).isEqualTo("etc/compose.yaml");
  }

  @Test
  void aFileElsewhereIsNamedByItsAbsolutePath() {
    Path work = Path.of("/srv/stack");
    // a sibling whose name starts with the working directory's is not below it
    assertThat(SourceFiles.displayName(work, Path.of("/srv/stack-old/compose.yaml")))
        .isEqualTo("/srv/stack-old/compose.yaml");
    assertThat(SourceFiles.displayName(work, Path.of("/srv/stack/../compose.yaml"))).isEqualTo("/srv/compose.yaml");
  }

  @Test
  void aFileIsReadWhole(@TempDir Path dir) throws IOException {
    String text = "services:\n  web:\n    image: nginx:1.27 # \u00e9t\u00e9\n" + "#".repeat(100_000) + "\n";
    Path file = Files.writeString(dir.resolve("compose.yaml"), text, StandardCharsets.UTF_8);
    assertThat(SourceFiles.read(file, "compose.yaml").text()).isEqualTo(text);
    assertThat(SourceFiles.read(Files.writeString(dir.resolve("empty.yaml"), ""), "empty.yaml").text()).isEmpty();
  }

  @Test
  void aMissingFileOrADirectoryIsAPositionedRefusal(@TempDir Path dir) {
    assertThatThrownBy(() -> SourceFiles.read(dir.resolve("absent.yaml"), "absent.yaml"))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> SourceFiles.read(dir, "dir"))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("cannot read file");
  }

  @Test
  void aFileOfAnotherFileSystemIsReadToo(@TempDir Path dir) throws IOException {
    // a library user's paths need not be the default file system's: here a zip file's
    try (FileSystem zip = FileSystems.newFileSystem(dir.resolve("stack.zip"), Map.of("create", "true"))) {
      Path file = Files.writeString(zip.getPath("/compose.yaml"), "services: {}\n");
      assertThat(SourceFiles.read(file, "compose.yaml").text()).isEqualTo("services: {}\n");
    }
  }
}
