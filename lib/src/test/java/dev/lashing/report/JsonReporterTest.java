package dev.lashing.report;

import static dev.lashing.report.ReportFixtures.COMPOSE;
import static dev.lashing.report.ReportFixtures.range;
import static dev.lashing.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonReporterTest {

  @Test
  void theFixtureMatchesTheSchema() {
    assertThat(JsonSchemas.errors(JsonSchemas.REPORT, render("json", ReportFixtures.report()))).isEmpty();
  }

  @Test
  void theSchemaRejectsWhatTheFormatDoesNotAllow() {
    String json = render("json", ReportFixtures.report())
        .replaceFirst("\"severity\": \"info\"", "\"severity\": \"urgent\"")
        .replaceFirst("\"suppressed\": false", "\"suppressed\": \"no\"");
    assertThat(JsonSchemas.errors(JsonSchemas.REPORT, json)).hasSize(2);
  }

  @Test
  void everyKindOfChangeMatchesTheSchema() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("max-size", "10m");
    value.put("max-file", 3L);
    value.put("compress", true);
    value.put("ratio", 0.5);
    value.put("none", null);
    List<String> path = List.of("services", "web", "logging");
    Fix fix = new Fix("every change", Fix.Safety.SAFE, List.of(
        new Fix.Set(path, value),
        new Fix.Append(List.of("services", "web", "cap_drop"), "ALL"),
        new Fix.ReplaceItem(List.of("services", "web", "ports"), 0, "127.0.0.1:80:80"),
        new Fix.RemoveItem(List.of("services", "web", "cap_add"), 2),
        new Fix.Quote(List.of("services", "web", "environment", "DEBUG")),
        new Fix.Remove(List.of("services", "web", "privileged"))));
    String json = render("json", ReportFixtures.report(List.of(
        new Finding("no-privileged", Severity.HIGH, "m", range(COMPOSE, "true"), "web", List.of(), fix, null))));

    assertThat(JsonSchemas.errors(JsonSchemas.REPORT, json)).isEmpty();
    JsonNode changes = JsonSchemas.parse(json).get("findings").get(0).get("fix").get("changes");
    assertThat(changes.findValuesAsString("op"))
        .containsExactly("set", "append", "replace-item", "remove-item", "quote", "remove");
    assertThat(changes.get(0).get("value").toString())
        .isEqualTo("{\"max-size\":\"10m\",\"max-file\":3,\"compress\":true,\"ratio\":0.5,\"none\":null}");
    assertThat(changes.get(2).get("index").asInt()).isEqualTo(0);
  }

  @Test
  void stringsSurviveEscaping() {
    String message = "quote \" backslash \\ newline \n tab \t bell \u0007 <tag> & emoji 🐳 日本";
    String json = render("json", ReportFixtures.report(List.of(
        new Finding("yaml-1.1-ambiguity", Severity.LOW, message, range(COMPOSE, "true"), "we\"b", List.of(), null,
            "why\nnot"))));

    assertThat(JsonSchemas.errors(JsonSchemas.REPORT, json)).isEmpty();
    JsonNode finding = JsonSchemas.parse(json).get("findings").get(0);
    assertThat(finding.get("message").asString()).isEqualTo(message);
    assertThat(finding.get("service").asString()).isEqualTo("we\"b");
    assertThat(finding.get("suppression").asString()).isEqualTo("why\nnot");
    assertThat(finding.get("suppressed").asBoolean()).isTrue();
    assertThat(json).doesNotContain("\u0007", "\n tab");
  }

  @Test
  void theSummaryCountsActiveFindingsBySeverityAndSuppressedOnes() {
    JsonNode summary = JsonSchemas.parse(render("json", ReportFixtures.report())).get("summary");
    assertThat(summary.get("findings").asInt()).isEqualTo(7);
    assertThat(summary.get("suppressed").asInt()).isEqualTo(1);
    assertThat(summary.get("bySeverity").toString())
        .isEqualTo("{\"critical\":1,\"high\":1,\"medium\":1,\"low\":2,\"info\":2}");
  }
}
