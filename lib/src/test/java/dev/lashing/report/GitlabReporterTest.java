package dev.lashing.report;

import static dev.lashing.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GitlabReporterTest {
  private static final JsonNode ISSUES = JsonSchemas.parse(render("gitlab", ReportFixtures.report()));

  @Test
  void anIssuePerActiveFindingWithTheFieldsGitlabRequires() {
    assertThat(ISSUES.isArray()).isTrue();
    assertThat(ISSUES.size()).isEqualTo(7);
    Set<String> fingerprints = new HashSet<>();
    for (JsonNode issue : ISSUES) {
      assertThat(issue.get("description").asString()).isNotEmpty();
      assertThat(issue.get("check_name").asString()).isNotEqualTo("no-healthcheck");
      assertThat(fingerprints.add(issue.get("fingerprint").asString())).isTrue();
      assertThat(issue.get("location").get("path").asString()).doesNotStartWith("/");
      assertThat(issue.get("location").get("lines").get("begin").asInt()).isPositive();
    }
  }

  @Test
  void severitiesMapByRank() {
    List<String> severities = new ArrayList<>();
    ISSUES.forEach(i -> severities.add(i.get("severity").asString()));
    assertThat(severities).containsExactly("info", "info", "major", "blocker", "critical", "minor", "minor");
  }

  @Test
  void fingerprintsAreTheJsonReportsFingerprints() {
    JsonNode findings = JsonSchemas.parse(render("json", ReportFixtures.report())).get("findings");
    assertThat(ISSUES.get(2).get("fingerprint").asString()).isEqualTo(findings.get(2).get("fingerprint").asString());
  }
}
