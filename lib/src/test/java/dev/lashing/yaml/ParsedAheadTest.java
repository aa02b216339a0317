package dev.lashing.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser read ahead on its own thread gives what reading on one thread gives, failures included. */
class ParsedAheadTest {
  private static final String SERVICES = manyServices(3000);

  @Test
  void readsAheadAlike() {
    for (String text : List.of(
        SERVICES,
        SERVICES + "---\nservices: {b: {image: x}}\n# last\n",
        SERVICES + "  broken: [unclosed\n",
        SERVICES + "  twice:\n    image: a\n    image: b\n",
        SERVICES + "x: " + "[".repeat(300) + "]".repeat(300) + "\n",
        SERVICES + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + aliasBomb(),
        "services: {a: {image: x}}\n")) {
      assertThat(outcome(text, 0)).isEqualTo(outcome(text, Integer.MAX_VALUE));
    }
  }

  @Test
  void stopsTheReaderWhenTheTreeRefusesTheText() throws InterruptedException {
    String bomb = SERVICES + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + aliasBomb() + manyServices(20000);
    assertThat(outcome(bomb, 0)).startsWith("refused");
    for (int i = 0; i < 100 && readerAlive(); i++) {
      Thread.sleep(20);
    }
    assertThat(readerAlive()).as("the parser's thread has ended").isFalse();
  }

  private static boolean readerAlive() {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("lashing-yaml-parser"));
  }

  private static String outcome(String text, int parsedAheadFrom) {
    try {
      ParsedYaml parsed = YamlReader.parse(new SourceFile("compose.yaml", text), parsedAheadFrom);
      return parsed.documents() + "\n" + parsed.comments() + "\n" + parsed.anchors();
    } catch (ComposeException e) {
      return "refused " + e.diagnostics();
    }
  }

  private static String manyServices(int count) {
    StringBuilder text = new StringBuilder("# services\nservices:\n");
    for (int i = 0; i < count; i++) {
      text.append("  s").append(i).append(": {image: 'app:1', ports: [\"80").append(i % 10).append(":80\"]}\n");
    }
    return text.toString();
  }

  private static String aliasBomb() {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i < 12; i++) {
      text.append("a").append(i).append(": &a").append(i).append(" [");
      text.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
    }
    return text.toString();
  }
}
