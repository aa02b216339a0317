package dev.lashing.report;

import static dev.lashing.report.ReportFixtures.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Severity;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
  private static final String YAML = """
      services:
        web:
          image: nginx
          privileged: true
      """;

  private static String fingerprint(SourceFile file, String text, String rule, String service) {
    Finding f = new Finding(rule, Severity.HIGH, "runs privileged", range(file, text), service, List.of(), null, null);
    return Fingerprints.of(f, file);
  }

  private static String privileged(String name, String yaml) {
    return fingerprint(new SourceFile(name, yaml), "true", "no-privileged", "web");
  }

  @Test
  void isSha256InHex() {
    assertThat(privileged("compose.yaml", YAML)).matches("[0-9a-f]{64}");
  }

  @Test
  void survivesLinesAddedAboveAndReindenting() {
    String before = privileged("compose.yaml", YAML);
    assertThat(privileged("compose.yaml", "# the shop\nname: shop\n\n" + YAML)).isEqualTo(before);
    assertThat(privileged("compose.yaml", YAML.replace("    privileged", "      privileged"))).isEqualTo(before);
    assertThat(privileged("compose.yaml", YAML + "  db:\n    image: postgres\n")).isEqualTo(before);
  }

  @Test
  void onAVeryLongLineReadsTheTextAroundTheFindingOnly() {
    String padding = "a: 1, ".repeat(5_000); // 30,000 characters: more than a line taken whole
    String yaml = "x: {" + padding + "web: {privileged: true}, " + padding + "}\n";
    String before = privileged("compose.yaml", yaml);
    assertThat(privileged("compose.yaml", yaml.replaceFirst("a: 1", "b: 2")))
        .as("an edit thousands of characters away").isEqualTo(before);
    String editedAFewHundredBefore = "x: {" + padding.substring(0, padding.length() - 360) + "b: 2, "
        + padding.substring(padding.length() - 354) + "web: {privileged: true}, " + padding + "}\n";
    assertThat(privileged("compose.yaml", editedAFewHundredBefore))
        .as("an edit beyond the 256 characters read on either side").isEqualTo(before);
    assertThat(privileged("compose.yaml", yaml.replace("1, web:", "2, web:")))
        .as("an edit beside the finding").isNotEqualTo(before);
  }

  @Test
  void changesWithWhatIdentifiesTheFinding() {
    String before = privileged("compose.yaml", YAML);
    SourceFile file = new SourceFile("compose.yaml", YAML);
    assertThat(privileged("compose.yaml", YAML.replace("privileged: true", "privileged: true # on purpose")))
        .isNotEqualTo(before);
    assertThat(privileged("other.yaml", YAML)).isNotEqualTo(before);
    assertThat(fingerprint(file, "true", "other-rule", "web")).isNotEqualTo(before);
    assertThat(fingerprint(file, "true", "no-privileged", "db")).isNotEqualTo(before);
    assertThat(fingerprint(file, "privileged", "no-privileged", "web")).isNotEqualTo(before);
  }

  @Test
  void pathsAreTheSameOnWindows() {
    assertThat(privileged("deploy\\compose.yaml", YAML)).isEqualTo(privileged("deploy/compose.yaml", YAML));
  }

  @Test
  void repeatedFindingsAreToldApartByOccurrence() {
    SourceFile file = new SourceFile("compose.yaml", """
        services:
          web:
            cap_add:
              - SYS_ADMIN
              - SYS_ADMIN
        """);
    int second = file.text().lastIndexOf("SYS_ADMIN");
    Finding first = new Finding("cap-add", Severity.HIGH, "m", range(file, "SYS_ADMIN"), "web", List.of(), null, null);
    Finding again = new Finding("cap-add", Severity.HIGH, "m", file.range(second, second + 9), "web", List.of(), null,
        null);

    List<String> both = Fingerprints.of(List.of(first, again), Map.of(file.name(), file));
    assertThat(both.get(0)).isEqualTo(Fingerprints.of(first, file)).isNotEqualTo(both.get(1));
  }

  @Test
  void withoutTextTheMessageIdentifiesTheFinding() {
    Finding unplaced = new Finding("project-name", Severity.INFO, "no name", SourceRange.synthetic("compose.yaml"),
        null, List.of(), null, null);
    Finding otherMessage = new Finding("project-name", Severity.INFO, "no name at all",
        SourceRange.synthetic("compose.yaml"), null, List.of(), null, null);
    assertThat(Fingerprints.of(unplaced, null)).isNotEqualTo(Fingerprints.of(otherMessage, null));
    assertThat(Fingerprints.of(unplaced, null))
        .isEqualTo(Fingerprints.of(unplaced, new SourceFile("compose.yaml", "")));
  }
}
