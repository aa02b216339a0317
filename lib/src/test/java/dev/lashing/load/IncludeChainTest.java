package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.render.ConfigWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists stay unique through a chain of includes although an included project, unique already, is not made
 * unique again: what a level shares with the project it includes still is.
 */
class IncludeChainTest {
  @Test
  void listsStayUniqueThroughIncludes(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("c.yaml"), """
        services:
          s:
            image: app
            ports: ["80:80", "80:80", "90:90"]
            volumes: [./c:/data]
        """);
    Files.writeString(dir.resolve("b.yaml"), """
        include: [c.yaml]
        services:
          t:
            image: app
            ports: ["70:70", "70:70"]
        """);
    Files.writeString(dir.resolve("compose.yaml"), """
        include: [b.yaml]
        services:
          s:
            ports: ["90:90", "81:81"]
            volumes: [./a:/data]
        """);
    LoadOptions options = LoadOptions.of(dir, Map.of(), dir.resolve("compose.yaml"));

    String config = ConfigWriter.yaml(ProjectLoader.load(options).tree());
    LoadResult lenient = ProjectLoader.loadLeniently(options, Map.of());

    assertThat(ConfigWriter.yaml(lenient.tree())).isEqualTo(config);
    assertThat(lenient.project().services().get("s").ports()).hasSize(3);
    assertThat(lenient.project().services().get("s").volumes()).hasSize(1);
    assertThat(lenient.project().services().get("s").volumes().get(0).source().value()).endsWith("/a");
    assertThat(lenient.project().services().get("t").ports()).hasSize(1);
  }

  /** An env file an included file names, and that is missing, is told where the included file names it. */
  @Test
  void aMissingEnvFileOfAnIncludedFileIsToldWhereItIsNamed(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/inc.yaml"), "services:\n  b:\n    image: busybox\n    env_file: [nofile.env]\n");
    Files.writeString(dir.resolve("compose.yaml"), "include:\n  - sub/inc.yaml\nservices:\n  a:\n    image: busybox\n");

    LoadResult lenient = ProjectLoader.loadLeniently(LoadOptions.of(dir, Map.of(), dir.resolve("compose.yaml")), Map.of());

    assertThat(lenient.errors()).singleElement().satisfies(d -> {
      // named as the other paths of messages are, from the working directory, not as an absolute path
      assertThat(d.message()).isEqualTo("env file sub/nofile.env not found");
      assertThat(d.at().file() + ":" + d.at().line() + ":" + d.at().column()).isEqualTo("sub/inc.yaml:4:16");
    });
  }
}
