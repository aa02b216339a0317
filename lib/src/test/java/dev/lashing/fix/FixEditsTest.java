package dev.lashing.fix;

import static dev.lashing.fix.Fixture.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Severity;
import dev.lashing.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixEditsTest {
  @TempDir Path dir;

  private static final String COMPOSE = "services:\n  web:\n    image: nginx  # front\n    privileged: true\n";

  private Finding finding(SourceFile source, String at, Fix fix) {
    int i = source.text().indexOf(at);
    return new Finding("test-rule", Severity.MEDIUM, fix.description(), source.range(i, i + at.length()), "web",
        List.of(), fix, null);
  }

  @Test
  void eachFindingGetsTheMinimalEditsTheFixEngineWrites() {
    Fixture project = new Fixture(dir).file("compose.yaml", COMPOSE);
    SourceFile source = project.load().sources().get("compose.yaml");
    FixEdits edits = new FixEdits(project.load());
    Finding restart = finding(source, "web", set("restart", "unless-stopped", "services", "web", "restart"));
    Finding unprivileged = finding(source, "true", new Fix("drop privileged", Fix.Safety.BEHAVIOUR_CHANGING,
        List.of(new Fix.Remove(List.of("services", "web", "privileged")))));

    Map<String, List<TextEdit>> first = edits.of(restart);
    Map<String, List<TextEdit>> second = edits.of(unprivileged);

    assertThat(first).containsOnlyKeys("compose.yaml");
    assertThat(apply(COMPOSE, first.get("compose.yaml")))
        .isEqualTo(project.fix("web", restart.fix()).text());
    assertThat(apply(COMPOSE, second.get("compose.yaml")))
        .isEqualTo("services:\n  web:\n    image: nginx  # front\n");
    assertThat(edits.of(restart)).as("planning again gives the same edits").isEqualTo(first);
  }

  @Test
  void findingsWithoutAWritableFixGetNone() {
    Fixture project = new Fixture(dir).file("compose.yaml", COMPOSE);
    SourceFile source = project.load().sources().get("compose.yaml");
    FixEdits edits = new FixEdits(project.load());
    Finding noFix = new Finding("test-rule", Severity.LOW, "m", source.range(0, 8), "web", List.of(), null, null);
    Finding fixable = finding(source, "web", set("restart", "always", "services", "web", "restart"));

    assertThat(edits.of(noFix)).isEmpty();
    assertThat(edits.of(fixable.suppressed("known"))).isEmpty();
  }

  private static String apply(String text, List<TextEdit> edits) {
    TextEdits all = new TextEdits();
    all.addAll(edits);
    return all.apply(text);
  }
}
