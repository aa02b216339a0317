package dev.lashing.fuzz;

import dev.lashing.load.LoadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The files of a project a fuzz input describes: its text split at NUL characters into {@code compose.yaml},
 * {@code base.yaml} (for {@code extends}), {@code inc.yaml} (for {@code include}) and {@code .env}, written to a
 * folder of their own (in memory where the system has {@code /dev/shm}) so that the loader reads them as it
 * reads a user's files. Parts the input does not give are absent.
 */
final class FuzzProject {
  static final List<String> FILES = List.of("compose.yaml", "base.yaml", "inc.yaml", ".env");

  final Path directory;

  FuzzProject(String name) {
    try {
      Path shm = Path.of("/dev/shm");
      directory = Files.isDirectory(shm) && Files.isWritable(shm)
          ? Files.createTempDirectory(shm, "lashing-fuzz-" + name + "-")
          : Files.createTempDirectory("lashing-fuzz-" + name + "-");
      directory.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the project of {@code input}; the options load its compose.yaml as Compose would. */
  LoadOptions write(byte[] input) {
    String[] parts = new String(input, StandardCharsets.UTF_8).split("\0", -1);
    try {
      for (int i = 0; i < FILES.size(); i++) {
        Path file = directory.resolve(FILES.get(i));
        if (i < parts.length) {
          Files.writeString(file, parts[i], StandardCharsets.UTF_8);
          file.toFile().deleteOnExit();
        } else {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return LoadOptions.of(directory, Map.of(), directory.resolve("compose.yaml"));
  }

  /** Replaces one file's text. */
  void replace(String file, String text) {
    try {
      Files.writeString(directory.resolve(file), text, StandardCharsets.UTF_8);
      directory.resolve(file).toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
