package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader warns of, each once. */
class WarningsTest {
  /**
   * An unset variable in an anchored value is read at the anchor and again at each alias of it: one warning, at
   * the place it is written, not one per reading (a baseline would have to record each).
   */
  @Test
  void anUnsetVariableInAnAnchoredValueIsOneWarning(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), """
        x-img: &img "busybox:${V1}"
        services:
          a:
            image: *img
        """);

    LoadResult load = ProjectLoader.load(LoadOptions.of(dir, Map.of(), dir.resolve("compose.yaml")));

    assertThat(load.warnings()).singleElement().satisfies(w -> {
      assertThat(w.message()).isEqualTo("The \"V1\" variable is not set. Defaulting to a blank string.");
      assertThat(w.at().line() + ":" + w.at().column()).isEqualTo("1:22");
    });
  }
}
