package dev.lashing.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first words of a file already where a command writes, by which it knows one it wrote itself (a patch, a
 * generated compose file).
 */
final class FirstWords {
  private FirstWords() {}

  /**
   * The first 256 bytes of a file, as UTF-8: enough for a header's first words, read without the rest (a patch
   * of a large project runs to megabytes, and a file not ours may be one long line).
   */
  static String of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(256), StandardCharsets.UTF_8);
    }
  }
}
