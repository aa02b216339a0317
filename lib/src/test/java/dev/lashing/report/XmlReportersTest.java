package dev.lashing.report;

import static dev.lashing.report.ReportFixtures.COMPOSE;
import static dev.lashing.report.ReportFixtures.range;
import static dev.lashing.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** JUnit and Checkstyle XML: well-formed whatever the findings say, and the counts CI systems read. */
class XmlReportersTest {
  private static final String HOSTILE = "a & b < c > d \"q\" 'a' ]]> \u0001 bell\r\nnext\ttab 🐳 \uFFFF";
  /** What a parser gives back: characters XML cannot hold become U+FFFD, the rest survives. */
  private static final String PARSED = "a & b < c > d \"q\" 'a' ]]> \uFFFD bell\r\nnext\ttab 🐳 \uFFFD";

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static LintReport hostile() {
    Finding f = new Finding("r", Severity.HIGH, HOSTILE, range(COMPOSE, "true"), "web", List.of(), null, null);
    return new LintReport(List.of(f), List.of(), Map.of(), "1");
  }

  @Test
  void checkstyleEscapesAttributes() throws Exception {
    Element error = (Element) parse(render("checkstyle", hostile())).getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message")).isEqualTo(PARSED);
    assertThat(error.getAttribute("severity")).isEqualTo("error");
    assertThat(error.getAttribute("source")).isEqualTo("lashing.r");
  }

  @Test
  void checkstyleListsActiveFindingsByFile() throws Exception {
    Document doc = parse(render("checkstyle", ReportFixtures.report()));
    assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("4.3");
    assertThat(doc.getElementsByTagName("file").getLength()).isEqualTo(2);
    assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(7);
  }

  @Test
  void junitEscapesAttributesAndText() throws Exception {
    Element failure = (Element) parse(render("junit", hostile())).getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo(PARSED);
    assertThat(failure.getAttribute("type")).isEqualTo("high");
    // The body is the text format's headline, which keeps a finding on one line.
    assertThat(failure.getTextContent())
        .isEqualTo("compose.yaml:5:17: high [r] " + PARSED.replace("\r\n", "  ").replace("\t", " "));
  }

  @Test
  void junitClassNamesKeepDottedRuleIdsWhole() throws Exception {
    Finding f = new Finding("yaml-1.1-ambiguity", Severity.LOW, "m", range(COMPOSE, "true"), null, List.of(), null,
        null);
    Document doc = parse(render("junit", new LintReport(List.of(f), List.of(), Map.of(), "1")));
    Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getAttribute("classname")).isEqualTo("lashing.yaml-1_1-ambiguity");
    assertThat(testcase.getAttribute("name")).isEqualTo("yaml-1.1-ambiguity at compose.yaml:5:17");
  }

  @Test
  void junitCountsAddUp() throws Exception {
    Document doc = parse(render("junit", ReportFixtures.report()));
    Element suites = doc.getDocumentElement();
    assertThat(List.of(suites.getAttribute("tests"), suites.getAttribute("failures"), suites.getAttribute("skipped")))
        .containsExactly("9", "7", "1");
    assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(3);
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(9);
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(7);
    assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(1);
  }

  @Test
  void junitWithoutFilesOrFindingsIsAnEmptyValidDocument() throws Exception {
    Document doc = parse(render("junit", new LintReport(List.of(), List.of(), Map.of(), "1")));
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("0");
  }
}
