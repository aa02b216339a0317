package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Compose's YAML reader takes NEL, LS and PS for line breaks; YAML 1.2, and the reader here, for text. A line
 * separator in a comment hid what Compose reads after it: now it is an error where it is written, beside the other
 * findings, and fix writes nothing.
 */
class UnusualLineBreaksTest extends ProjectFolderTest {

  /** After the line separator, Compose reads {@code privileged: true}; Lashing read a comment. */
  private static final String HIDDEN = "services:\n  web:\n    image: nginx:1.27 # pinned\u2028    privileged: true\n"
      + "    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n";

  @Test
  void aLineSeparatorThatEndsACommentForComposeIsAnErrorThere() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), HIDDEN, StandardCharsets.UTF_8);
    assertThat(run("lint", "--format", "github", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(out.toString())
        .contains("file=compose.yaml,line=3,col=31,endLine=3,endColumn=32,title=yaml-syntax::U+2028 (line separator)"
            + " ends this comment for Compose's YAML reader (go-yaml), which reads the text after it as YAML, not as a"
            + " part of the comment as Lashing does; remove it, or put that text on a line of its own\n")
        .contains("file=compose.yaml,line=5,col=9,endLine=5,endColumn=50,title=docker-socket::");
    assertFixWritesNothing("compose.yaml:3:31: U+2028 (line separator) ends this comment");
  }
}
