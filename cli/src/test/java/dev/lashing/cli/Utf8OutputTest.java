package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8OutputTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Utf8Output out = new Utf8Output(bytes);

  private String written() throws IOException {
    out.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aPieceHandedOnAgainIsWrittenAgain() throws IOException {
    String frame = "  1 | services: {s0: {image: nginx}\u2026\n";
    out.write("a\n");
    out.write(frame);
    out.write(frame);
    out.write("b\n");
    out.write(frame);
    out.write("\u00e9\n");
    out.write(frame);

    assertThat(written()).isEqualTo("a\n" + frame + frame + "b\n" + frame + "\u00e9\n" + frame);
  }

  @Test
  void aSurrogatePairSplitBetweenPiecesIsOneCharacter() throws IOException {
    String emoji = "\uD83D\uDE00";
    String endsHigh = "x" + emoji.charAt(0);
    out.write(endsHigh);
    out.write(emoji.charAt(1) + "y");
    // the same text twice over: each time its high surrogate waits for the next piece (the first is left alone)
    out.write(endsHigh);
    out.write(endsHigh);
    out.write(emoji.substring(1));

    assertThat(written()).isEqualTo("x" + emoji + "y" + "x" + "?" + "x" + emoji);
  }

  @Test
  void partOfAPieceIsWrittenAsThatPart() throws IOException {
    String text = "h\u00e9llo w\u00f6rld";
    out.write(text, 0, text.length());
    out.write(text, 6, 5);
    out.write(text, 0, text.length());

    assertThat(written()).isEqualTo(text + "w\u00f6rld" + text);
  }
}
