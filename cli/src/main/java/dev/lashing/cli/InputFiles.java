package dev.lashing.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The files a run reads, which what it writes must never replace: a slip such as {@code -o compose.yaml} would
 * put a report or a patch where the user's compose file was.
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

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false; // one of them cannot be read: it is not replaced through the other
    }
  }
}
