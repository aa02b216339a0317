package dev.lashing.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** A command test: the CLI run in a fresh project folder, with what it printed by the last run. */
abstract class ProjectFolderTest {
  @TempDir Path dir;
  StringWriter out;
  StringWriter err;

  /** Runs the CLI in the project folder with an empty environment; {@link #out} and {@link #err} hold what it printed. */
  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), dir).run(args);
  }

  void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
