package dev.lashing.cli.lsp;

import dev.lashing.lint.Finding;
import dev.lashing.report.LintReport;
import dev.lashing.report.Wording;
import dev.lashing.source.Via;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;

/**
 * A run's findings as the protocol's diagnostics, by file: every file of the project gets its list, empty
 * ones too, so the editor clears what a change fixed. A finding that reaches a service through an anchor,
 * {@code extends}, {@code include} or an override file is shown where it is written, with the places it
 * came through as related information.
 */
final class FindingDiagnostics {
  static final String SOURCE = "lashing";

  private FindingDiagnostics() {}

  static Map<Path, List<Diagnostic>> of(ProjectRun run) {
    Map<Path, List<Diagnostic>> byFile = new LinkedHashMap<>();
    run.files().forEach(file -> byFile.put(file, new ArrayList<>()));
    for (Finding f : run.findings()) {
      if (!f.isSuppressed()) {
        byFile.computeIfAbsent(run.placeOf(f), k -> new ArrayList<>()).add(diagnostic(run, f));
      }
    }
    return byFile;
  }

  private static Diagnostic diagnostic(ProjectRun run, Finding f) {
    Diagnostic d = new Diagnostic(Ranges.of(f.at()), f.message(), severity(f), SOURCE, f.ruleId());
    d.setCodeDescription(new DiagnosticCodeDescription(LintReport.helpUri(f.ruleId())));
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (Via via : f.via()) {
      if (!via.at().isSynthetic()) {
        related.add(new DiagnosticRelatedInformation(
            new Location(run.uriOf(run.pathOf(via.at().file())), Ranges.of(via.at())),
            "via " + Wording.label(via.kind())));
      }
    }
    if (!related.isEmpty()) {
      d.setRelatedInformation(related);
    }
    return d;
  }

  private static DiagnosticSeverity severity(Finding f) {
    return switch (f.severity()) {
      case CRITICAL, HIGH -> DiagnosticSeverity.Error;
      case MEDIUM -> DiagnosticSeverity.Warning;
      case LOW -> DiagnosticSeverity.Information;
      case INFO -> DiagnosticSeverity.Hint;
    };
  }
}
