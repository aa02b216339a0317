package dev.lashing.fuzz;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;

/** What every fuzz target asks of Lashing's own errors. */
final class FuzzChecks {
  private FuzzChecks() {}

  /** A load error says where: each problem names a file, and a line where the problem is in its text. */
  static void positioned(ComposeException e) {
    if (e.diagnostics().isEmpty()) {
      throw new AssertionError("a load error without a problem", e);
    }
    for (Diagnostic d : e.diagnostics()) {
      if (d.at() == null || d.at().file() == null || !d.at().isSynthetic() && d.at().line() < 1) {
        throw new AssertionError("a problem without a position: " + d, e);
      }
    }
  }
}
