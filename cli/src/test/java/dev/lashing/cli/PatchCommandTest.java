package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Linter;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.model.Restart;
import dev.lashing.model.Service;
import dev.lashing.patch.PatchOptions;
import dev.lashing.patch.PatchResult;
import dev.lashing.patch.Patcher;
import dev.lashing.source.ComposeException;
import dev.lashing.testing.Corpus;
import dev.lashing.testing.Golden;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code lashing patch} end to end, with the built-in rules: golden patches for a small stack per rule family,
 * the two examples (the committed patch files are the goldens), the real Plane self-host file, {@code --diff},
 * usage errors, and every file of the shared corpus.
 */
class PatchCommandTest {
  private static final Path ROOT = Path.of(System.getProperty("lashing.root", ".."));
  private static final Path GOLDEN = ROOT.resolve("lib/src/test/resources/dev/lashing/patch");
  @TempDir Path tmp;
  private StringWriter out;
  private StringWriter err;

  private int patch(Path workingDirectory, String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "patch";
    System.arraycopy(args, 0, full, 1, args.length);
    out = new StringWriter();
    err = new StringWriter();
    return new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), workingDirectory).run(full);
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  @ParameterizedTest
  @ValueSource(strings = {"network", "resources", "reliability", "security", "builds", "development", "backups",
      "digests"})
  void eachRuleFamilyHasAGoldenPatch(String family) throws IOException {
    Path dir = GOLDEN.resolve("families").resolve(family);
    List<String> args = new ArrayList<>(List.of("-f", "compose.yaml"));
    args.addAll(List.of(Files.readString(dir.resolve("args")).trim().split("\\s+")));
    assertThat(patch(dir, args.toArray(String[]::new))).as(err.toString()).isEqualTo(Cli.OK);
    Golden.assertMatches(dir.resolve("expected.patch.yml"), out.toString());
  }

  @Test
  void thePlaneExampleIsTheCommittedPatch() throws IOException {
    Path dir = copy(ROOT.resolve("examples/plane"), tmp.resolve("plane"));
    Files.deleteIfExists(dir.resolve("plane-compose-hardening.patch.yml"));
    assertThat(patch(dir, "-f", "docker-compose.yml", "--policy", "production", "--gateway", "proxy", "-o",
        "plane-compose-hardening.patch.yml")).as(err.toString()).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEmpty();
    String text = Files.readString(dir.resolve("plane-compose-hardening.patch.yml"));
    assertThat(text).contains("networks: [plane_network]").contains("ports: !reset []").contains("plane-db-backup:")
        .contains("restart: unless-stopped").contains("restart_policy: !reset {}");
    Golden.assertMatches(ROOT.resolve("examples/plane/plane-compose-hardening.patch.yml"), text);
  }

  @Test
  void theOdooDevelopmentExampleIsTheCommittedPatch() throws IOException {
    Path dir = copy(ROOT.resolve("examples/odoo-dev"), tmp.resolve("odoo-dev"));
    Files.deleteIfExists(dir.resolve("odoo-dev-hardening.patch.yml"));
    assertThat(patch(dir, "-f", "docker-compose.yml", "--policy", "development", "-o",
        "odoo-dev-hardening.patch.yml")).as(err.toString()).isEqualTo(Cli.OK);
    String text = Files.readString(dir.resolve("odoo-dev-hardening.patch.yml"));
    assertThat(text).contains("127.0.0.1:${ODOO_PORT:-8069}:8069").contains("restart: \"no\"")
        .contains("memory: 512m").doesNotContain("-backup:");
    Golden.assertMatches(ROOT.resolve("examples/odoo-dev/odoo-dev-hardening.patch.yml"), text);
  }

  @Test
  void theRealPlaneSelfHostFileGetsAPatchToCommit() throws IOException {
    Corpus.assumePresent();
    Path dir = Files.createDirectories(tmp.resolve("plane-app"));
    Path files = Corpus.root().resolve("files");
    Files.copy(files.resolve("makeplane__plane__deployments__cli__community__docker-compose.yml"),
        dir.resolve("docker-compose.yml"));
    Files.copy(files.resolve("makeplane__plane__deployments__cli__community__variables.env"),
        dir.resolve("variables.env"));
    assertThat(patch(dir, "-f", "docker-compose.yml", "--env-file", "variables.env", "--policy", "production",
        "--gateway", "proxy")).as(err.toString()).isEqualTo(Cli.OK);
    String text = out.toString();
    assertThat(text).doesNotContain("Warning").contains("plane-db-backup:").contains("plane-minio-backup:")
        .contains("pids: 1100").contains("restart: on-failure:5").doesNotContain("secret-key\"")
        .contains("MINIO_ROOT_PASSWORD: \"${AWS_SECRET_ACCESS_KEY}\"");
    Golden.assertMatches(GOLDEN.resolve("plane-selfhost.patch.yml"), text);
  }

  @Test
  void thePlaneProductionPatchRestartsEveryLongRunningServiceUnlessStoppedAndKeepsItsGateway() throws IOException {
    Corpus.assumePresent();
    Path dir = Files.createDirectories(tmp.resolve("plane-selfhost"));
    Files.copy(Corpus.root().resolve("files/makeplane__plane__deploy__selfhost__docker-compose.yml"),
        dir.resolve("docker-compose.yml"));
    assertThat(patch(dir, "-f", "docker-compose.yml", "--policy", "production", "-o", "hardening.patch.yml"))
        .as(err.toString()).isEqualTo(Cli.OK);
    LoadResult merged = ProjectLoader.load(LoadOptions.of(dir, Map.of(), Path.of("docker-compose.yml"),
        Path.of("hardening.patch.yml")));
    for (Service s : merged.project().services().values()) {
      Restart.Policy restart = s.effectiveRestart().map(Restart::policy).orElse(Restart.Policy.NO);
      if (s.name().equals("migrator")) {
        assertThat(restart).as("a one-shot job keeps on-failure").isEqualTo(Restart.Policy.ON_FAILURE);
      } else {
        assertThat(restart).as(s.name()).isEqualTo(Restart.Policy.UNLESS_STOPPED);
      }
    }
    Service proxy = merged.project().services().get("proxy");
    assertThat(proxy.publishedPorts()).as("the gateway keeps its public port").singleElement()
        .satisfies(port -> assertThat(port.isBoundToAllInterfaces()).isTrue());
    assertThat(merged.project().services().get("api").publishedPorts()).isEmpty();
  }

  /**
   * Naming image-digest asks for a patch that pins images and nothing else. The lock here lacks the database's image,
   * so the backup job, which runs that image, is as unpinned as the database: the database's finding, not a new one.
   */
  @Test
  void imageDigestCanBeTheOneRuleAPatchCoversWhenALockIsGiven() throws IOException {
    Path dir = copy(GOLDEN.resolve("families/digests"), tmp.resolve("digests"));
    Files.writeString(dir.resolve("partial.lock"), Files.readAllLines(dir.resolve("images.lock")).stream()
        .filter(line -> !line.contains("postgres")).map(line -> line + "\n").collect(Collectors.joining()));

    assertThat(patch(dir, "--rule", "image-digest")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("image-digest: the patch pins images to the digests of a lock; give it with"
        + " --digests FILE");

    assertThat(patch(dir, "-f", "compose.yaml", "--rule", "image-digest", "--digests", "partial.lock",
        "-o", "hardening.patch.yml")).as(err.toString()).isEqualTo(Cli.OK);
    LoadResult merged = ProjectLoader.load(LoadOptions.of(dir, Map.of(), Path.of("compose.yaml"),
        Path.of("hardening.patch.yml")));
    RuleSettings production = RuleSettings.of(Policy.PRODUCTION);
    List<String> unpinned = new Linter(RuleRegistry.discover()).lint(merged, production).stream()
        .filter(f -> f.ruleId().equals("image-digest")).map(Finding::service).sorted().toList();
    assertThat(unpinned).containsExactly("cache", "db", "db-backup", "unknown");
    assertThat(merged.project().services().get("web").image().isDigestPinned()).isTrue();
    assertThat(merged.project().services().get("web").readOnly()).as("no other rule's fix").isNull();
  }

  /**
   * The digests family's patch, merged with its project under the production policy (which runs image-digest): no
   * image the lock knows is left unpinned, the backup job included; the image the lock lacks and the one a variable
   * chooses still are.
   */
  @Test
  void aDigestLockPinsEveryImageItKnows() throws IOException {
    Path dir = copy(GOLDEN.resolve("families/digests"), tmp.resolve("digests"));
    assertThat(patch(dir, "-f", "compose.yaml", "--rule", "restart-policy", "--digests", "images.lock",
        "-o", "hardening.patch.yml")).as(err.toString()).isEqualTo(Cli.OK);
    LoadResult merged = ProjectLoader.load(LoadOptions.of(dir, Map.of(), Path.of("compose.yaml"),
        Path.of("hardening.patch.yml")));
    RuleRegistry registry = RuleRegistry.discover();
    List<String> unpinned = new Linter(registry).lint(merged, RuleSettings.of(Policy.PRODUCTION)).stream()
        .filter(f -> f.ruleId().equals("image-digest")).map(Finding::message).toList();
    assertThat(unpinned).hasSize(2).anySatisfy(m -> assertThat(m).startsWith("image ghcr.io/acme/unlocked:1.0 "))
        .anySatisfy(m -> assertThat(m).startsWith("image valkey/valkey:8.0 "));
    assertThat(merged.project().services().get("db-backup").image().isDigestPinned()).isTrue();
    assertThat(merged.project().services().get("web").volumes()).as("the bind mount stays, the image volume is "
        + "replaced").extracting(m -> m.source().value()).hasSize(2).last().asString().endsWith("@sha256:8bf729ffe0"
        + "74caee622c02928173467e658e19e28233cff8a445819e3cae4d50");
    assertThat(merged.project().services().get("web").preStart()).hasSize(1);
    assertThat(patch(dir, "--digests", "missing.lock")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("--digests: missing.lock: no such file");
    // a lock that is not text is told where, as a compose file would be; one that never ends, at the limit
    Files.write(dir.resolve("binary.lock"), new byte[] {'a', ' ', (byte) 0xFF});
    assertThat(patch(dir, "--digests", "binary.lock")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("--digests: binary.lock:1:3: invalid UTF-8");
    if (Files.isReadable(Path.of("/dev/zero"))) {
      assertThat(patch(dir, "--digests", "/dev/zero")).isEqualTo(Cli.INVALID);
      assertThat(err.toString()).contains("--digests: /dev/zero: file has more than 16777216 bytes");
    }
  }

  @Test
  void anyRelativeOrAbsoluteBackupDirectoryWorks() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("db"));
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  plane-db:\n    image: postgres:16.4\n"
        + "    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n");
    Map<String, String> mounts = Map.of("backups", "./backups/plane-db:/backups",
        "./backups", "./backups/plane-db:/backups", "../backups/", "../backups/plane-db:/backups",
        "/srv/backups", "/srv/backups/plane-db:/backups", "data/backups", "./data/backups/plane-db:/backups");
    for (Map.Entry<String, String> m : mounts.entrySet()) {
      assertThat(patch(dir, "--policy", "production", "--backup-dir", m.getKey())).as(m.getKey() + ": " + err)
          .isEqualTo(Cli.OK);
      assertThat(out.toString()).as(m.getKey()).contains(m.getValue());
    }
  }

  @Test
  void servicesBehindProfilesArePatchedToo() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("gated"));
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  api:\n    image: ghcr.io/acme/api:1.0\n"
        + "  opengauss:\n    image: opengauss/opengauss:7.0.0-RC1\n    profiles: [opengauss]\n"
        + "    privileged: true\n");
    assertThat(patch(dir, "--rule", "privileged")).as(err.toString()).isEqualTo(Cli.OK);
    assertThat(out.toString()).contains("opengauss:").contains("privileged: false");
    assertThat(patch(dir, "--rule", "privileged", "--profile", "other")).as(err.toString()).isEqualTo(Cli.OK);
    assertThat(out.toString()).doesNotContain("privileged: false");
  }

  /**
   * Where the project already declares {@code <project>_network} as a network services may not be moved onto unasked
   * (external: another stack's, or missing and the stack does not start; internal: published ports stop working;
   * another driver; a name outside the project), the patch moves them to a free name and leaves that declaration as
   * written; a plain bridge of the project's own is used as it is. Merged, the project loads and the findings are gone.
   */
  @Test
  void servicesMoveOnlyOntoANetworkOfTheProjectsOwnUnlessOneIsNamed() throws IOException {
    Map<String, String> expected = Map.of("external: true", "shop_network_2", "internal: true", "shop_network_2",
        "driver: macvlan", "shop_network_2", "name: shared", "shop_network_2", "driver: bridge", "shop_network",
        "name: shop_shop_network", "shop_network");
    for (Map.Entry<String, String> declared : expected.entrySet()) {
      Path dir = Files.createDirectories(tmp.resolve("shop-" + declared.getKey().replaceAll("\\W", "")));
      Files.writeString(dir.resolve("compose.yaml"), """
          name: shop
          services:
            web:
              image: nginx:1.27
              ports: ["127.0.0.1:8080:80"]
            api:
              image: ghcr.io/acme/api:1.0
              networks: [default]
          networks:
            shop_network:
              %s
          """.formatted(declared.getKey()));
      assertThat(patch(dir, "--rule", "implicit-default-network", "-o", "hardening.patch.yml"))
          .as(declared.getKey() + ": " + err).isEqualTo(Cli.OK);
      LoadResult merged = ProjectLoader.load(LoadOptions.of(dir, Map.of(), Path.of("compose.yaml"),
          Path.of("hardening.patch.yml")));
      for (Service s : merged.project().services().values()) {
        assertThat(s.networks().keySet()).as(declared.getKey() + ": " + s.name()).containsExactly(declared.getValue());
      }
      assertThat(new Linter(RuleRegistry.discover()).lint(merged, RuleSettings.of(Policy.PRODUCTION)))
          .as(declared.getKey()).noneMatch(f -> f.ruleId().equals("implicit-default-network"));
      String patch = Files.readString(dir.resolve("hardening.patch.yml"));
      assertThat(patch).as(declared.getKey()).doesNotContain("\n  shop_network:");
    }
    // a network the user names is theirs to choose, whatever its kind
    Path dir = tmp.resolve("shop-externaltrue");
    assertThat(patch(dir, "--rule", "implicit-default-network", "--network", "shop_network")).isEqualTo(Cli.OK);
    assertThat(out.toString()).contains("networks: [shop_network]");
  }

  /** A network under another key may carry the name Compose would give the patch's network: that name is taken. */
  @Test
  void servicesDoNotMoveOntoANetworkThatHasTheNameUnderAnotherKey() throws IOException {
    Files.writeString(tmp.resolve("compose.yaml"), """
        name: shop
        services:
          web:
            image: nginx:1.27
          api:
            image: ghcr.io/acme/api:1.0
            networks: [back]
        networks:
          back:
            name: shop_shop_network
            internal: true
        """);
    assertThat(patch(tmp, "--rule", "implicit-default-network", "-o", "hardening.patch.yml")).isEqualTo(Cli.OK);
    LoadResult merged = ProjectLoader.load(LoadOptions.of(tmp, Map.of(), Path.of("compose.yaml"),
        Path.of("hardening.patch.yml")));
    assertThat(merged.project().services().get("web").networks().keySet()).containsExactly("shop_network_2");
    assertThat(merged.project().networks().get("shop_network_2").name().value()).isEqualTo("shop_shop_network_2");
  }

  @Test
  void diffShowsTheEffectiveConfigurationBeforeAndAfter() throws IOException {
    Path dir = copy(ROOT.resolve("examples/odoo-dev"), tmp.resolve("odoo-dev"));
    assertThat(patch(dir, "-f", "docker-compose.yml", "--policy", "development", "--diff")).isEqualTo(Cli.OK);
    assertThat(out.toString())
        .startsWith("--- docker-compose.yml (docker compose config)\n"
            + "+++ docker-compose.yml + hardening.patch.yml (docker compose config)\n@@ ")
        .contains("\n-    restart: always\n").contains("\n+    restart: ")
        .contains("\n+        host_ip: 127.0.0.1\n").contains("\n+          pids: 200\n")
        .doesNotContain("# Hardening override");
  }

  @Test
  void ruleNarrowsTheCoveredRulesAndSwitchesThemOn() throws IOException {
    Path dir = copy(ROOT.resolve("examples/odoo-dev"), tmp.resolve("odoo-dev"));
    assertThat(patch(dir, "--policy", "development", "--rule", "restart-policy", "--rule", "read-only-rootfs"))
        .as(err.toString()).isEqualTo(Cli.OK);
    String text = out.toString().substring(out.toString().indexOf("\nservices:"));
    assertThat(text).contains("restart: \"no\"").contains("read_only: true").doesNotContain("ports")
        .doesNotContain("deploy:\n      resources").doesNotContain("logging");
  }

  @Test
  void outputGoesToAFileWholeAndMatchesStandardOutput() throws IOException {
    Path dir = copy(ROOT.resolve("examples/odoo-dev"), tmp.resolve("odoo-dev"));
    assertThat(patch(dir, "--policy", "development")).isEqualTo(Cli.OK);
    String printed = out.toString().replace("hardening.patch.yml", "out.yml")
        .replace("lashing patch --policy development", "lashing patch --policy development -o out.yml");
    assertThat(patch(dir, "--policy", "development", "-o", "out.yml")).isEqualTo(Cli.OK);
    assertThat(Files.readString(dir.resolve("out.yml"))).isEqualTo(printed);
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }

    // -o - is standard output, as for lint's reports
    assertThat(patch(dir, "--policy", "development", "-o", "-")).isEqualTo(Cli.OK);
    assertThat(out.toString()).isEqualTo(printed.replace("-o out.yml", "-o -").replace("out.yml", "hardening.patch.yml"));
    assertThat(dir.resolve("-")).doesNotExist();
  }

  /**
   * The patch never replaces a file the project reads, however it is named: through a symbolic link, or a file
   * the compose file brings in (an env file, an extended or included file, the variables of .env). Nor is it
   * checked as if it were that file: the refusal is a usage error, not a patch that fails its own check.
   */
  @Test
  void thePatchNeverReplacesAFileTheProjectReads() throws IOException {
    Files.writeString(tmp.resolve("compose.yaml"), "include: [sub.yml]\nservices:\n  web:\n    image: nginx:${TAG}\n"
        + "    env_file: app.env\n  api:\n    extends: {file: base.yml, service: b}\n");
    Files.writeString(tmp.resolve("app.env"), "A=1\n");
    Files.writeString(tmp.resolve(".env"), "TAG=1.27\n");
    Files.writeString(tmp.resolve("base.yml"), "services: {b: {image: busybox:1.36}}\n");
    Files.writeString(tmp.resolve("sub.yml"), "services: {db: {image: postgres:16}}\n");
    Files.createSymbolicLink(tmp.resolve("link.yaml"), tmp.resolve("compose.yaml"));
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : List.of("compose.yaml", "app.env", ".env", "base.yml", "sub.yml")) {
      kept.put(name, Files.readString(tmp.resolve(name)));
    }
    for (String output : List.of("app.env", "link.yaml", "./compose.yaml", ".env", "base.yml", "sub.yml")) {
      assertThat(patch(tmp, "-f", "compose.yaml", "-o", output)).as(output).isEqualTo(Cli.INVALID);
      assertThat(err.toString()).as(output).contains(output + " is one of the project's files");
      kept.forEach((name, text) -> assertThat(tmp.resolve(name)).as(output).hasContent(text));
    }
    assertThat(patch(tmp, "-f", "compose.yaml", "-o", "hardening.patch.yml")).isEqualTo(Cli.OK);
    assertThat(Files.readString(tmp.resolve("hardening.patch.yml"))).contains("services:");
  }

  /**
   * A file at -o that patch did not write (a hand-written override, not named with -f) is never replaced; a
   * patch it wrote is, as its header says.
   */
  @Test
  void thePatchNeverReplacesAFileItDidNotWrite() throws IOException {
    Files.writeString(tmp.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n");
    String own = "services:\n  web:\n    environment: [DEBUG=1]\n";
    Files.writeString(tmp.resolve("compose.override.yaml"), own);
    assertThat(patch(tmp, "-f", "compose.yaml", "-o", "compose.override.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("-o compose.override.yaml was not written by lashing patch");
    assertThat(Files.readString(tmp.resolve("compose.override.yaml"))).isEqualTo(own);

    assertThat(patch(tmp, "-f", "compose.yaml", "-o", "hardening.patch.yml")).isEqualTo(Cli.OK);
    String patch = Files.readString(tmp.resolve("hardening.patch.yml"));
    Files.writeString(tmp.resolve("hardening.patch.yml"), patch + "# an edit\n");
    assertThat(patch(tmp, "-f", "compose.yaml", "-o", "hardening.patch.yml")).isEqualTo(Cli.OK);
    assertThat(Files.readString(tmp.resolve("hardening.patch.yml"))).isEqualTo(patch);
  }

  /** The header's two command lines, pasted into a shell, run as they say, whatever the files are called. */
  @Test
  void theHeadersCommandLinesQuoteWhatAShellWouldSplit() throws IOException {
    Files.writeString(tmp.resolve("my compose (prod).yml"), "services:\n  web:\n    image: nginx:1.27\n");

    assertThat(patch(tmp, "-f", "my compose (prod).yml", "-o", "out patch.yml")).as(err.toString()).isEqualTo(Cli.OK);

    assertThat(Files.readString(tmp.resolve("out patch.yml")))
        .contains("#   lashing patch -f 'my compose (prod).yml' -o 'out patch.yml'\n")
        .contains("#   docker compose -f 'my compose (prod).yml' -f 'out patch.yml' up -d\n");
  }

  /**
   * The usage line starts the project the patch was computed for: its name, profiles, variables and directory, as the
   * regenerate line above it does; else docker compose starts another project beside it, without the gated services.
   */
  @Test
  void theUsageLineSelectsTheProjectThePatchWasComputedFor() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("selected"));
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n    profiles: [front]\n");
    Files.writeString(dir.resolve("prod.env"), "TAG=1.27\n");

    assertThat(patch(dir, "--env-file", "prod.env", "-p", "myproj", "--profile", "front", "--profile", "back",
        "--project-directory", ".", "-o", "p.yml")).as(err.toString()).isEqualTo(Cli.OK);
    assertThat(Files.readString(dir.resolve("p.yml"))).contains("#   docker compose -p myproj --profile back"
        + " --profile front --env-file prod.env --project-directory . -f compose.yaml -f p.yml up -d\n");

    // with no profile named, patch checks every service; the line starts what docker compose starts by default
    assertThat(patch(dir, "-o", "p.yml")).as(err.toString()).isEqualTo(Cli.OK);
    assertThat(Files.readString(dir.resolve("p.yml"))).contains("#   docker compose -f compose.yaml -f p.yml up -d\n");
  }

  @Test
  void badInputAndUsageExitTwo() throws IOException {
    Path dir = copy(ROOT.resolve("examples/odoo-dev"), tmp.resolve("odoo-dev"));
    assertThat(patch(dir, "--gateway", "nope")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("no service named nope");
    // the network services are moved to: a name Compose takes, and not the default network the patch moves from
    for (String network : List.of("default", "bad name")) {
      assertThat(patch(dir, "--policy", "production", "--network", network)).as(network).isEqualTo(Cli.INVALID);
      assertThat(err.toString()).contains("--network must be a network name of letters, digits, '.', '_' and '-', "
          + "other than default, not '" + network + "'");
    }
    assertThat(patch(dir, "--also-rule", "obsolete-version")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("an override file cannot fix it");
    // --also-rule takes the rules covered only when named; one covered otherwise is told how
    assertThat(patch(dir, "--also-rule", "restart-policy")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: --also-rule restart-policy: the patch covers it by default, or"
        + " with --rule restart-policy; --also-rule takes build-image-pulled, cap-drop-all, privileged,"
        + " read-only-rootfs\n");
    assertThat(patch(dir, "--also-rule", "image-digest")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: --also-rule image-digest: give --digests FILE to pin images"
        + " (--rule image-digest to pin them only); --also-rule takes build-image-pulled, cap-drop-all, privileged,"
        + " read-only-rootfs\n");
    assertThat(patch(dir, "-o", "docker-compose.yml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("is one of the project's files");
    assertThat(patch(dir, "docker-compose.yml")).isEqualTo(Cli.INVALID);
    assertThat(patch(dir, "--backup-dir", "/a:b")).isEqualTo(Cli.INVALID);
    assertThat(patch(dir, "--policy", "strict")).isEqualTo(Cli.INVALID);
    Files.writeString(dir.resolve("broken.yml"), "services:\n  web:\n    image: [x\n");
    assertThat(patch(dir, "-f", "broken.yml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("broken.yml:");
    assertThat(Files.exists(dir.resolve("hardening.patch.yml"))).isFalse();
  }

  @Test
  void everyCorpusPatchLoadsAndLeavesNoCoveredFinding() throws IOException {
    Corpus.assumePresent();
    Path dir = Corpus.materialize(tmp.resolve("corpus"));
    RuleRegistry registry = RuleRegistry.discover();
    Patcher patcher = new Patcher(registry);
    Linter linter = new Linter(registry);
    Policy[] policies = Policy.values();
    Map<String, int[]> resolved = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int loaded = 0;
    int[] tagged = new int[3];
    int[] jobs = new int[policies.length];
    for (Corpus.Entry e : Corpus.entries()) {
      if (!e.isCompose()) {
        continue;
      }
      Path file = Corpus.location(dir, e);
      LoadOptions load = LoadOptions.of(file.getParent(), Map.of(), file);
      LoadResult before;
      try {
        before = ProjectLoader.load(load);
        loaded++;
      } catch (ComposeException refused) {
        continue;
      }
      for (int p = 0; p < policies.length; p++) {
        PatchResult result;
        try {
          result = patcher.generate(PatchOptions.of(load, RuleSettings.of(policies[p])));
        } catch (RuntimeException bug) {
          failures.add(e.localFile() + " [" + policies[p].label() + "]: " + bug);
          continue;
        }
        // independently of the patcher's own check: merge the text after the file and lint again
        Path patch = file.resolveSibling("hardening-" + policies[p].label() + ".patch.yml");
        Files.writeString(patch, result.text());
        LoadResult after;
        try {
          after = ProjectLoader.load(LoadOptions.of(file.getParent(), Map.of(), file, patch));
        } catch (ComposeException refused) {
          failures.add(e.localFile() + " [" + policies[p].label() + "]: does not load: " + refused.getMessage());
          continue;
        } finally {
          Files.delete(patch);
        }
        List<String> gateways = result.settings().optionsOf("internal-service-published")
            .strings("gateways", List.of());
        for (Finding f : linter.lint(after, result.settings())) {
          boolean gatewayBinding = f.ruleId().equals("port-all-interfaces") && policies[p] != Policy.DEVELOPMENT
              && gateways.contains(f.service());
          if (result.covered().contains(f.ruleId()) && f.fix() != null && !f.isSuppressed() && !gatewayBinding) {
            failures.add(e.localFile() + " [" + policies[p].label() + "]: left " + f);
          }
        }
        for (Finding f : result.resolved()) {
          resolved.computeIfAbsent(f.ruleId(), k -> new int[policies.length])[p]++;
        }
        assertThat(after.project().services().keySet()).containsAll(before.project().services().keySet());
        jobs[p] += result.backupJobs().size();
        tagged[result.compose().ordinal()]++;
      }
    }
    assertThat(failures).as("patches that fail").isEmpty();
    StringBuilder table = new StringBuilder("# rule\tdefault\tproduction\tdevelopment (fixable findings of the "
        + "covered rules over " + loaded + " corpus files that load)\n");
    resolved.forEach((rule, n) -> table.append(rule).append('\t').append(n[0]).append('\t').append(n[1])
        .append('\t').append(n[2]).append('\n'));
    table.append("# backup jobs\t").append(jobs[0]).append('\t').append(jobs[1]).append('\t').append(jobs[2])
        .append('\n');
    table.append("# patches needing: any Compose v2 ").append(tagged[0]).append(", 2.18.0 (!reset) ")
        .append(tagged[1]).append(", 2.24.4 (!override) ").append(tagged[2]).append('\n');
    Golden.assertMatches(GOLDEN.resolve("corpus-patch-counts.tsv"), table.toString());
  }
}
