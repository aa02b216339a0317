package dev.lashing.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The files a run reads, which what it writes must never replace: a slip such as {@code -o compose.yaml} would
 * put a report or a patch where the user's compose file was; and the first words of a file already where a
 * command writes, by which it knows one it wrote itself (a patch, a generated compose file).
 */
final class InputFiles {
  private InputFiles() {}

  /**
   * The input that writing {@code target} would replace, or null: the same path, or the same file through a
   * symbolic link (a write follows it to the file it points to).
   */
  static Path replacedBy(Path target, Collection<Path> inputs) {
    Path written = target.toAbsolutePath().normalize();
    for (Path input : inputs) {
      Path read = input.toAbsolutePath().normalize();
      if (read.equals(written) || sameFile(read, written)) {
        return input;
      }
    }
    return null;
  }

  /**
   * The first 256 bytes of a file, as UTF-8: enough for a header's first words, read without the rest (a patch
   * of a large project runs to megabytes, and a file not ours may be one long line).
   */
  static String firstWords(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(256), StandardCharsets.UTF_8);
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false; // one of them cannot be read: it is not replaced through the other
    }
  }
}
