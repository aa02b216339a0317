package dev.lashing.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SourceFileTest {
  @Test
  void lineFeedsCarriageReturnsAndTheirPairsEachEndOneLine() {
    SourceFile file = new SourceFile("f", "a\nb\r\nc\rd\n\r\n\re\r");
    assertThat(lines(file)).containsExactly("a", "b", "c", "d", "", "", "e", "");
    assertThat(file.lineOf(file.text().indexOf('e'))).isEqualTo(7);
    assertThat(file.columnOf(file.text().indexOf('d'))).isEqualTo(1);
  }

  @Test
  void aTextWithoutBreaksIsOneLine() {
    assertThat(lines(new SourceFile("f", ""))).containsExactly("");
    assertThat(lines(new SourceFile("f", "no break"))).containsExactly("no break");
  }

  @Test
  void linesAreThoseOfACharacterByCharacterReading() {
    Random random = new Random(7);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append("\r\nx".charAt(random.nextInt(3)));
      }
      assertThat(lines(new SourceFile("f", text.toString())))
          .as("lines of %s", text.toString().replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(readOneByOne(text.toString()));
    }
  }

  private static List<String> lines(SourceFile file) {
    List<String> lines = new ArrayList<>();
    for (int line = 1; line <= file.lineCount(); line++) {
      lines.add(file.line(line));
    }
    return lines;
  }

  /** YAML 1.2's line breaks: LF, CR, or CR LF as one. */
  private static List<String> readOneByOne(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        lines.add(line.toString());
        line.setLength(0);
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else {
        line.append(c);
      }
    }
    lines.add(line.toString());
    return lines;
  }
}
