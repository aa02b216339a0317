package dev.lashing.report;

import static dev.lashing.report.ReportFixtures.COMPOSE;
import static dev.lashing.report.ReportFixtures.range;
import static dev.lashing.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Severity;
import dev.lashing.source.SourceRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GithubReporterTest {

  private static String github(Finding... findings) {
    return render("github", new LintReport(List.of(findings), List.of(), Map.of(), "1"));
  }

  @Test
  void messagesEscapePercentAndLineBreaks() {
    Finding f = new Finding("r", Severity.HIGH, "100% sure\r\nsecond line: a, b", range(COMPOSE, "true"), null,
        List.of(), null, null);
    assertThat(github(f)).isEqualTo(
        "::error file=compose.yaml,line=5,col=17,endLine=5,endColumn=21,title=r::100%25 sure%0D%0Asecond line: a, b\n");
  }

  @Test
  void propertiesAlsoEscapeCommasAndColons() {
    Finding f = new Finding("r", Severity.MEDIUM, "m", new SourceRange("dir,1/a:b%.yaml", 2, 3, 2, 4, 10, 11), null,
        List.of(), null, null);
    assertThat(github(f)).isEqualTo(
        "::warning file=dir%2C1/a%3Ab%25.yaml,line=2,col=3,endLine=2,endColumn=4,title=r::m\n");
  }

  @Test
  void aSpanAcrossLinesHasNoColumns() {
    Finding f = new Finding("r", Severity.LOW, "m", range(COMPOSE, ">", "1GB"), null, List.of(), null, null);
    assertThat(github(f)).isEqualTo("::notice file=compose.yaml,line=11,endLine=13,title=r::m\n");
  }

  @Test
  void oneCommandPerActiveFindingWithTheLevelOfItsSeverity() {
    List<String> lines = render("github", ReportFixtures.report()).lines().toList();
    assertThat(lines).hasSize(7).noneMatch(l -> l.contains("no-healthcheck"));
    assertThat(lines.stream().map(l -> l.substring(0, l.indexOf(' '))))
        .containsExactly("::notice", "::notice", "::warning", "::error", "::error", "::notice", "::notice");
  }
}
