package dev.lashing.report;

import static dev.lashing.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.fix.TextEdit;
import dev.lashing.lint.Finding;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SarifReporterTest {
  private static final String SARIF = render("sarif", ReportFixtures.report());
  private static final JsonNode RUN = JsonSchemas.parse(SARIF).get("runs").get(0);

  @Test
  void matchesTheSarifSchema() {
    assertThat(JsonSchemas.errors(JsonSchemas.SARIF_SUBSET, SARIF)).isEmpty();
    JsonNode log = JsonSchemas.parse(SARIF);
    assertThat(log.get("$schema").asString()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
    assertThat(log.get("version").asString()).isEqualTo("2.1.0");
    assertThat(log.get("runs").size()).isEqualTo(1);
  }

  @Test
  void withFixesMatchesTheFullSarifSchema() {
    String sarif = render("sarif", withFixEdits());
    assertThat(JsonSchemas.errors(JsonSchemas.SARIF, sarif)).isEmpty();
    assertThat(JsonSchemas.errors(JsonSchemas.SARIF, SARIF)).isEmpty();
    assertThat(JsonSchemas.errors(JsonSchemas.SARIF, sarif.replace("\"insertedContent\"", "\"insertedText\"")))
        .as("the full schema is really applied").isNotEmpty();
  }

  @Test
  void fixesCarryTheFixEnginesEditsAsArtifactChanges() {
    JsonNode results = JsonSchemas.parse(render("sarif", withFixEdits())).get("runs").get(0).get("results");

    assertThat(results.get(1).get("fixes").toString()).isEqualTo("[{\"description\":{\"text\":"
        + "\"restart unless stopped\"},\"artifactChanges\":[{\"artifactLocation\":{\"uri\":"
        + "\"compose.override.yaml\",\"uriBaseId\":\"%SRCROOT%\"},\"replacements\":[{\"deletedRegion\":"
        + "{\"startLine\":3,\"startColumn\":1,\"endLine\":3,\"endColumn\":1},"
        + "\"insertedContent\":{\"text\":\"    restart: unless-stopped\\n\"}}]}]}]");
    JsonNode unsafe = results.get(3).get("fixes").get(0);
    assertThat(unsafe.get("description").get("text").asString())
        .isEqualTo("remove privileged (changes behaviour: review it; `lashing fix` applies it only with"
            + " --unsafe-fixes)");
    assertThat(unsafe.get("artifactChanges").get(0).get("replacements").get(0).get("deletedRegion").toString())
        .isEqualTo("{\"startLine\":5,\"startColumn\":1,\"endLine\":6,\"endColumn\":1}");
    assertThat(results.get(2).has("fixes")).as("a fix without planned edits is not offered").isFalse();
  }

  /** The fixture report with edits for the restart policy (safe) and privileged (behaviour-changing). */
  private static LintReport withFixEdits() {
    LintReport report = ReportFixtures.report();
    String override = ReportFixtures.OVERRIDE.text();
    int afterWeb = override.indexOf("  web:\n") + "  web:\n".length();
    String compose = ReportFixtures.COMPOSE.text();
    int privileged = compose.indexOf("    privileged: true\n");
    return new LintReport(report.findings(), report.rules(), report.sources(), report.toolVersion(), Map.of(
        report.findings().get(1), Map.of("compose.override.yaml",
            List.of(TextEdit.insert(afterWeb, "    restart: unless-stopped\n"))),
        report.findings().get(3), Map.of("compose.yaml",
            List.of(TextEdit.delete(privileged, privileged + "    privileged: true\n".length())))));
  }

  @Test
  void theSubsetSchemaCatchesAMisspeltProperty() {
    assertThat(JsonSchemas.errors(JsonSchemas.SARIF_SUBSET, SARIF.replace("\"uriBaseId\"", "\"uriBaseID\"")))
        .isNotEmpty();
    String badLevel = SARIF.replaceFirst("\"level\": \"note\"", "\"level\": \"info\"");
    assertThat(JsonSchemas.errors(JsonSchemas.SARIF_SUBSET, badLevel)).isNotEmpty();
  }

  @Test
  void eachResultPointsAtItsRule() {
    JsonNode rules = RUN.get("tool").get("driver").get("rules");
    assertThat(rules.size()).isEqualTo(ReportFixtures.RULES.size());
    for (JsonNode result : RUN.get("results")) {
      JsonNode rule = rules.get(result.get("ruleIndex").asInt());
      assertThat(rule.get("id").asString()).isEqualTo(result.get("ruleId").asString());
      assertThat(rule.get("helpUri").asString()).isEqualTo("https://lashing.dev/rules/" + rule.get("id").asString());
    }
  }

  @Test
  void levelsFollowSeverity() {
    List<String> levels = new ArrayList<>();
    RUN.get("results").forEach(r ->
        levels.add(r.get("properties").get("severity").asString() + "=" + r.get("level").asString()));
    assertThat(levels).containsExactly("info=note", "info=note", "medium=warning", "critical=error", "high=error",
        "low=note", "medium=warning", "low=note");
  }

  @Test
  void securityRulesCarryASecuritySeverityGitHubCanRead() {
    Map<String, String> expected = Map.of(
        "no-privileged", "9.5", "port-all-interfaces", "8.0", "image-unpinned", "5.5", "secret-in-label", "3.0");
    for (JsonNode rule : RUN.get("tool").get("driver").get("rules")) {
      JsonNode properties = rule.get("properties");
      String id = rule.get("id").asString();
      if (expected.containsKey(id)) {
        assertThat(properties.get("security-severity").asString()).as(id).isEqualTo(expected.get(id));
        assertThat(properties.get("tags").toString()).as(id).contains("\"security\"");
      } else {
        assertThat(properties.has("security-severity")).as(id).isFalse();
      }
    }
    JsonNode privileged = RUN.get("tool").get("driver").get("rules").get(2);
    assertThat(privileged.get("properties").get("cis").asString()).isEqualTo("5.5");
    assertThat(privileged.get("defaultConfiguration").get("level").asString()).isEqualTo("error");
  }

  @Test
  void locationsAreRelativeToTheSourceRoot() {
    for (JsonNode result : RUN.get("results")) {
      JsonNode artifact = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
      assertThat(artifact.get("uriBaseId").asString()).isEqualTo("%SRCROOT%");
      assertThat(artifact.get("uri").asString()).doesNotStartWith("/").doesNotContain("\\");
    }
    assertThat(RUN.get("columnKind").asString()).isEqualTo("utf16CodeUnits");
  }

  @Test
  void theRegionIsTheSpanWithItsText() {
    JsonNode region = RUN.get("results").get(4).get("locations").get(0).get("physicalLocation").get("region");
    assertThat(region.toString()).isEqualTo("{\"startLine\":6,\"startColumn\":24,\"endLine\":6,\"endColumn\":41,"
        + "\"snippet\":{\"text\":\"\\\"0.0.0.0:9090:90\\\"\"}}");
  }

  @Test
  void inheritanceBecomesRelatedLocations() {
    JsonNode related = RUN.get("results").get(2).get("relatedLocations");
    assertThat(related.size()).isEqualTo(1);
    assertThat(related.get(0).get("message").get("text").asString()).isEqualTo("via alias");
    assertThat(related.get(0).get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(4);
  }

  @Test
  void suppressedFindingsAreReportedAsSuppressedInSource() {
    List<JsonNode> suppressed = new ArrayList<>();
    RUN.get("results").forEach(r -> {
      if (r.has("suppressions")) {
        suppressed.add(r);
      }
    });
    assertThat(suppressed).hasSize(1);
    assertThat(suppressed.get(0).get("ruleId").asString()).isEqualTo("no-healthcheck");
    assertThat(suppressed.get(0).get("suppressions").toString())
        .isEqualTo("[{\"kind\":\"inSource\",\"justification\":\"the dev database needs none\"}]");
  }

  @Test
  void fingerprintsAreUniqueAndNamedByRecipe() {
    Set<String> seen = new HashSet<>();
    for (JsonNode result : RUN.get("results")) {
      assertThat(seen.add(result.get("partialFingerprints").get("lashing/v1").asString())).isTrue();
    }
  }

  @Test
  void unusualPathsBecomeValidUris() {
    SourceRange relative = SourceRange.synthetic("deploy dir\\compose#1.yaml");
    SourceRange absolute = SourceRange.synthetic("/srv/app/compose.yaml");
    SourceRange windows = SourceRange.synthetic("C:\\app\\compose.yaml");
    SourceRange colon = SourceRange.synthetic("a:b.yaml");
    List<Finding> findings = new ArrayList<>();
    for (SourceRange at : List.of(relative, absolute, windows, colon)) {
      findings.add(new Finding("unknown-rule", Severity.LOW, "m", at, null, List.of(), null, null));
    }
    String sarif = render("sarif", new LintReport(findings, List.<RuleInfo>of(), Map.<String, SourceFile>of(), "1"));

    assertThat(JsonSchemas.errors(JsonSchemas.SARIF_SUBSET, sarif)).isEmpty();
    List<String> locations = new ArrayList<>();
    JsonSchemas.parse(sarif).get("runs").get(0).get("results").forEach(r -> {
      assertThat(r.has("ruleIndex")).isFalse();
      locations.add(r.get("locations").get(0).get("physicalLocation").get("artifactLocation").toString());
    });
    assertThat(locations).containsExactly(
        "{\"uri\":\"deploy%20dir/compose%231.yaml\",\"uriBaseId\":\"%SRCROOT%\"}",
        "{\"uri\":\"file:///srv/app/compose.yaml\"}",
        "{\"uri\":\"file:///C:/app/compose.yaml\"}",
        "{\"uri\":\"a%3Ab.yaml\",\"uriBaseId\":\"%SRCROOT%\"}");
  }
}
