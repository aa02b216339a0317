package dev.lashing.cli;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.yaml.SourceFiles;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Why {@code fix} or {@code patch} writes nothing for a project Compose refuses: a file that Compose cannot
 * run is not made safer by editing around it, so the user is told which problems to solve first.
 */
final class Refusal {
  private Refusal() {}

  /** Says why {@code command} writes nothing for the project whose first file is {@code project}. */
  static void explain(PrintWriter err, String command, Path project, Path workingDirectory, ComposeException refused) {
    String shown = SourceFiles.displayName(workingDirectory, project);
    err.println("lashing: " + command + " writes nothing for " + shown + ": Compose refuses it; solve "
        + (errors(refused) == 1 ? "this problem" : "these problems")
        + " first, then run " + command + " again (lashing lint also shows the other findings):");
    for (Diagnostic d : refused.diagnostics()) {
      if (d.isError()) {
        err.println(d.toString().replace("\n", " "));
      }
    }
  }

  private static int errors(ComposeException refused) {
    int errors = 0;
    for (Diagnostic d : refused.diagnostics()) {
      if (d.isError()) {
        errors++;
      }
    }
    return errors;
  }
}
