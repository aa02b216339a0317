package dev.lashing.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.inventory.generate.ComposeGenerator.GeneratedFile;
import dev.lashing.inventory.generate.ComposeGenerator;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.model.Restart;
import dev.lashing.model.Service;
import dev.lashing.testing.Golden;
import dev.lashing.testing.RoleRules;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation of the example inventory, checked against the files committed beside it
 * ({@code examples/inventory/<env>/<stack>/compose.yaml}, which are therefore the golden files), and the choices
 * the generator makes per tier. That the files lint clean is checked where the rules are, in the cli module.
 */
class ComposeGeneratorTest {
  @TempDir Path dir;

  private static List<GeneratedFile> example() {
    return ComposeGenerator.generate(InventoryLoader.load(InventoryLoaderTest.EXAMPLE, "inventory.yml"),
        "inventory.yml", null, null, RoleRules.registry());
  }

  private static String generate(String inventory) {
    Inventory inv = InventoryLoaderTest.read(inventory);
    List<GeneratedFile> files = ComposeGenerator.generate(inv, "inventory.yml", null, null, RoleRules.registry());
    assertThat(files).hasSize(1);
    return files.get(0).text();
  }

  @Test
  void theExampleMatchesTheCommittedFiles() {
    List<GeneratedFile> files = example();
    assertThat(files).extracting(GeneratedFile::path).containsExactly(
        "desktop/odoo/compose.yaml", "staging/plane/compose.yaml", "production/plane/compose.yaml");
    for (GeneratedFile f : files) {
      Golden.assertMatches(InventoryLoaderTest.EXAMPLE.resolveSibling(f.path()), f.text());
    }
  }

  @Test
  void outputIsDeterministic() {
    assertThat(example()).isEqualTo(example());
  }

  @Test
  void theGeneratedStacksLoadWithOurLoader() throws IOException {
    Map<String, GeneratedFile> byPath = new java.util.LinkedHashMap<>();
    for (GeneratedFile f : example()) {
      byPath.put(f.path(), f);
    }
    LoadResult plane = load(byPath.get("production/plane/compose.yaml"));
    assertThat(plane.warnings()).isEmpty();
    assertThat(plane.project().services().keySet())
        .containsExactlyInAnyOrder("proxy", "db", "mq", "minio", "valkey", "db-backup");
    for (Service s : plane.project().services().values()) {
      assertThat(s.effectiveRestart()).get().extracting(Restart::policy).isEqualTo(Restart.Policy.UNLESS_STOPPED);
      assertThat(s.effectiveMemoryLimit()).isPresent();
      assertThat(s.effectivePidsLimit()).isPresent();
      assertThat(s.image().isDigestPinned()).as(s.name()).isTrue();
      assertThat(s.capDrop()).extracting(l -> l.value()).containsExactly("ALL");
      assertThat(s.healthcheck()).isNotNull();
    }
    MapNode services = Trees.map(plane.tree(), "services");
    assertThat(Trees.text(Trees.map(Trees.map(Trees.map(Trees.map(services, "db"), "deploy"), "resources"),
        "limits"), "memory")).isEqualTo("2g");
    assertThat(Trees.text(Trees.map(Trees.map(plane.tree(), "networks"), "plane"), "name")).isEqualTo("plane");
    assertThat(Trees.text(Trees.map(Trees.map(plane.tree(), "volumes"), "pgdata"), "name"))
        .isEqualTo("plane_pgdata");
    Service backup = plane.project().services().get("db-backup");
    assertThat(backup.environment().get("BACKUP_KEEP_DAYS").text()).isEqualTo("7");
    assertThat(backup.environment().get("BACKUP_KEEP_WEEKS").text()).isEqualTo("4");
    assertThat(backup.dependsOn().get("db").conditionOrDefault()).isEqualTo("service_healthy");

    LoadResult odoo = load(byPath.get("desktop/odoo/compose.yaml"));
    Service web = odoo.project().services().get("odoo");
    assertThat(web.effectiveRestart()).get().extracting(Restart::policy).isEqualTo(Restart.Policy.NO);
    assertThat(web.ports()).singleElement().satisfies(p -> {
      assertThat(p.hostIp().value()).isEqualTo("127.0.0.1");
      assertThat(p.published().value()).isEqualTo("9069");
      assertThat(p.target().value()).isEqualTo(8069L);
    });
    assertThat(odoo.project().services().get("db").ports()).singleElement()
        .satisfies(p -> assertThat(p.published().value()).isEqualTo("5433"));
    assertThat(odoo.project().services().get("db").effectiveMemoryLimit().get().value()).isEqualTo(1L << 30);
  }

  private LoadResult load(GeneratedFile f) throws IOException {
    Path file = dir.resolve(f.path());
    Files.createDirectories(file.getParent());
    Files.writeString(file, f.text());
    return ProjectLoader.load(LoadOptions.of(dir, Map.of(), file));
  }

  private static final String ONE_SERVICE = """
      environments:
        %s:
          stacks:
            app:
              tier: %s
              network: app
              gateways: [web]
              services:
                web:
                  image: "nginxinc/nginx-unprivileged:1.27.3-alpine"
                  digest: "sha256:%s"
                  expose: "%s"
      """;

  @Test
  void suppressionsOnlyWhereARuleRunsAndCannotBeMet() {
    String digest = "a".repeat(64);
    String productionPublic = generate(ONE_SERVICE.formatted("prod", "production", digest, "public:443"));
    // internal-service-published leaves web alone: its image, nginx, marks a gateway
    assertThat(productionPublic).contains("      # lashing-ignore privileged-port,port-all-interfaces -- web is the "
        + "stack's public gateway (inventory: expose public:443)\n      - \"443:8080\"\n");
    String productionHighPort = generate(ONE_SERVICE.formatted("prod", "production", digest, "public:8443"));
    assertThat(productionHighPort).contains("# lashing-ignore port-all-interfaces -- web");
    // a gateway whose name and image say nothing of it is one for that rule only because the inventory says so
    String odoo = generate(ONE_SERVICE.replace("web", "app").replace("nginxinc/nginx-unprivileged:1.27.3-alpine",
        "odoo:17.0").formatted("prod", "production", digest, "public:8069"));
    assertThat(odoo).contains("# lashing-ignore port-all-interfaces,internal-service-published -- app is");
    // under the development policy privileged-port and internal-service-published do not run
    String development = generate(ONE_SERVICE.formatted("desk", "development", digest, "public:443"));
    assertThat(development).contains("# lashing-ignore port-all-interfaces -- web is the stack's public gateway")
        .contains("restart: \"no\"");
    String localhost = generate(ONE_SERVICE.formatted("desk", "development", digest, "localhost:8080"));
    assertThat(localhost).doesNotContain("lashing-ignore").contains("- \"127.0.0.1:8080:8080\"");
  }

  /** Half of a small limit is less than the engine takes for a reservation: the reservation is what it takes. */
  @Test
  void aMemoryReservationIsNeverBelowTheEnginesMinimum() {
    String text = generate("""
        environments:
          desktop:
            stacks:
              app:
                tier: development
                network: app
                services:
                  cache:
                    image: "redis:7.2.4"
                    limits: {memory: 8m, cpus: 0.01}
        """);
    assertThat(text)
        .contains("          memory: \"8m\"  # inventory\n")
        .contains("          memory: \"6m\"  # default: the least the engine accepts\n")
        .contains("          cpus: 0.005  # default: half the limit\n");
  }

  /**
   * A reservation above the image class's default limit raises the limit to it (the engine refuses a memory limit
   * below the reservation), and the comment says so; a limit the inventory gives stays its own.
   */
  @Test
  void aDefaultLimitIsNeverBelowTheReservation() {
    String text = generate("""
        environments:
          desktop:
            stacks:
              app:
                tier: development
                network: app
                services:
                  cache:
                    image: "redis:7.2.4"
                    limits: {pids: 100}
                    reservations: {memory: 4g, cpus: 4}
        """);
    assertThat(text)
        .contains("          memory: \"4g\"  # inventory: the reservation, since the default for a cache (512m) is"
            + " below it\n")
        .contains("          cpus: 4  # inventory: the reservation, since the default for a cache (0.5) is below it\n")
        .contains("          pids: 100  # inventory\n");
    String small = generate("""
        environments:
          desktop:
            stacks:
              app:
                tier: development
                network: app
                services:
                  cache:
                    image: "redis:7.2.4"
                    reservations: {memory: 100m, cpus: 0.1}
        """);
    assertThat(small).contains("          memory: \"512m\"  # default for a cache\n")
        .contains("          cpus: 0.5  # default for a cache\n");
  }

  @Test
  void defaultsComeFromTheImageClassAndSaySo() {
    String text = generate("""
        environments:
          desktop:
            stacks:
              app:
                tier: development
                network: app
                services:
                  cache:
                    image: "redis:7.2.4"
                    read_only: false
                    environment: {REDIS_ARGS: "--save $SAVE"}
        """);
    assertThat(text)
        .contains("    user: redis  # known image: redis runs as redis\n")
        .contains("          memory: \"512m\"  # default for a cache\n")
        .contains("          cpus: 0.25  # default: half the limit\n")
        .contains("          pids: 200  # default:")
        .contains("    read_only: false  # inventory\n")
        .doesNotContain("lashing-ignore") // read-only-rootfs does not run under the development policy
        .contains("REDIS_ARGS: \"--save $$SAVE\"")
        .contains("test: [\"CMD\", \"redis-cli\", \"ping\"]")
        .contains("max-file: \"3\"");
  }

  @Test
  void rootOnlyWhereTheImageNeedsIt() {
    String known = generate("""
        environments:
          desktop:
            stacks:
              app:
                tier: development
                network: app
                services:
                  db: {image: "postgres:16.4"}
        """);
    assertThat(known).contains("  # lashing-ignore non-root-user -- the postgres entrypoint starts as root")
        .contains("    cap_add:  # known image: postgres needs these to set up its files as root\n      - CHOWN\n");
    // run as another user, the image needs neither root nor the capabilities of its root entrypoint
    String asUser = generate("""
        environments:
          desktop:
            stacks:
              app:
                tier: development
                network: app
                services:
                  db: {image: "postgres:16.4", user: "999:999"}
        """);
    assertThat(asUser).doesNotContain("lashing-ignore").doesNotContain("cap_add")
        .contains("    user: \"999:999\"  # inventory\n");
  }

  @Test
  void valuesYaml11ReadersMisreadAreQuoted() {
    String text = generate("""
        environments:
          desktop:
            stacks:
              app:
                tier: development
                network: app
                services:
                  cache:
                    image: "redis:7.2.4"
                    environment: {A: "no", B: "22:22", C: "0755", D: "true", E: "", F: "@daily", G: plain}
        """);
    assertThat(text).contains("      A: \"no\"\n      B: \"22:22\"\n      C: \"0755\"\n      D: \"true\"\n"
        + "      E: \"\"\n      F: \"@daily\"\n      G: plain\n");
  }
}
