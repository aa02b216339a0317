package dev.lashing.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares output with a golden file; {@code -Dlashing.updateGolden=true} rewrites the file instead. */
public final class Golden {
  private Golden() {}

  public static void assertMatches(Path golden, String actual) {
    try {
      if (Boolean.getBoolean("lashing.updateGolden")) {
        Files.createDirectories(golden.toAbsolutePath().getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(Files.exists(golden))
          .as("golden file %s is missing; run with -Dlashing.updateGolden=true to create it", golden)
          .isTrue();
      assertThat(actual).as("output differs from golden file %s", golden)
          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
