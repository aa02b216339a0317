package dev.lashing.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lashing.inventory.audit.AuditResult;
import dev.lashing.inventory.audit.AuditResult.Classified;
import dev.lashing.inventory.audit.AuditResult.Kind;
import dev.lashing.inventory.audit.AuditResult.Verdict;
import dev.lashing.inventory.audit.Auditor;
import dev.lashing.inventory.audit.HostState;
import dev.lashing.source.SourceFile;
import dev.lashing.testing.Golden;
import dev.lashing.yaml.SourceFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Golden tests of every audit class, precedence, production's read-only rule, and decisions on partial data. */
class AuditorTest {
  static final Path AUDIT = Path.of("src/test/resources/dev/lashing/inventory/audit");
  static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

  private static final Inventory EXAMPLE = InventoryLoader.load(InventoryLoaderTest.EXAMPLE, "inventory.yml");

  static HostState state(String... files) {
    return HostState.read(Arrays.stream(files).map(f -> SourceFiles.read(AUDIT.resolve(f), f)).toList());
  }

  static HostState text(String... lines) {
    return HostState.read(List.of(new SourceFile("state.json", String.join("\n", lines) + "\n")));
  }

  private static AuditResult desktop() {
    return Auditor.audit(EXAMPLE, EXAMPLE.environments().get("desktop"),
        state("desktop-ps.json", "desktop-images.json", "desktop-volumes.json"), NOW);
  }

  private static Map<String, Classified> byName(AuditResult result) {
    return result.items().stream().collect(Collectors.toMap(c -> c.kind().singular() + " " + c.name(),
        Function.identity()));
  }

  @Test
  void desktopGoldens() {
    AuditResult result = desktop();
    Golden.assertMatches(AUDIT.resolve("desktop-summary.txt"), result.summary(NOW, "dev-laptop"));
    Golden.assertMatches(AUDIT.resolve("desktop-log.jsonl"), result.logLine(NOW, "dev-laptop", "192.0.2.10") + "\n");
    Golden.assertMatches(AUDIT.resolve("desktop-cleanup.sh"), result.cleanupScript(NOW, "dev-laptop"));
    assertThat(result.hasDrift()).isTrue();
  }

  @Test
  void everyClassOfEveryKind() {
    Map<String, Classified> items = byName(desktop());
    Map<String, Verdict> expected = Map.ofEntries(
        Map.entry("container odoo-odoo", Verdict.EXPECTED),
        Map.entry("container buildx_buildkit_default", Verdict.EXPECTED),
        Map.entry("container ci-build-42", Verdict.EXTRA),
        Map.entry("container old-redis", Verdict.EXTRA),
        Map.entry("container keep-postgres-13", Verdict.PROTECTED),
        Map.entry("container ci-build-41", Verdict.SAFE_TO_DELETE),
        Map.entry("image odoo:18.0", Verdict.EXPECTED),
        Map.entry("image postgres:16.4-bookworm", Verdict.EXPECTED),
        Map.entry("image ci-app:pr-41", Verdict.EXPECTED),
        Map.entry("image tmp-scratch:1", Verdict.EXPECTED),
        Map.entry("image redis:7.2", Verdict.EXTRA),
        Map.entry("image myapp:keep", Verdict.PROTECTED),
        Map.entry("image keep-tools:1.0", Verdict.PROTECTED),
        Map.entry("image ci-app:pr-40", Verdict.SAFE_TO_DELETE),
        Map.entry("image <none>:<none> b14c2d3e5f6a", Verdict.SAFE_TO_DELETE),
        Map.entry("volume odoo_odoo-data", Verdict.EXPECTED),
        Map.entry("volume tmp-mounted-workspace", Verdict.EXTRA),
        Map.entry("volume random_data", Verdict.EXTRA),
        Map.entry("volume keep-pgdata-13", Verdict.PROTECTED),
        Map.entry("volume tmp-cache", Verdict.SAFE_TO_DELETE));
    expected.forEach((name, verdict) ->
        assertThat(items.get(name)).as(name).extracting(Classified::verdict).isEqualTo(verdict));
    assertThat(items.get("container ci-build-42").reason()).isEqualTo(
        "matches safe_to_delete (ci-*) but is running: someone is running an experiment on the host");
    assertThat(items.get("volume tmp-mounted-workspace").reason()).as("a mount name Docker cut short still counts")
        .contains("container ci-build-42 mounts it");
    assertThat(items.get("image tmp-scratch:1").reason()).isEqualTo("kept: matches safe_to_delete (tmp-*), but it is"
        + " 2d old, less than max_unused_age 7d");
    assertThat(items.get("image ci-app:pr-40").reason()).isEqualTo("matches safe_to_delete (ci-*); no container uses"
        + " it, built 20d ago");
  }

  @Test
  void protectedAlwaysWins() {
    Map<String, Classified> items = byName(desktop());
    // ci-base:keep matches safe_to_delete ci-* and protected tag keep
    assertThat(items.get("image ci-base:keep").verdict()).isEqualTo(Verdict.PROTECTED);
    assertThat(items.get("image ci-base:keep").reason()).isEqualTo("protected tag (keep)");
    // a stack's own container, image and volume, once protected, are protected rather than expected
    Inventory inventory = InventoryLoaderTest.read("""
        environments:
          desktop:
            cleanup: true
            protected: {names: ["odoo-*", "odoo_*", "ci-*"], tags: ["18.*"]}
            safe_to_delete: {containers: ["*"], images: ["*"], volumes: ["*"]}
            stacks:
              odoo:
                tier: development
                network: odoo
                services:
                  odoo:
                    image: "odoo:18.0"
                    volumes: ["data:/var/lib/odoo"]
        """);
    AuditResult result = Auditor.audit(inventory, inventory.environments().get("desktop"), state(
        "desktop-ps.json", "desktop-images.json", "desktop-volumes.json"), NOW);
    Map<String, Classified> precedence = byName(result);
    assertThat(precedence.get("container odoo-odoo").verdict()).isEqualTo(Verdict.PROTECTED);
    assertThat(precedence.get("container ci-build-41").verdict()).isEqualTo(Verdict.PROTECTED);
    assertThat(precedence.get("image odoo:18.0").verdict()).isEqualTo(Verdict.PROTECTED);
    assertThat(precedence.get("image ci-app:pr-40").verdict()).isEqualTo(Verdict.PROTECTED);
    assertThat(precedence.get("volume odoo_odoo-data").verdict()).isEqualTo(Verdict.PROTECTED);
    assertThat(result.cleanupScript(NOW, "h")).doesNotContain("odoo").doesNotContain("ci-");
  }

  @Test
  void productionIsReadOnly() {
    Inventory.Environment production = EXAMPLE.environments().get("production");
    AuditResult result = Auditor.audit(EXAMPLE, production, state("production-state.json"), NOW);
    Golden.assertMatches(AUDIT.resolve("production-summary.txt"), result.summary(NOW, "prod-01"));
    assertThat(result.safeToDelete()).isEmpty();
    assertThat(byName(result).get("container ci-build-3").verdict()).isEqualTo(Verdict.EXTRA);
    assertThat(byName(result).get("image postgres@sha256:e62fbf9d3e2b49816a32c400ed2dba83e3b361e6833e624024309c35d334b412")
        .verdict()).as("an image pulled by digest only is matched by its digest").isEqualTo(Verdict.EXPECTED);
    assertThatThrownBy(() -> result.cleanupScript(NOW, "prod-01"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not allow cleanup");
  }

  @Test
  void aRunningExperimentIsDriftWithWhatItUses() {
    Map<String, Classified> items = byName(desktop());
    assertThat(items.get("image ci-app:pr-42").verdict()).isEqualTo(Verdict.EXTRA);
    assertThat(items.get("image ci-app:pr-42").reason()).isEqualTo("matches safe_to_delete (ci-*), but container"
        + " ci-build-42 uses it, and that container matches safe_to_delete but is running");
    assertThat(items.get("volume tmp-mounted-workspace").reason()).isEqualTo("matches safe_to_delete (tmp-*), but"
        + " container ci-build-42 mounts it, and that container matches safe_to_delete but is running");
    // used only by a stopped container, too young, or of unknown age: kept as before
    assertThat(items.get("image ci-app:pr-41").verdict()).isEqualTo(Verdict.EXPECTED);
    assertThat(items.get("image tmp-scratch:1").verdict()).isEqualTo(Verdict.EXPECTED);
    assertThat(desktop().logLine(NOW, "dev-laptop", "192.0.2.10"))
        .contains("\"containers_extra\":[\"ci-build-42\",\"old-redis\"]");
  }

  @Test
  void aProtectedPatternMatchesAnImageNameWithoutRegistryAndNamespace() {
    Inventory inventory = InventoryLoaderTest.read("""
        environments:
          desktop:
            cleanup: true
            protected: {names: ["ipai-*"]}
            safe_to_delete: {images: ["*"]}
            stacks: {}
        """);
    String image = "{\"Containers\":\"N/A\",\"CreatedAt\":\"2024-01-01 00:00:00 +0000 UTC\",\"CreatedSince\":\"1 year\","
        + "\"Digest\":\"<none>\",\"ID\":\"%s\",\"Repository\":\"%s\",\"SharedSize\":\"N/A\",\"Size\":\"1GB\","
        + "\"Tag\":\"1\",\"UniqueSize\":\"N/A\",\"VirtualSize\":\"1GB\"}";
    Map<String, Classified> items = byName(Auditor.audit(inventory, inventory.environments().get("desktop"),
        text(image.formatted("a1b2c3d4e5f6", "ghcr.io/acme/ipai-odoo"), image.formatted("b1b2c3d4e5f6", "acme/other")),
        NOW));
    assertThat(items.get("image ghcr.io/acme/ipai-odoo:1").verdict()).isEqualTo(Verdict.PROTECTED);
    assertThat(items.get("image ghcr.io/acme/ipai-odoo:1").reason()).isEqualTo("protected name (ipai-*)");
    assertThat(items.get("image acme/other:1").verdict()).isNotEqualTo(Verdict.PROTECTED);
  }

  @Test
  void nothingIsSafeToDeleteWithoutContainerData() {
    AuditResult result = Auditor.audit(EXAMPLE, EXAMPLE.environments().get("desktop"),
        state("desktop-images.json", "desktop-volumes.json"), NOW);
    assertThat(result.count(Kind.IMAGE, Verdict.SAFE_TO_DELETE)).isZero();
    assertThat(result.count(Kind.VOLUME, Verdict.SAFE_TO_DELETE)).isZero();
    assertThat(byName(result).get("volume tmp-cache").reason())
        .contains("no docker ps lines were given, so whether a container mounts it is unknown");
  }

  @Test
  void volumeAgesComeFromDockerVolumeInspect() {
    Inventory staging = EXAMPLE; // staging keeps unused volumes 14 days
    Inventory.Environment env = staging.environments().get("staging");
    String ps = "{\"Command\":\"x\",\"CreatedAt\":\"2025-01-01 00:00:00 +0000 UTC\",\"ID\":\"1\",\"Image\":\"a:1\","
        + "\"Labels\":\"\",\"LocalVolumes\":\"0\",\"Mounts\":\"\",\"Names\":\"n\",\"Networks\":\"\",\"Ports\":\"\","
        + "\"RunningFor\":\"\",\"Size\":\"\",\"State\":\"running\",\"Status\":\"\"}";
    String ls = "{\"Availability\":\"N/A\",\"Driver\":\"local\",\"Group\":\"N/A\",\"Labels\":\"\",\"Links\":\"N/A\","
        + "\"Mountpoint\":\"/v/%s\",\"Name\":\"%s\",\"Scope\":\"local\",\"Size\":\"N/A\",\"Status\":\"N/A\"}";
    String inspect = "{\"CreatedAt\":\"%s\",\"Driver\":\"local\",\"Labels\":{\"a\":\"b\"},\"Mountpoint\":\"/v/%s\","
        + "\"Name\":\"%s\",\"Options\":null,\"Scope\":\"local\"}";
    HostState host = text(ps, ls.formatted("app_ci_1", "app_ci_1"), ls.formatted("app_ci_2", "app_ci_2"),
        ls.formatted("app_ci_3", "app_ci_3"),
        inspect.formatted("2024-12-01T08:00:00Z", "app_ci_1", "app_ci_1"),
        inspect.formatted("2025-01-14T08:00:00+01:00", "app_ci_2", "app_ci_2"));
    Map<String, Classified> items = byName(Auditor.audit(staging, env, host, NOW));
    assertThat(items.get("volume app_ci_1").verdict()).isEqualTo(Verdict.SAFE_TO_DELETE);
    assertThat(items.get("volume app_ci_1").reason()).endsWith("created 45d ago");
    assertThat(items.get("volume app_ci_2").reason()).isEqualTo("kept: matches safe_to_delete (*_ci_*), but it is"
        + " 1d old, less than max_unused_age 14d");
    assertThat(items.get("volume app_ci_3").reason()).startsWith("kept: matches safe_to_delete (*_ci_*), but its"
        + " age is unknown (docker volume ls prints no age");
  }
}
