package dev.lashing.report;

import dev.lashing.lint.Finding;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JUnit XML as GitLab, Jenkins and most CI systems read it: a {@code testsuite} per file, a failing
 * {@code testcase} per finding (skipped when suppressed), and one passing case for a file without findings,
 * because Jenkins treats a report without tests as an error. Times are 0 so the output is reproducible.
 */
final class JunitReporter implements Reporter {

  @Override
  public void write(LintReport report, Appendable out) throws IOException {
    Map<String, List<Finding>> byFile = report.byFile();
    Map<String, List<Finding>> files = new TreeMap<>(byFile);
    for (String file : report.sources().keySet()) {
      files.putIfAbsent(file, List.of());
    }
    Summary total = Summary.of(report.findings());
    StringBuilder xml = new StringBuilder(Xml.DECLARATION);
    xml.append("<testsuites name=\"").append(LintReport.TOOL_NAME).append('"');
    counts(xml, report.findings().size() + files.size() - byFile.size(), total);
    xml.append(">\n");
    for (Map.Entry<String, List<Finding>> group : files.entrySet()) {
      String file = Xml.attribute(group.getKey());
      List<Finding> findings = group.getValue();
      xml.append("  <testsuite name=\"").append(file).append('"');
      counts(xml, Math.max(findings.size(), 1), Summary.of(findings));
      xml.append(">\n");
      if (findings.isEmpty()) {
        xml.append("    <testcase name=\"").append(file).append("\" classname=\"").append(LintReport.TOOL_NAME)
            .append("\" file=\"").append(file).append("\" time=\"0\"/>\n");
      }
      Wording.Hints hints = new Wording.Hints();
      for (Finding f : findings) {
        String name = f.ruleId() + (f.service() == null ? "" : " in " + f.service()) + " at " + f.at();
        // Jenkins splits a class name into package and class at dots: yaml-1.1-ambiguity must stay whole.
        String className = LintReport.TOOL_NAME + '.' + f.ruleId().replace('.', '_');
        xml.append("    <testcase name=\"").append(Xml.attribute(name))
            .append("\" classname=\"").append(Xml.attribute(className))
            .append("\" file=\"").append(file).append("\" time=\"0\">\n");
        if (f.isSuppressed()) {
          xml.append("      <skipped message=\"").append(Xml.attribute("suppressed: " + f.suppression()))
              .append("\"/>\n");
        } else {
          StringBuilder body = new StringBuilder(TextReporter.headline(f, false));
          hints.of(f).forEach(hint -> body.append('\n').append(hint));
          xml.append("      <failure message=\"").append(Xml.attribute(f.message()))
              .append("\" type=\"").append(f.severity().label()).append("\">")
              .append(Xml.text(body.toString())).append("</failure>\n");
        }
        xml.append("    </testcase>\n");
        // a case at a time: a million findings make a report of hundreds of megabytes, not to be held whole
        out.append(xml);
        xml.setLength(0);
      }
      xml.append("  </testsuite>\n");
    }
    out.append(xml.append("</testsuites>\n"));
  }

  private static void counts(StringBuilder xml, int tests, Summary summary) {
    xml.append(" tests=\"").append(tests).append("\" failures=\"").append(summary.active())
        .append("\" errors=\"0\" skipped=\"").append(summary.suppressed()).append("\" time=\"0\"");
  }
}
