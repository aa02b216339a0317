package dev.lashing.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What fix and patch may write: no file that a later run would refuse to read. */
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
}
