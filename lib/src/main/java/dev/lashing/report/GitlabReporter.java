package dev.lashing.report;

import static dev.lashing.report.JsonText.object;

import dev.lashing.lint.Finding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * GitLab Code Quality: a JSON array of issues, which GitLab shows in merge requests and matches between
 * pipelines by fingerprint. Suppressed findings are left out (the format cannot mark them).
 */
final class GitlabReporter implements Reporter {

  @Override
  public void write(LintReport report, Appendable out) throws IOException {
    List<String> fingerprints = Fingerprints.of(report.findings(), report.sources());
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < report.findings().size(); i++) {
      if (!report.findings().get(i).isSuppressed()) {
        shown.add(i);
      }
    }
    List<Object> issues = JsonText.items(shown.size(), k -> {
      int i = shown.get(k);
      Finding f = report.findings().get(i);
      // GitLab requires a line; a finding without a position points at the start of its file.
      int begin = f.at().isSynthetic() ? 1 : f.at().line();
      int end = f.at().isSynthetic() ? 1 : f.at().endLine();
      return object(
          "description", f.message(),
          "check_name", f.ruleId(),
          "fingerprint", fingerprints.get(i),
          "severity", severity(f),
          "location", object(
              "path", f.at().file().replace('\\', '/'),
              "lines", object("begin", begin, "end", end)));
    });
    JsonText.write(issues, out);
  }

  /** GitLab's five levels, matched one to one by rank. */
  private static String severity(Finding f) {
    return switch (f.severity()) {
      case CRITICAL -> "blocker";
      case HIGH -> "critical";
      case MEDIUM -> "major";
      case LOW -> "minor";
      case INFO -> "info";
    };
  }
}
