package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cross-field checks as a lenient load (lint, validate) reports them beside the errors of earlier steps. */
class ConsistencyTest {
  /**
   * A config whose {@code external: ${UNSET}} was refused and left out is not reported again for having no source:
   * the refused value says what to change.
   */
  @Test
  void aSourceLeftOutForAnEarlierErrorIsNotReportedMissing(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          s:
            image: alpine
        configs:
          before:
            name: nothing
          refused:
            external: ${UNSET_FLAG}
          missing:
            name: nothing
        """);

    LoadResult lenient =
        ProjectLoader.loadLeniently(LoadOptions.of(dir, Map.of(), dir.resolve("compose.yaml")), Map.of());

    assertThat(lenient.errors()).extracting(Diagnostic::message).containsExactly(
        "configs.before: one of file|environment|content must be set",
        "configs.refused.external: invalid boolean: ",
        "configs.missing: one of file|environment|content must be set");
  }

  /** compose-go reads an empty image as none: written so, or a variable that is not set (found by ConfigFuzzTest). */
  @Test
  void anEmptyImageIsNoImage(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          empty:
            image: ""
          unset:
            image: ${NO_SUCH_TAG}
          built:
            image: ""
            build: .
        """);

    LoadResult lenient =
        ProjectLoader.loadLeniently(LoadOptions.of(dir, Map.of(), dir.resolve("compose.yaml")), Map.of());

    assertThat(lenient.errors()).extracting(d -> d.at().line() + ": " + d.message()).containsExactly(
        "3: service \"empty\" has neither an image nor a build context specified",
        "5: service \"unset\" has neither an image nor a build context specified");
  }
}
