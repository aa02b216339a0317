package dev.lashing.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lashing.fix.DigestLock;
import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Level;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleRole;
import dev.lashing.lint.RuleSettings;
import dev.lashing.lint.Severity;
import dev.lashing.load.LoadOptions;
import dev.lashing.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The patcher's loop and checks, with small stand-ins for the built-in rules (which live in another module). */
class PatcherTest {
  @TempDir Path dir;

  @RuleInfo(id = "restart-policy", summary = "s", category = Category.RELIABILITY, severity = Severity.MEDIUM,
      fixable = true, patch = PatchCoverage.DEFAULT)
  static final class NoRestart implements Rule {
    @Override
    public void check(RuleContext context) {
      for (Service s : context.project().services().values()) {
        if (s.effectiveRestart().isEmpty()) {
          context.report(s.nameOrigin(), s.name(), "no restart", new Fix("restart", Fix.Safety.SAFE,
              List.of(new Fix.Set(List.of("services", s.name(), "restart"), "unless-stopped"))));
        }
      }
    }
  }

  @RuleInfo(id = "internal-service-published", summary = "s", category = Category.NETWORK,
      severity = Severity.MEDIUM, production = Level.HIGH, optIn = true, fixable = true,
      patch = PatchCoverage.DEFAULT, roles = RuleRole.GATEWAYS)
  static final class Published implements Rule {
    @Override
    public void check(RuleContext context) {
      List<String> gateways = context.options().strings("gateways", List.of());
      for (Service s : context.project().services().values()) {
        for (int i = s.ports().size() - 1; i >= 0 && !gateways.contains(s.name()); i--) {
          context.report(s.ports().get(i).origin(), s.name(), "published", new Fix("unpublish",
              Fix.Safety.BEHAVIOUR_CHANGING, List.of(new Fix.RemoveItem(List.of("services", s.name(), "ports"), i))));
        }
      }
    }
  }

  /** Asks for a value it then does not accept: the patch can never satisfy it. */
  @RuleInfo(id = "memory-limit", summary = "s", category = Category.RESOURCES, severity = Severity.MEDIUM,
      fixable = true, patch = PatchCoverage.DEFAULT)
  static final class Unsatisfiable implements Rule {
    @Override
    public void check(RuleContext context) {
      for (Service s : context.project().services().values()) {
        context.report(s.nameOrigin(), s.name(), "never enough", new Fix("more", Fix.Safety.SAFE,
            List.of(new Fix.Set(List.of("services", s.name(), "mem_limit"), "1g"))));
      }
    }
  }

  /** A rule the patch does not cover: every image without a digest. */
  @RuleInfo(id = "image-digest", summary = "s", category = Category.SUPPLY_CHAIN, severity = Severity.MEDIUM)
  static final class Unpinned implements Rule {
    @Override
    public void check(RuleContext context) {
      for (Service s : context.project().services().values()) {
        if (s.image() != null && !s.image().text().contains("@")) {
          context.report(s.nameOrigin(), s.name(), "not pinned");
        }
      }
    }
  }

  private LoadOptions project(String compose) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), compose);
    return LoadOptions.of(dir, Map.of(), dir.resolve("compose.yaml"));
  }

  private static final String STACK = """
      services:
        proxy:
          image: nginx:1.27
          ports: ["80:80"]
        app:
          image: ghcr.io/acme/app:1.0.0
          ports: ["8080:8080"]
      """;

  @Test
  void fixesBecomeAVerifiedDeterministicPatch() throws IOException {
    Patcher patcher = new Patcher(new RuleRegistry(List.of(new NoRestart(), new Published())));
    PatchOptions options = new PatchOptions(project(STACK), RuleSettings.of(Policy.PRODUCTION), List.of(), null, null,
        false, Set.of(), Set.of(), Set.of(), "lashing patch --policy production", "hardening.patch.yml",
        DigestLock.NONE);
    PatchResult result = patcher.generate(options);
    assertThat(result.text())
        .contains("# Needs Docker Compose 2.18.0 or later, for !reset")
        .contains("Gateways, whose ports stay published on every interface: proxy (recognised by name")
        .contains("#   docker compose -f compose.yaml -f hardening.patch.yml up -d")
        .contains("    # internal-service-published\n    ports: !reset []")
        .contains("    # restart-policy\n    restart: unless-stopped");
    assertThat(result.covered()).contains("restart-policy", "internal-service-published");
    assertThat(result.resolved()).hasSize(3);
    assertThat(result.after().project().services().get("app").ports()).isEmpty();
    assertThat(result.after().project().services().get("proxy").ports()).hasSize(1);
    assertThat(patcher.generate(options).text()).isEqualTo(result.text());
  }

  @Test
  void theHeaderCountsTheFindingsLeftOnceMergedThoseOfTheBackupJobsToo() throws IOException {
    Patcher patcher = new Patcher(new RuleRegistry(List.of(new NoRestart(), new Unpinned())));
    PatchResult result = patcher.generate(PatchOptions.of(project("""
        services:
          app:
            image: ghcr.io/acme/app:1.0.0
          cache:
            image: valkey/valkey:8.0@sha256:0000000000000000000000000000000000000000000000000000000000000000
          db:
            image: postgres:16
            environment:
              POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-x}
        """), RuleSettings.of(Policy.PRODUCTION)));
    assertThat(result.backupJobs()).containsExactly("db-backup");
    assertThat(result.text()).contains("""
        # Not covered here, for a person to decide (lashing lint still reports them once this is merged):
        #   image-digest 3 (1 in the backup job this patch adds).
        """);
    assertThat(result.remaining().stream().filter(f -> f.ruleId().equals("image-digest"))).hasSize(3);
  }

  @Test
  void aPatchThatCannotResolveACoveredFindingIsRefused() throws IOException {
    Patcher patcher = new Patcher(new RuleRegistry(List.of(new Unsatisfiable())));
    assertThatThrownBy(() -> patcher.generate(PatchOptions.of(project(STACK), RuleSettings.of(Policy.DEFAULT))))
        .isInstanceOf(PatchException.class)
        .hasMessageContaining("[memory-limit] never enough")
        .hasMessageContaining("after 6 rounds");
  }

  @Test
  void optionsThatDoNotFitTheProjectAreRefused() throws IOException {
    Patcher patcher = new Patcher(new RuleRegistry(List.of(new NoRestart())));
    LoadOptions load = project(STACK);
    RuleSettings settings = RuleSettings.of(Policy.DEFAULT);
    assertThatThrownBy(() -> patcher.generate(new PatchOptions(load, settings, List.of("nope"), null, null, null,
        Set.of(), Set.of(), Set.of(), "c", "o", DigestLock.NONE))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> patcher.generate(new PatchOptions(load, settings, List.of(), null, null, null,
        Set.of(), Set.of("restart-policy-x"), Set.of(), "c", "o", DigestLock.NONE)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProjectWithNothingToChangeGetsAnEmptyPatch() throws IOException {
    Patcher patcher = new Patcher(new RuleRegistry(List.of(new NoRestart())));
    PatchResult result = patcher.generate(PatchOptions.of(project("""
        services:
          app: {image: "ghcr.io/acme/app:1.0.0", restart: unless-stopped}
        """), RuleSettings.of(Policy.DEFAULT)));
    assertThat(result.text()).contains("Needs Docker Compose v2").endsWith("services: {}\n");
    assertThat(result.resolved()).isEmpty();
  }
}
