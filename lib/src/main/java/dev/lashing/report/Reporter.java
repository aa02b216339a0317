package dev.lashing.report;

import java.io.IOException;

/** Prints a lint report in one output format. Implementations keep no state between calls. */
public interface Reporter {
  /** Writes the whole report; the output ends with a line break unless it is empty. */
  void write(LintReport report, Appendable out) throws IOException;

  /** Whether this format shows {@link LintReport#fixEdits()}, so they are worth planning. */
  default boolean showsFixEdits() {
    return false;
  }
}
