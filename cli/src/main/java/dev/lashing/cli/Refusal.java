package dev.lashing.cli;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.yaml.SourceFiles;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Why {@code fix} or {@code patch} writes nothing for a project that cannot be loaded: a file that Compose cannot
 * run is not made safer by editing around it, nor is one read only in part, past a limit of Lashing's own, so the
 * user is told which problems to solve first, and whose they are.
 */
final class Refusal {
  private Refusal() {}

  /** Says why {@code command} writes nothing for the project whose first file is {@code project}. */
  static void explain(PrintWriter err, String command, Path project, Path workingDirectory, ComposeException refused) {
    int composes = 0;
    int lashings = 0;
    for (Diagnostic d : refused.diagnostics()) {
      if (d.isError() && d.pastLashingLimit()) {
        lashings++;
      } else if (d.isError()) {
        composes++;
      }
    }
    String why = lashings == 0 ? "Compose refuses it"
        : composes == 0 ? "it goes past a limit of Lashing's own, which Compose does not set"
        : "Compose refuses it, and it goes past a limit of Lashing's own";
    err.println("lashing: " + command + " writes nothing for " + SourceFiles.displayName(workingDirectory, project)
        + ": " + why + "; solve " + (composes + lashings == 1 ? "this problem" : "these problems")
        + " first, then run " + command + " again (lashing lint also shows the other findings):");
    for (Diagnostic d : refused.diagnostics()) {
      if (d.isError()) {
        err.println(d.toString().replace("\n", " "));
      }
    }
  }
}
