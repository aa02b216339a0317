package dev.lashing.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.model.Service;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {
  @TempDir Path dir;

  @RuleInfo(id = "tty-on", summary = "tty is set", category = Category.CORRECTNESS, severity = Severity.MEDIUM,
      production = Level.HIGH, development = Level.OFF)
  static final class TtyOn implements Rule {
    @Override
    public void check(RuleContext context) {
      for (Service s : context.project().services().values()) {
        if (s.tty() != null && s.tty().value()) {
          context.report(s.tty().origin(), s.name(), "tty is on");
        }
      }
    }
  }

  @RuleInfo(id = "yaml-syntax", summary = "syntax", category = Category.CORRECTNESS, severity = Severity.HIGH)
  static final class Syntax extends LoadProblemRule {
    @Override
    protected Diagnostic.Kind kind() {
      return Diagnostic.Kind.YAML_SYNTAX;
    }
  }

  private final Linter linter =
      new Linter(new RuleRegistry(List.of(new TtyOn(), new Syntax(), new EngineRules().rules().get(0),
          new EngineRules().rules().get(1))));

  private LoadResult load(String yaml) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), yaml);
    return ProjectLoader.load(LoadOptions.of(dir, Map.of(), Path.of("compose.yaml")));
  }

  @Test
  void policiesDecideSeverityAndWhetherARuleRuns() throws IOException {
    LoadResult load = load("services:\n  web:\n    image: x:1\n    tty: true\n");
    assertThat(linter.lint(load, RuleSettings.of(Policy.DEFAULT))).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    assertThat(linter.lint(load, RuleSettings.of(Policy.PRODUCTION))).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    assertThat(linter.lint(load, RuleSettings.of(Policy.DEVELOPMENT))).isEmpty();
  }

  @Test
  void configurationOverridesThePolicy() throws IOException {
    LoadResult load = load("services:\n  web:\n    image: x:1\n    tty: true\n");
    var off = new RuleSettings(Policy.DEFAULT, Map.of("tty-on", new RuleSettings.PerRule(false, null, null)));
    assertThat(linter.lint(load, off)).isEmpty();
    var low = new RuleSettings(Policy.DEVELOPMENT,
        Map.of("tty-on", new RuleSettings.PerRule(null, Severity.LOW, null)));
    assertThat(linter.lint(load, low)).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
  }

  @Test
  void suppressionsOnTheLineOrAboveWithAReason() throws IOException {
    LoadResult load = load("""
        services:
          a:
            image: x:1
            tty: true  # lashing-ignore tty-on -- the console needs it
          b:
            image: x:1
            # lashing-ignore tty-on -- also needed

            tty: true
          c:
            image: x:1
            tty: true  # lashing-ignore tty-on
          d:
            image: x:1  # lashing-ignore tty-on -- nothing to suppress here
        """);
    List<Finding> findings = linter.lint(load, RuleSettings.of(Policy.DEFAULT));
    assertThat(findings).extracting(f -> f.ruleId() + "@" + f.at().line() + (f.isSuppressed() ? " suppressed" : ""))
        .containsExactly("tty-on@4 suppressed", "tty-on@9 suppressed", "tty-on@12", "invalid-suppression@12",
            "unused-suppression@14");
    assertThat(findings.get(0).suppression()).isEqualTo("the console needs it");
    assertThat(findings.get(3).at().column()).isEqualTo(16);
  }

  /**
   * A suppression of a key's line covers the key's scalar value written on a later line, where its findings are:
   * after the key's anchor or tag, the key alone, or from the line above; not the entries of a mapping below a key.
   */
  @Test
  void aSuppressionOfAKeysLineCoversItsValueWrittenBelow() throws IOException {
    LoadResult load = load("""
        services:
          a:
            image: x:1
            tty: &t # lashing-ignore tty-on -- after the anchor
              true
          b:
            image: x:1
            tty: !!bool # lashing-ignore tty-on -- after the tag
              true
          c:
            image: x:1
            tty: # lashing-ignore tty-on -- after the key
              true
          d:
            image: x:1
            # lashing-ignore tty-on -- above the key
            tty:
              true
          e: # lashing-ignore tty-on -- not the service's entries
            image: x:1
            tty: true
        """);
    List<Finding> findings = linter.lint(load, RuleSettings.of(Policy.DEFAULT));
    assertThat(findings).extracting(f -> f.ruleId() + "@" + f.at().line() + (f.isSuppressed() ? " suppressed" : ""))
        .containsExactlyInAnyOrder("tty-on@5 suppressed", "tty-on@9 suppressed", "tty-on@13 suppressed",
            "tty-on@18 suppressed", "tty-on@21", "unused-suppression@19");
    assertThat(findings).filteredOn(Finding::isSuppressed).extracting(Finding::suppression)
        .containsExactly("after the anchor", "after the tag", "after the key", "above the key");
  }

  /** One of the rules a suppression names that suppresses nothing is reported, as it would be named alone. */
  @Test
  void aRuleOfSeveralThatSuppressesNothingIsReported() throws IOException {
    LoadResult load = load("services:\n  a:\n    image: x:1\n"
        + "    tty: true  # lashing-ignore tty-on,yaml-syntax -- console\n");
    assertThat(linter.lint(load, RuleSettings.of(Policy.DEFAULT))).filteredOn(f -> f.ruleId().equals("unused-suppression"))
        .singleElement().satisfies(f -> {
          assertThat(f.message()).isEqualTo("lashing-ignore for yaml-syntax suppresses nothing");
          assertThat(f.at().line()).isEqualTo(4);
        });
  }

  /**
   * A suppression that names a rule there is not is malformed (invalid-suppression, medium), not merely unused: it
   * says so, with the closest name; another rule it names that suppresses nothing is still unused.
   */
  @Test
  void aSuppressionOfAMistypedRuleIsInvalidAndSuggestsTheRule() throws IOException {
    LoadResult load = load("services:\n  a:\n    image: x:1\n"
        + "    tty: true  # lashing-ignore tty-onn,yaml-syntax -- console\n");
    List<Finding> findings = linter.lint(load, RuleSettings.of(Policy.DEFAULT));
    assertThat(findings).filteredOn(f -> f.ruleId().equals("invalid-suppression")).singleElement().satisfies(f -> {
      assertThat(f.message()).isEqualTo("lashing-ignore names unknown rule 'tty-onn' (did you mean 'tty-on'?);"
          + " `lashing rules` lists them");
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.at().line()).isEqualTo(4);
    });
    assertThat(findings).filteredOn(f -> f.ruleId().equals("unused-suppression")).singleElement()
        .extracting(Finding::message).isEqualTo("lashing-ignore for yaml-syntax suppresses nothing");
  }

  @Test
  void theFirstSuppressionThatCoversAFindingGivesItsReasonAndTheOthersAreUnused() throws IOException {
    LoadResult load = load("""
        services:
          a:
            image: x:1
            # lashing-ignore tty-on -- the first of the run
            # lashing-ignore tty-on -- the second of the run

            tty: true
          b:
            image: x:1
            tty: true  # lashing-ignore tty-on -- the line's own
        # lashing-ignore-file tty-on -- the whole file, after both
        # lashing-ignore tty-on -- nothing follows
        """);
    List<Finding> findings = linter.lint(load, RuleSettings.of(Policy.DEFAULT));
    assertThat(findings).extracting(f -> f.ruleId() + "@" + f.at().line()
            + (f.isSuppressed() ? " suppressed: " + f.suppression() : ""))
        .containsExactly("unused-suppression@5", "tty-on@7 suppressed: the first of the run",
            "tty-on@10 suppressed: the line's own", "unused-suppression@11", "unused-suppression@12");

    LoadResult fileFirst = load("""
        # lashing-ignore-file tty-on -- the whole file, before the line's own
        services:
          b:
            image: x:1
            tty: true  # lashing-ignore tty-on -- the line's own
        """);
    assertThat(linter.lint(fileFirst, RuleSettings.of(Policy.DEFAULT)))
        .extracting(f -> f.ruleId() + "@" + f.at().line() + (f.isSuppressed() ? " suppressed: " + f.suppression() : ""))
        .containsExactly("tty-on@5 suppressed: the whole file, before the line's own", "unused-suppression@5");
  }

  @Test
  void aSuppressionInsideAStringIsText() throws IOException {
    LoadResult load = load("""
        services:
          a:
            image: x:1
            tty: true
            command: "echo # lashing-ignore tty-on -- not a comment"
        """);
    List<Finding> findings = linter.lint(load, RuleSettings.of(Policy.DEFAULT));
    // before comments came from the parse, this line was taken for a suppression comment
    assertThat(findings).extracting(Finding::ruleId).contains("tty-on").doesNotContain("unused-suppression");
    assertThat(findings).noneMatch(Finding::isSuppressed);
  }

  @Test
  void wholeFileSuppression() throws IOException {
    LoadResult load = load("""
        # lashing-ignore-file tty-on -- a debugging stack
        services:
          a: {image: x:1, tty: true}
          b: {image: x:1, tty: true}
        """);
    assertThat(linter.lint(load, RuleSettings.of(Policy.DEFAULT))).allMatch(Finding::isSuppressed).hasSize(2);
  }

  @Test
  void loadFailuresAreReportedUnderTheirRule() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web: [\n");
    ComposeException e = org.junit.jupiter.api.Assertions.assertThrows(ComposeException.class,
        () -> ProjectLoader.load(LoadOptions.of(dir, Map.of(), Path.of("compose.yaml"))));
    List<Finding> findings = linter.loadFailure(e.diagnostics(), RuleSettings.of(Policy.DEFAULT));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("yaml-syntax");
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.at().line()).isEqualTo(3);
    });
    var off = new RuleSettings(Policy.DEFAULT, Map.of("yaml-syntax", new RuleSettings.PerRule(false, null, null)));
    assertThat(linter.loadFailure(e.diagnostics(), off)).singleElement()
        .satisfies(f -> assertThat(f.severity()).as("bad input is never silent").isEqualTo(Severity.CRITICAL));
  }
}
