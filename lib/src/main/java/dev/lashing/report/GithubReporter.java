package dev.lashing.report;

import dev.lashing.lint.Finding;
import dev.lashing.source.SourceRange;
import java.io.IOException;

/**
 * GitHub Actions workflow commands, one line per active finding, which the runner turns into annotations
 * on the pull request: {@code ::error file=F,line=L,col=C,endLine=L,endColumn=C,title=rule-id::message}.
 * The message carries the fix and inheritance hints on further (escaped) lines.
 */
final class GithubReporter implements Reporter {

  @Override
  public void write(LintReport report, Appendable out) throws IOException {
    StringBuilder text = new StringBuilder();
    Wording.Hints hints = new Wording.Hints();
    for (Finding f : report.active()) {
      SourceRange at = f.at();
      text.append("::").append(command(f)).append(" file=").append(property(at.file()));
      if (!at.isSynthetic()) {
        // The runner rejects columns on an annotation that spans lines.
        boolean oneLine = at.endLine() == at.line();
        text.append(",line=").append(at.line());
        if (oneLine) {
          text.append(",col=").append(at.column());
        }
        text.append(",endLine=").append(at.endLine());
        if (oneLine) {
          text.append(",endColumn=").append(at.endColumn());
        }
      }
      StringBuilder message = new StringBuilder(f.message());
      hints.of(f).forEach(hint -> message.append('\n').append(hint));
      text.append(",title=").append(property(f.ruleId())).append("::").append(data(message.toString())).append('\n');
      // a line at a time: a million findings make a report of hundreds of megabytes, not to be held whole
      out.append(text);
      text.setLength(0);
    }
  }

  private static String command(Finding f) {
    return switch (f.severity()) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "notice";
    };
  }

  /** The runner's escaping of a command's message (as in @actions/core's escapeData). */
  private static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** The runner's escaping of a property value (escapeProperty): also the separators {@code :} and {@code ,}. */
  private static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
