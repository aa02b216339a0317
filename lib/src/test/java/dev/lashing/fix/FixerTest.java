package dev.lashing.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.lint.Severity;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rounds of a fix: fixes that never settle are a bug, never a result made of some of the rounds. */
class FixerTest {
  @TempDir Path dir;

  /** Wants `always` where it finds `unless-stopped`, and the other way round: its fixes never settle. */
  @RuleInfo(id = "restart-policy", summary = "s", category = Category.RELIABILITY, severity = Severity.MEDIUM,
      fixable = true)
  static final class Flipping implements Rule {
    @Override
    public void check(RuleContext context) {
      for (Service s : context.project().services().values()) {
        String wanted = s.effectiveRestart().map(r -> r.toString().contains("always")).orElse(false)
            ? "unless-stopped" : "always";
        context.report(s.nameOrigin(), s.name(), "flip", new Fix("set restart to " + wanted, Fix.Safety.SAFE,
            List.of(new Fix.Set(List.of("services", s.name(), "restart"), wanted))));
      }
    }
  }

  /** Asks for a restart policy Compose refuses: the round its fix makes does not load. */
  @RuleInfo(id = "restart-policy", summary = "s", category = Category.RELIABILITY, severity = Severity.MEDIUM,
      fixable = true)
  static final class Invalid implements Rule {
    @Override
    public void check(RuleContext context) {
      for (Service s : context.project().services().values()) {
        if (s.effectiveRestart().isEmpty()) {
          context.report(s.nameOrigin(), s.name(), "no restart", new Fix("restart", Fix.Safety.SAFE,
              List.of(new Fix.Set(List.of("services", s.name(), "restart"), Map.of("not", "a string")))));
        }
      }
    }
  }

  /** Wants a restart policy and a read-only root on every service: two fixes of one service. */
  @RuleInfo(id = "restart-policy", summary = "s", category = Category.RELIABILITY, severity = Severity.MEDIUM,
      fixable = true)
  static final class RestartAndReadOnly implements Rule {
    @Override
    public void check(RuleContext context) {
      for (Service s : context.project().services().values()) {
        if (s.effectiveRestart().isEmpty()) {
          context.report(s.nameOrigin(), s.name(), "no restart", new Fix("restart", Fix.Safety.SAFE,
              List.of(new Fix.Set(List.of("services", s.name(), "restart"), "always"))));
        }
        if (!s.isReadOnly()) {
          context.report(s.nameOrigin(), s.name(), "writable", new Fix("read-only", Fix.Safety.SAFE,
              List.of(new Fix.Set(List.of("services", s.name(), "read_only"), true))));
        }
      }
    }
  }

  private LoadOptions project() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n");
    return LoadOptions.of(dir, Map.of(), dir.resolve("compose.yaml"));
  }

  @Test
  void fixesThatStillChangeTheFilesAfterTheLastRoundAreAnInternalError() throws IOException {
    Fixer fixer = new Fixer(new RuleRegistry(List.of(new Flipping())));
    assertThatThrownBy(() -> fixer.fix(project(), RuleSettings.of(Policy.DEFAULT), Fixer.Options.safe()))
        .isInstanceOf(Fixer.Unsettled.class)
        .hasMessage("fixes still change the files after " + Fixer.MAX_ROUNDS + " rounds");
  }

  @Test
  void aRoundThatWouldNotLoadIsAnInternalErrorNotASkippedFix() throws IOException {
    Fixer fixer = new Fixer(new RuleRegistry(List.of(new Invalid())));
    assertThatThrownBy(() -> fixer.fix(project(), RuleSettings.of(Policy.DEFAULT), Fixer.Options.safe()))
        .isInstanceOf(Fixer.Unsettled.class)
        .hasMessageStartingWith("the fixed files would not load: compose.yaml:");
  }

  /** Services that take their keys from another through YAML get its fix from it, not a copy of their own. */
  @Test
  void aServiceThatIsAnAliasOfAnotherOrMergesItIsFixedThroughIt() throws IOException {
    LoadOptions options = project();
    String text = "services:\n  w1: &w1\n    image: nginx:1.27\n  w2: &w2\n    <<: *w1\n    image: redis:7\n"
        + "  w3: *w2\n";
    LoadResult loaded = ProjectLoader.load(options, Map.of(dir.resolve("compose.yaml"), text));
    Fixer.Result result = new Fixer(new RuleRegistry(List.of(new RestartAndReadOnly())))
        .fix(options, loaded, RuleSettings.of(Policy.DEFAULT), Fixer.Options.safe());
    assertThat(result.files().get(0).after()).isEqualTo("services:\n  w1: &w1\n    image: nginx:1.27\n"
        + "    restart: always\n    read_only: true\n  w2: &w2\n    <<: *w1\n    image: redis:7\n  w3: *w2\n");
    assertThat(result.skipped()).isEmpty();
  }

  @Test
  void theEditsOfEveryRoundMakeTheFixedTextFromTheTextTheFirstRoundRead() throws IOException {
    LoadOptions options = project();
    // the editor's text, not the file's: a service written as an alias, whose two fixes take two rounds
    String text = "x-c: &c\n  image: nginx:1.27\nservices:\n  web: *c\n  db:\n    image: postgres:16\n";
    LoadResult loaded = ProjectLoader.load(options, Map.of(dir.resolve("compose.yaml"), text));
    Fixer fixer = new Fixer(new RuleRegistry(List.of(new RestartAndReadOnly())));

    Fixer.Result all = fixer.fix(options, loaded, RuleSettings.of(Policy.DEFAULT), Fixer.Options.safe());
    assertThat(all.fixed()).hasSize(4);
    String after = all.files().get(0).after();
    assertThat(after).contains("web:\n    <<: *c\n", "restart: always", "read_only: true")
        .contains("db:\n    image: postgres:16\n");
    assertThat(TextEdits.apply(text, all.edits().get("compose.yaml"))).isEqualTo(after);

    Fixer.Result webOnly = fixer.fix(options, loaded, RuleSettings.of(Policy.DEFAULT), Fixer.Options.safe(),
        f -> "web".equals(f.service()));
    assertThat(webOnly.fixed()).hasSize(2).allMatch(f -> f.service().equals("web"));
    assertThat(TextEdits.apply(text, webOnly.edits().get("compose.yaml")))
        .isEqualTo(webOnly.files().get(0).after()).endsWith("  db:\n    image: postgres:16\n");
  }
}
