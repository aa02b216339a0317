package dev.lashing.report;

import dev.lashing.lint.Finding;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Checkstyle XML, which many CI tools and reviewdog read: a {@code file} element per file with findings
 * and an {@code error} per active finding. The format has no way to mark a suppression, so suppressed
 * findings are left out.
 */
final class CheckstyleReporter implements Reporter {

  @Override
  public void write(LintReport report, Appendable out) throws IOException {
    StringBuilder xml = new StringBuilder(Xml.DECLARATION).append("<checkstyle version=\"4.3\">\n");
    for (Map.Entry<String, List<Finding>> group : report.byFile().entrySet()) {
      List<Finding> active = group.getValue().stream().filter(f -> !f.isSuppressed()).toList();
      if (active.isEmpty()) {
        continue;
      }
      xml.append("  <file name=\"").append(Xml.attribute(group.getKey())).append("\">\n");
      for (Finding f : active) {
        xml.append("    <error");
        if (!f.at().isSynthetic()) {
          xml.append(" line=\"").append(f.at().line()).append("\" column=\"").append(f.at().column()).append('"');
        }
        xml.append(" severity=\"").append(severity(f)).append('"')
            .append(" message=\"").append(Xml.attribute(f.message())).append('"')
            .append(" source=\"lashing.").append(Xml.attribute(f.ruleId())).append("\"/>\n");
        // an element at a time: a million findings make a report of hundreds of megabytes, not to be held whole
        out.append(xml);
        xml.setLength(0);
      }
      xml.append("  </file>\n");
    }
    out.append(xml.append("</checkstyle>\n"));
  }

  private static String severity(Finding f) {
    return switch (f.severity()) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "info";
    };
  }
}
