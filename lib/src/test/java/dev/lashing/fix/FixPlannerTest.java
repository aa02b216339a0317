package dev.lashing.fix;

import static dev.lashing.fix.Fixture.append;
import static dev.lashing.fix.Fixture.changes;
import static dev.lashing.fix.Fixture.path;
import static dev.lashing.fix.Fixture.set;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Fix;
import dev.lashing.load.LoadResult;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.tree.Trees;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixPlannerTest {
  @TempDir Path dir;

  private Fixture project(String compose) {
    return new Fixture(dir).file("compose.yaml", compose);
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void replacesAScalarKeepingItsQuotesAndComment() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    restart: 'no'  # keep\n");
    f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    assertThat(f.text()).isEqualTo("services:\n  web:\n    image: nginx\n    restart: 'unless-stopped'  # keep\n");
  }

  @Test
  void insertsANestedPathIntoWhatExists() {
    Fixture f = project("""
        services:
          web:
            image: nginx
            deploy:
              replicas: 2
              resources:
                limits:
                  cpus: "1"
            # trailing comment
        """);
    f.fix("web", set("memory", "512m", "services", "web", "deploy", "resources", "limits", "memory"));
    f.fix("web", set("reservation", "256m", "services", "web", "deploy", "resources", "reservations", "memory"));
    f.fix("web", set("pids", 200L, "services", "web", "deploy", "resources", "limits", "pids"));
    assertThat(f.text()).isEqualTo("""
        services:
          web:
            image: nginx
            deploy:
              replicas: 2
              resources:
                limits:
                  cpus: "1"
                  memory: 512m
                  pids: 200
                reservations:
                  memory: 256m
            # trailing comment
        """);
  }

  /** The blank lines after a {@code |+} or {@code >+} scalar are part of its value: an insertion goes below them. */
  @Test
  void anInsertionAfterAScalarThatKeepsItsTrailingLinesLeavesItsValueAsItWas() {
    for (String header : List.of("|+", ">+", "|2+", "|+ # note")) {
      Fixture f = project("services:\n  web:\n    image: nginx\n    labels:\n      note: " + header
          + "\n        keep\n\n\n  db:\n    image: busybox\n");
      f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
      assertThat(f.text()).as(header).isEqualTo("services:\n  web:\n    image: nginx\n    labels:\n      note: " + header
          + "\n        keep\n\n\n    restart: unless-stopped\n  db:\n    image: busybox\n");
    }
    Fixture stripped = project("services:\n  web:\n    image: nginx\n    labels:\n      note: |-\n        keep\n\n  db:\n    image: x\n");
    stripped.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    assertThat(stripped.text())
        .isEqualTo("services:\n  web:\n    image: nginx\n    labels:\n      note: |-\n        keep\n    restart: unless-stopped\n\n  db:\n"
            + "    image: x\n");
  }

  /**
   * A block scalar replaced by a plain value: its blank lines kept by {@code +} stay as blank lines (the replacement
   * ended up on the next key's line, and the fixed file would not load), and a comment on its header stays.
   */
  @Test
  void aBlockScalarReplacedKeepsItsTrailingLinesAndHeaderComment() {
    Fixture kept = project("services:\n  web:\n    image: nginx\n    restart: |+\n        always\n       \n    user: app\n");
    kept.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    assertThat(kept.text())
        .isEqualTo("services:\n  web:\n    image: nginx\n    restart: unless-stopped\n       \n    user: app\n");
    for (String header : List.of(">1 # note", "|-\t# note", "|# note")) {
      Fixture f = project("services:\n  web:\n    image: nginx\n    restart: " + header + "\n        always\n");
      f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
      assertThat(f.text()).as(header).isEqualTo("services:\n  web:\n    image: nginx\n    restart: unless-stopped "
          + header.substring(header.indexOf('#')) + "\n");
    }
  }

  /** An empty value ({@code deploy:} with nothing after it) that several settings below it fill: one mapping. */
  @Test
  void settingsBelowAnEmptyValueFillItTogether() {
    for (String empty : List.of("", " ~", " null")) {
      Fixture f = project("services:\n  web:\n    image: nginx\n    deploy:" + empty + "\n");
      f.fix("web", set("memory", "512m", "services", "web", "deploy", "resources", "limits", "memory"));
      f.fix("web", set("reservation", "256m", "services", "web", "deploy", "resources", "reservations", "memory"));
      assertThat(f.text()).as(empty).isEqualTo("""
          services:
            web:
              image: nginx
              deploy:
                resources:
                  limits:
                    memory: 512m
                  reservations:
                    memory: 256m
          """);
    }
  }

  /**
   * An empty value with only a tag or an anchor ({@code restart: !reset}) ends where its tag or anchor does, not at
   * the next key: new keys of its mapping go below it, not into the next service.
   */
  @Test
  void keysInsertedAfterAnEmptyValueWithATagOrAnchorStayInItsMapping() {
    for (String last : List.of("x-n: !reset", "x-n: &e", "x-n: !!null", "x-n: &e !!null # note", "x-n: ~")) {
      Fixture f = project("services:\n  db:\n    image: postgres:16\n    " + last + "\n  app:\n    image: app\n");
      f.fix("db", set("memory", "512m", "services", "db", "deploy", "resources", "limits", "memory"));
      assertThat(f.plan().skipped()).as(last).isEmpty();
      assertThat(f.text()).as(last).isEqualTo("services:\n  db:\n    image: postgres:16\n    " + last + "\n"
          + "    deploy:\n      resources:\n        limits:\n          memory: 512m\n  app:\n    image: app\n");
      Fixture second = f.applied();
      second.fix("db", set("memory", "512m", "services", "db", "deploy", "resources", "limits", "memory"));
      assertThat(second.plan().texts()).as(last + ", again").isEmpty();
    }
    Fixture anchored = project("services:\n  db:\n    image: postgres:16\n    x-n: &e\n  app:\n    image: app\n");
    anchored.fix("db", set("x-n", "on", "services", "db", "x-n"));
    assertThat(anchored.text()).isEqualTo("services:\n  db:\n    image: postgres:16\n    x-n: &e \"on\"\n"
        + "  app:\n    image: app\n");
  }

  /**
   * A tag written on a replaced value goes with it when it would not hold for the new value ({@code !!null} before a
   * size, {@code !!str} before a boolean or a list): kept, it would make the value another type, or one that does not
   * load. A tag that still holds stays, and so does an anchor.
   */
  @Test
  void aReplacedValueLosesATagThatNoLongerHolds() {
    Fixture f = project("""
        services:
          web:
            image: nginx
            read_only: !!str "false"
            tmpfs: !!str /run
            depends_on: !!seq [db]
            logging:
              driver: json-file
              options: {max-size: !!null , max-file: &files !!null }
          db: {image: postgres, deploy: &d !!null }
        """);
    f.fix("web", set("read-only", true, "services", "web", "read_only"));
    f.fix("web", append("/tmp", "services", "web", "tmpfs"));
    f.fix("web", set("healthy", "service_healthy", "services", "web", "depends_on", "db", "condition"));
    f.fix("web", set("rotate", "10m", "services", "web", "logging", "options", "max-size"));
    f.fix("web", set("keep", "3", "services", "web", "logging", "options", "max-file"));
    f.fix("db", set("memory", "512m", "services", "db", "deploy", "resources", "limits", "memory"));
    assertThat(f.plan().skipped()).isEmpty();
    assertThat(f.text()).isEqualTo("""
        services:
          web:
            image: nginx
            read_only: true
            tmpfs: [/run, /tmp]
            depends_on: {db: {condition: service_healthy}}
            logging:
              driver: json-file
              options: {max-size: 10m , max-file: &files "3" }
          db: {image: postgres, deploy: &d {resources: {limits: {memory: 512m}}} }
        """);
    Fixture second = f.applied();
    assertThat(second.load().tree()).isNotNull();
    second.fix("web", set("keep", "3", "services", "web", "logging", "options", "max-file"));
    assertThat(second.plan().texts()).isEmpty();
  }

  @Test
  void aTagThatStillHoldsForTheNewValueStays() {
    Fixture f = project("""
        services:
          web:
            image: nginx
            restart: !!str "no"
            privileged: !!bool true
            ports: [!!str "8080:80"]
        """);
    f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    f.fix("web", set("privileged", false, "services", "web", "privileged"));
    f.fix("web", changes(new Fix.ReplaceItem(path("services", "web", "ports"), 0,
        port("127.0.0.1", 80L, "8080", "tcp"))));
    assertThat(f.text()).isEqualTo("""
        services:
          web:
            image: nginx
            restart: !!str "unless-stopped"
            privileged: !!bool false
            ports: [!!str "127.0.0.1:8080:80"]
        """);
  }

  /**
   * A block list or mapping rewritten under its key keeps the anchor written on it, which aliases may name, and a tag
   * that still holds ({@code !override} in a later file, which would otherwise merge the new list into the earlier
   * one); a tag that does not hold goes, as for a scalar.
   */
  @Test
  void aBlockCollectionRewrittenKeepsItsAnchorAndATagThatStillHolds() {
    Fixture f = new Fixture(dir)
        .file("compose.yaml", "services:\n  web:\n    image: web\n    security_opt:\n      - label:disable\n"
            + "    depends_on: &deps\n      - db\n    dns: !!seq &dns # resolvers\n      - 1.1.1.1\n"
            + "  db:\n    image: db\n    depends_on: !!seq\n      - cache\n  cache:\n    image: cache\n")
        .file("compose.override.yaml", "services:\n  web:\n    security_opt: !override\n      - label:disable\n")
        .project("compose.yaml", "compose.override.yaml");
    f.fix("web", set("security", List.of("no-new-privileges:true"), "services", "web", "security_opt"));
    f.fix("web", set("healthy", "service_healthy", "services", "web", "depends_on", "db", "condition"));
    f.fix("web", set("dns", List.of("9.9.9.9"), "services", "web", "dns"));
    f.fix("db", set("healthy", "service_healthy", "services", "db", "depends_on", "cache", "condition"));
    assertThat(f.plan().skipped()).isEmpty();
    assertThat(f.text("compose.override.yaml"))
        .isEqualTo("services:\n  web:\n    security_opt: !override\n      - no-new-privileges:true\n");
    assertThat(f.text()).isEqualTo("services:\n  web:\n    image: web\n    security_opt:\n      - label:disable\n"
        + "    depends_on: &deps\n      db:\n        condition: service_healthy\n"
        + "    dns: !!seq &dns\n      # resolvers\n      - 9.9.9.9\n"
        + "  db:\n    image: db\n    depends_on:\n      cache:\n        condition: service_healthy\n"
        + "  cache:\n    image: cache\n");
    assertThat(items(f.applied().load(), "web", "security_opt")).containsExactly("no-new-privileges:true");
  }

  @Test
  void editsOfOneMappingByManyFixesBecomeOneInsertion() {
    Fixture f = project("services:\n  web:\n    image: nginx\n");
    f.fix("web", set("memory", "512m", "services", "web", "deploy", "resources", "limits", "memory"));
    f.fix("web", set("cpus", 0.5, "services", "web", "deploy", "resources", "limits", "cpus"));
    f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    assertThat(f.text()).isEqualTo("""
        services:
          web:
            image: nginx
            deploy:
              resources:
                limits:
                  memory: 512m
                  cpus: 0.5
            restart: unless-stopped
        """);
  }

  @Test
  void followsTheFilesIndentationAndSequenceStyle() {
    Fixture f = project("""
        services:
            web:
                image: nginx
                dns:
                - 1.1.1.1
        """);
    f.fix("web", append("ALL", "services", "web", "cap_drop"));
    f.fix("web", set("logging", map("driver", "json-file", "options", map("max-size", "10m")),
        "services", "web", "logging"));
    assertThat(f.text()).isEqualTo("""
        services:
            web:
                image: nginx
                dns:
                - 1.1.1.1
                cap_drop:
                - ALL
                logging:
                    driver: json-file
                    options:
                        max-size: 10m
        """);
  }

  /**
   * New lists are written as the file writes its lists, whatever their length: those of a key as the file writes
   * that key's (a healthcheck's {@code test} quoted in flow beside block lists), else as most of its lists.
   */
  /**
   * A file with no list to learn from gets block lists, as documented: a healthcheck's {@code test} as much as the
   * other lists of the same fixes, so that one run does not write two styles.
   */
  @Test
  void aFileWithoutListsGetsBlockListsTheHealthchecksTestToo() {
    Fixture none = project("services:\n  db:\n    image: postgres\n    environment:\n      A: \"1\"\n");
    none.fix("db", set("check", map("test", List.of("CMD", "pg_isready"), "interval", "10s"), "services", "db",
        "healthcheck"));
    none.fix("db", append("ALL", "services", "db", "cap_drop"));
    assertThat(none.text()).endsWith("      A: \"1\"\n    healthcheck:\n      test:\n        - CMD\n        - pg_isready\n"
        + "      interval: 10s\n    cap_drop:\n      - ALL\n");
  }

  @Test
  void newListsFollowHowTheFileWritesItsLists() {
    Fixture block = project("services:\n  db:\n    image: postgres\n    environment:\n      - A=1\n");
    block.fix("db", append("ALL", "services", "db", "cap_drop"));
    block.fix("db", set("caps", List.of("CHOWN", "SETUID"), "services", "db", "cap_add"));
    block.fix("db", set("tmpfs", List.of("/tmp", "/var/run/postgresql"), "services", "db", "tmpfs"));
    block.fix("db", set("check", map("test", List.of("CMD", "pg_isready")), "services", "db", "healthcheck"));
    assertThat(block.text()).endsWith("      - A=1\n    cap_drop:\n      - ALL\n    cap_add:\n      - CHOWN\n"
        + "      - SETUID\n    tmpfs:\n      - /tmp\n      - /var/run/postgresql\n    healthcheck:\n      test:\n"
        + "        - CMD\n        - pg_isready\n");

    Fixture mixed = project("services:\n  web:\n    image: nginx\n    healthcheck:\n      test: ['CMD', 'true']\n"
        + "    ports:\n      - 80:80\n    volumes:\n      - ./a:/a\n  db:\n    image: postgres\n");
    mixed.fix("db", set("check", map("test", List.of("CMD", "pg_isready")), "services", "db", "healthcheck"));
    mixed.fix("db", set("caps", List.of("CHOWN", "SETUID"), "services", "db", "cap_add"));
    assertThat(mixed.text()).endsWith("  db:\n    image: postgres\n    healthcheck:\n      test: ['CMD', 'pg_isready']\n"
        + "    cap_add:\n      - CHOWN\n      - SETUID\n");

    Fixture flow = project("services:\n  web:\n    image: nginx\n    ports: [\"80:80\"]\n    dns: [1.1.1.1]\n"
        + "    volumes: [./a:/a]\n");
    flow.fix("web", append("ALL", "services", "web", "cap_drop"));
    flow.fix("web", set("tmpfs", List.of("/tmp", "/run"), "services", "web", "tmpfs"));
    assertThat(flow.text()).endsWith("    volumes: [./a:/a]\n    cap_drop: [ALL]\n    tmpfs: [/tmp, /run]\n");
  }

  @Test
  void flowCollectionsStayFlow() {
    Fixture f = project("services:\n  web: {image: nginx, cap_drop: [NET_RAW]}\n  api: {image: x}\n");
    f.fix("web", set("restart", "no", "services", "web", "restart"));
    f.fix("web", append("ALL", "services", "web", "cap_drop"));
    f.fix("api", set("read_only", true, "services", "api", "read_only"));
    assertThat(f.text()).isEqualTo(
        "services:\n  web: {image: nginx, cap_drop: [NET_RAW, ALL], restart: \"no\"}\n  api: {image: x, read_only: true}\n");
  }

  @Test
  void anItemAddedToAListOfQuotedStringsIsQuotedAlike() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    cap_drop: [\"NET_RAW\"]\n"
        + "    security_opt: ['apparmor:unconfined']\n    dns: [\"1.1.1.1\", 8.8.8.8]\n");
    f.fix("web", append("ALL", "services", "web", "cap_drop"));
    f.fix("web", append("no-new-privileges:$true", "services", "web", "security_opt"));
    f.fix("web", append("9.9.9.9", "services", "web", "dns"));
    assertThat(f.text()).isEqualTo("services:\n  web:\n    image: nginx\n    cap_drop: [\"NET_RAW\", \"ALL\"]\n"
        + "    security_opt: ['apparmor:unconfined', 'no-new-privileges:$$true']\n"
        + "    dns: [\"1.1.1.1\", 8.8.8.8, 9.9.9.9]\n");
  }

  @Test
  void quotesWhatWouldReadAsAnotherTypeAndEscapesDollars() {
    Fixture f = project("services:\n  web:\n    image: nginx\n");
    f.fix("web", set("env", map("A", "no", "B", "22:22", "C", "8080", "D", "price $5", "E", "a: b", "F", "-x"),
        "services", "web", "environment"));
    assertThat(f.text()).isEqualTo("""
        services:
          web:
            image: nginx
            environment:
              A: "no"
              B: "22:22"
              C: "8080"
              D: price $$5
              E: "a: b"
              F: -x
        """);
  }

  @Test
  void anchoredValueIsEditedWhereDefinedWhenEveryUserNeedsTheSameChange() {
    Fixture f = project("""
        x-common: &common
          restart: always
        services:
          a:
            <<: *common
            image: a
          b:
            <<: *common
            image: b
        """);
    f.fix("a", set("restart", "no", "services", "a", "restart"));
    f.fix("b", set("restart", "no", "services", "b", "restart"));
    assertThat(f.text()).startsWith("x-common: &common\n  restart: \"no\"\nservices:\n");
    assertThat(f.plan().applied()).hasSize(2);
  }

  @Test
  void anchoredValueIsOverriddenInTheServiceWhenOtherUsersKeepIt() {
    Fixture f = project("""
        x-common: &common
          restart: always
        services:
          a:
            <<: *common
            image: a
          b:
            <<: *common
            image: b
        """);
    f.fix("a", set("restart", "no", "services", "a", "restart"));
    assertThat(f.text()).isEqualTo("""
        x-common: &common
          restart: always
        services:
          a:
            <<: *common
            image: a
            restart: "no"
          b:
            <<: *common
            image: b
        """);
  }

  @Test
  void nestedMappingFromAMergeKeyIsExtendedThroughANewAnchor() {
    Fixture f = project("""
        x-common: &common
          deploy:
            resources:
              limits:
                cpus: "1"
        services:
          a:
            <<: *common
            image: a
          b:
            <<: *common
            image: b
        """);
    f.fix("a", set("memory", "1g", "services", "a", "deploy", "resources", "limits", "memory"));
    f.fix("b", set("memory", "2g", "services", "b", "deploy", "resources", "limits", "memory"));
    String fixed = f.text();
    assertThat(fixed).isEqualTo("""
        x-common: &common
          deploy: &common-deploy
            resources: &common-deploy-resources
              limits: &common-deploy-resources-limits
                cpus: "1"
        services:
          a:
            <<: *common
            image: a
            deploy:
              <<: *common-deploy
              resources:
                <<: *common-deploy-resources
                limits:
                  <<: *common-deploy-resources-limits
                  memory: 1g
          b:
            <<: *common
            image: b
            deploy:
              <<: *common-deploy
              resources:
                <<: *common-deploy-resources
                limits:
                  <<: *common-deploy-resources-limits
                  memory: 2g
        """);
    LoadResult result = f.applied().load();
    MapNode limits = limits(result, "a");
    assertThat(Trees.text(limits, "cpus")).isEqualTo("1");
    assertThat(Trees.text(limits, "memory")).isEqualTo("1g");
    assertThat(Trees.text(limits(result, "b"), "memory")).isEqualTo("2g");
  }

  private static MapNode limits(LoadResult result, String service) {
    MapNode s = Trees.map(Trees.map(result.tree(), "services"), service);
    return Trees.map(Trees.map(Trees.map(s, "deploy"), "resources"), "limits");
  }

  @Test
  void aServiceThatIsAnAliasGetsAMergeKey() {
    Fixture f = project("""
        services:
          a: &a
            image: a
          b: *a
        """);
    f.fix("b", set("restart", "unless-stopped", "services", "b", "restart"));
    assertThat(f.text()).isEqualTo("""
        services:
          a: &a
            image: a
          b:
            <<: *a
            restart: unless-stopped
        """);
    assertThat(Trees.text(Trees.map(Trees.map(f.applied().load().tree(), "services"), "a"), "restart")).isNull();
  }

  /**
   * A service whose mapping is another service's (an alias), or that merges its keys, inherits that service's new
   * keys: when the plan gives both the same, it waits for the next round rather than repeating them.
   */
  @Test
  void aServiceThatTakesTheKeysOfAnotherGettingTheSameFixWaitsForIt() {
    Fixture f = project("""
        services:
          w1: &w1
            image: nginx
          w2: &w2
            <<: *w1
            image: redis
          w3: *w2
          w4:
            <<: *w1
            logging: {driver: local}
        """);
    for (String service : List.of("w1", "w2", "w3")) {
      f.fix(service, set("restart", "unless-stopped", "services", service, "restart"));
    }
    f.fix("w4", set("restart", "no", "services", "w4", "restart"));
    assertThat(f.text()).isEqualTo("""
        services:
          w1: &w1
            image: nginx
            restart: unless-stopped
          w2: &w2
            <<: *w1
            image: redis
          w3: *w2
          w4:
            <<: *w1
            logging: {driver: local}
            restart: "no"
        """);
    assertThat(f.plan().skipped()).extracting(Skip::message).containsExactly(
        "w2 merges the keys of w1, which gets the same fix; it waits for the next run",
        "w3 is an alias of w2, which gets the same fix; it waits for the next run");

    // a key it takes from the other already is that one's value: edited once, where it is written
    Fixture shared = project("services:\n  w1: &w1\n    image: nginx\n    restart: always\n  w2:\n    <<: *w1\n");
    shared.fix("w1", set("restart", "no", "services", "w1", "restart"));
    shared.fix("w2", set("restart", "no", "services", "w2", "restart"));
    assertThat(shared.text()).isEqualTo("services:\n  w1: &w1\n    image: nginx\n    restart: \"no\"\n  w2:\n"
        + "    <<: *w1\n");
    assertThat(shared.plan().applied()).hasSize(2);
  }

  @Test
  void aListFromAnAliasIsCopiedWithTheNewItemWhenOnlyOneUserNeedsIt() {
    Fixture f = project("""
        x-caps: &caps [NET_RAW, "MKNOD"]
        services:
          a:
            image: a
            cap_drop: *caps
          b:
            image: b
            cap_drop: *caps
        """);
    f.fix("a", append("ALL", "services", "a", "cap_drop"));
    // written in flow style as the file's lists are, each copied item as written
    assertThat(f.text()).contains("    cap_drop: [NET_RAW, \"MKNOD\", ALL]\n  b:\n    image: b\n    cap_drop: *caps\n");
  }

  @Test
  void inheritedThroughExtendsIsOverriddenInTheExtendingService() {
    Fixture f = new Fixture(dir)
        .file("base.yaml", "services:\n  base:\n    image: nginx\n    restart: always\n")
        .file("compose.yaml", "services:\n  web:\n    extends: {file: base.yaml, service: base}\n");
    f.fix("web", set("restart", "no", "services", "web", "restart"));
    f.fix("web", append("ALL", "services", "web", "cap_drop"));
    assertThat(f.texts()).containsOnlyKeys("compose.yaml");
    assertThat(f.text()).isEqualTo("""
        services:
          web:
            extends: {file: base.yaml, service: base}
            restart: "no"
            cap_drop:
              - ALL
        """);
  }

  /**
   * The merged service is the base's mapping, written under the base's name: its new keys still go to the service
   * that extends, never into the first file that has a {@code services} mapping (here the included one, merged
   * first), where they would define a service of their own.
   */
  @Test
  void newKeysOfAServiceThatExtendsGoToItAlsoWhenTheProjectIncludesAFile() {
    for (String base : List.of("{file: base.yaml, service: base}", "{file: inc.yaml, service: cache}", "local")) {
      Fixture f = new Fixture(dir)
          .file("base.yaml", "services:\n  base:\n    image: busybox\n    deploy: {replicas: 2}\n")
          .file("inc.yaml", "services:\n  cache:\n    image: redis\n")
          .file("compose.yaml", "include:\n  - inc.yaml\nservices:\n  app:\n    extends: " + base + "\n"
              + "  local:\n    image: busybox\n");
      f.fix("app", set("restart", "unless-stopped", "services", "app", "restart"));
      f.fix("app", set("memory", "512m", "services", "app", "deploy", "resources", "limits", "memory"));
      assertThat(f.texts()).containsOnlyKeys("compose.yaml");
      assertThat(f.text()).isEqualTo("include:\n  - inc.yaml\nservices:\n  app:\n    extends: " + base + "\n"
          + "    restart: unless-stopped\n    deploy:\n      resources:\n        limits:\n          memory: 512m\n"
          + "  local:\n    image: busybox\n");
      f.applied().load();
    }
  }

  /** Its mapping does not match it either (it is the anchor's): its new keys go to it, where it is defined. */
  @Test
  void newKeysOfAServiceWrittenAsAnAliasGoToItAlsoWhenTheProjectIncludesAFile() {
    Fixture f = new Fixture(dir)
        .file("inc.yaml", "services:\n  cache:\n    image: redis\n")
        .file("compose.yaml", "include:\n  - inc.yaml\nx-base: &base\n  image: nginx\nservices:\n  web: *base\n");
    f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    assertThat(f.texts()).containsOnlyKeys("compose.yaml");
    assertThat(f.text()).isEqualTo("include:\n  - inc.yaml\nx-base: &base\n  image: nginx\nservices:\n  web:\n"
        + "    <<: *base\n    restart: unless-stopped\n");
    f.applied().load();
  }

  @Test
  void anIncludedServiceIsFixedInTheIncludedFileAndItsNetworkDeclaredThere() {
    Fixture f = new Fixture(dir)
        .file("compose.yaml", "include:\n  - inc/compose.yaml\nservices:\n  web:\n    image: nginx\n")
        .file("inc/compose.yaml", "services:\n  db:\n    image: postgres\n");
    f.fix("db", "inc/compose.yaml", "db", new Fix("attach", Fix.Safety.SAFE, List.of(
        new Fix.Set(path("services", "db", "networks"), List.of("app_network")),
        new Fix.Set(path("networks", "app_network"), Map.of()))));
    assertThat(f.texts()).containsOnlyKeys("inc/compose.yaml");
    assertThat(f.text("inc/compose.yaml")).isEqualTo("""
        services:
          db:
            image: postgres
            networks:
              - app_network
        networks:
          app_network: {}
        """);
    f.applied().load(); // both files still load
  }

  @Test
  void withSeveralFilesAValueIsEditedInTheLastFileThatSetsItAndNewKeysGoToTheFirst() {
    Fixture f = new Fixture(dir)
        .file("compose.yaml", "services:\n  web:\n    image: nginx\n    restart: always\n")
        .file("compose.override.yaml", "services:\n  web:\n    restart: unless-stopped\n")
        .project("compose.yaml", "compose.override.yaml");
    f.fix("web", set("restart", "no", "services", "web", "restart"));
    f.fix("web", set("read_only", true, "services", "web", "read_only"));
    assertThat(f.text("compose.override.yaml")).isEqualTo("services:\n  web:\n    restart: \"no\"\n");
    assertThat(f.text("compose.yaml")).isEqualTo(
        "services:\n  web:\n    image: nginx\n    restart: always\n    read_only: true\n");
  }

  @Test
  void aFixOfPartOfAPortRangeIsRefusedNamingTheListNotAPositionOfThisRoundsText() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    ports:\n      - \"3000-3001:3000-3001\"\n");
    f.fix("web", new Fix("rebind", Fix.Safety.SAFE, List.of(new Fix.ReplaceItem(path("services", "web", "ports"), 0,
        "127.0.0.1:3000:3000"))));
    assertThat(f.plan().skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(Skip.Reason.UNWRITABLE);
      assertThat(s.message())
          .isEqualTo("the fix changes only some of the 2 entries of services.web.ports that one item writes");
    });
  }

  @Test
  void overlappingFixesAreRejectedAndTheConflictNamed() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    ports:\n      - \"80:80\"\n");
    f.fix("web", new Fix("drop", Fix.Safety.SAFE, List.of(new Fix.RemoveItem(path("services", "web", "ports"), 0))));
    f.fix("web", new Fix("rebind", Fix.Safety.SAFE, List.of(new Fix.ReplaceItem(path("services", "web", "ports"), 0,
        "127.0.0.1:80:80"))));
    FixPlanner.Result plan = f.plan();
    assertThat(plan.applied()).extracting(c -> c.fix().description()).containsExactly("drop");
    assertThat(plan.skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(Skip.Reason.CONFLICT);
      assertThat(s.message()).contains("test-rule (drop)");
    });
    assertThat(plan.texts().get("compose.yaml")).isEqualTo("services:\n  web:\n    image: nginx\n");
  }

  @Test
  void contradictingValuesForOneKeyAreRejected() {
    Fixture f = project("services:\n  web:\n    image: nginx\n");
    f.fix("web", set("one", "no", "services", "web", "restart"));
    f.fix("web", set("two", "always", "services", "web", "restart"));
    assertThat(f.plan().skipped()).singleElement().extracting(Skip::reason).isEqualTo(Skip.Reason.CONFLICT);
    assertThat(f.text()).isEqualTo("services:\n  web:\n    image: nginx\n    restart: \"no\"\n");
  }

  @Test
  void keepsCrlfAndTheByteOrderMark() {
    Fixture f = project("\uFEFFservices:\r\n  web:\r\n    image: nginx\r\n");
    f.fix("web", set("logging", map("driver", "json-file"), "services", "web", "logging"));
    assertThat(f.text()).isEqualTo("\uFEFFservices:\r\n  web:\r\n    image: nginx\r\n    logging:\r\n      driver: json-file\r\n");
  }

  @Test
  void aFileWithoutAFinalLineBreakGetsNoneAdded() {
    Fixture f = project("services:\n  web:\n    image: nginx");
    f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    assertThat(f.text()).isEqualTo("services:\n  web:\n    image: nginx\n    restart: unless-stopped");
  }

  @Test
  void removingAnEntryKeepsItsComments() {
    Fixture f = project("version: '3' # old\nservices:\n  web:\n    image: nginx\n    network_mode: bridge\n    # after\n");
    f.fix(null, "compose.yaml", "version", new Fix("rm", Fix.Safety.SAFE, List.of(new Fix.Remove(path("version")))));
    f.fix("web", new Fix("rm", Fix.Safety.SAFE, List.of(new Fix.Remove(path("services", "web", "network_mode")))));
    assertThat(f.text()).isEqualTo("# old\nservices:\n  web:\n    image: nginx\n    # after\n");
  }

  @Test
  void removingTheFirstLinesLeavesNoBlankFirstLine() {
    Fixture f = project("version: \"3.8\"\n\n  \nservices:\n  web:\n    image: nginx\n\n  db:\n    image: postgres:16\n");
    f.fix(null, "compose.yaml", "version", new Fix("rm", Fix.Safety.SAFE, List.of(new Fix.Remove(path("version")))));
    assertThat(f.text()).isEqualTo("services:\n  web:\n    image: nginx\n\n  db:\n    image: postgres:16\n");
  }

  @Test
  void removingTheLastItemOfAListRemovesTheKey() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    ports:\n      - \"80:80\" # web\n      - 443:443\n");
    f.fix("web", new Fix("a", Fix.Safety.SAFE, List.of(new Fix.RemoveItem(path("services", "web", "ports"), 0))));
    f.fix("web", new Fix("b", Fix.Safety.SAFE, List.of(new Fix.RemoveItem(path("services", "web", "ports"), 1))));
    assertThat(f.text()).isEqualTo("services:\n  web:\n    image: nginx\n    # web\n");
  }

  @Test
  void removingFromAFlowListKeepsItValid() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    ports: [\"80:80\", \"443:443\", \"8080:80\"]\n");
    f.fix("web", new Fix("a", Fix.Safety.SAFE, List.of(new Fix.RemoveItem(path("services", "web", "ports"), 1),
        new Fix.RemoveItem(path("services", "web", "ports"), 2))));
    assertThat(f.text()).isEqualTo("services:\n  web:\n    image: nginx\n    ports: [\"80:80\"]\n");
  }

  @Test
  void bindsAShortPortByWritingTheAddressInFront() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    ports:\n      - \"${PORT:-80}:80\"\n"
        + "      - 3000-3001:3000-3001\n      - \"[::]:53:53/udp\"\n");
    Fix.Change[] rebind = {
        new Fix.ReplaceItem(path("services", "web", "ports"), 0, port("127.0.0.1", 80L, "80", "tcp")),
        new Fix.ReplaceItem(path("services", "web", "ports"), 1, port("127.0.0.1", 3000L, "3000", "tcp")),
        new Fix.ReplaceItem(path("services", "web", "ports"), 2, port("127.0.0.1", 3001L, "3001", "tcp")),
        new Fix.ReplaceItem(path("services", "web", "ports"), 3, port("::1", 53L, "53", "udp"))};
    f.fix("web", changes(rebind));
    assertThat(f.text()).endsWith("      - \"127.0.0.1:${PORT:-80}:80\"\n      - 127.0.0.1:3000-3001:3000-3001\n"
        + "      - \"[::1]:53:53/udp\"\n");
  }

  @Test
  void bindsAContainerPortWrittenAsANumberInShortFormToo() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    ports:\n      - 8069\n  db:\n    image: postgres\n"
        + "    ports: [5432]\n");
    f.fix("web", changes(new Fix.ReplaceItem(path("services", "web", "ports"), 0,
        map("mode", "ingress", "host_ip", "127.0.0.1", "target", 8069L, "protocol", "tcp"))));
    f.fix("db", changes(new Fix.ReplaceItem(path("services", "db", "ports"), 0,
        map("mode", "ingress", "host_ip", "127.0.0.1", "target", 5432L, "protocol", "tcp"))));
    assertThat(f.text()).isEqualTo("services:\n  web:\n    image: nginx\n    ports:\n      - 127.0.0.1::8069\n"
        + "  db:\n    image: postgres\n    ports: [127.0.0.1::5432]\n");
  }

  /**
   * Whether an entry is a bare container port, a HOST:CONTAINER mapping or names an address is read from the value
   * Compose reads, not from the colons written outside its variables ({@code ${PORTS:-9000:9000}} has none).
   */
  @Test
  void aShortPortIsBoundAfterWhatItsVariablesHold() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    ports:\n      - \"${PORTS:-9000:9000}\"\n"
        + "      - '${SPEC:-9001:9001/udp}'\n      - ${ONLY:-8069}\n      - \"${HOST_PORT}:80\"\n");
    f.fix("web", changes(
        new Fix.ReplaceItem(path("services", "web", "ports"), 0, port("127.0.0.1", 9000L, "9000", "tcp")),
        new Fix.ReplaceItem(path("services", "web", "ports"), 1, port("127.0.0.1", 9001L, "9001", "udp")),
        new Fix.ReplaceItem(path("services", "web", "ports"), 2,
            map("mode", "ingress", "host_ip", "127.0.0.1", "target", 8069L, "protocol", "tcp")),
        new Fix.ReplaceItem(path("services", "web", "ports"), 3,
            map("mode", "ingress", "host_ip", "127.0.0.1", "target", 80L, "protocol", "tcp"))));
    assertThat(f.text()).endsWith("      - \"127.0.0.1:${PORTS:-9000:9000}\"\n      - '127.0.0.1:${SPEC:-9001:9001/udp}'\n"
        + "      - 127.0.0.1::${ONLY:-8069}\n      - \"127.0.0.1:${HOST_PORT}:80\"\n");
    f.applied().load();
  }

  @Test
  void aShortPortWhoseAddressIsAVariableIsLeftToTheVariable() {
    for (String entry : List.of("${IP}:${P:-8080}:80", "${BIND:-0.0.0.0:8080}:80")) {
      Fixture f = project("services:\n  web:\n    image: nginx\n    ports:\n      - \"" + entry + "\"\n");
      f.fix("web", changes(new Fix.ReplaceItem(path("services", "web", "ports"), 0,
          port("127.0.0.1", 80L, "8080", "tcp"))));
      assertThat(f.plan().skipped()).singleElement().satisfies(s -> assertThat(s.message()).contains("variable"));
      assertThat(f.plan().texts()).isEmpty();
    }
  }

  /**
   * An included file is interpolated with its own env file too, which the planner does not read: where the
   * project's variables do not give the bindings Compose read, what the entry's variables hold is not known.
   */
  @Test
  void aShortPortReadWithVariablesThePlannerDoesNotKnowIsLeftToTheVariable() {
    Fixture f = new Fixture(dir)
        .file("compose.yaml", "include:\n  - path: inc.yaml\n    env_file: inc.env\n")
        .file("inc.env", "PORTS=9000:9000\n")
        .file("inc.yaml", "services:\n  api:\n    image: nginx\n    ports:\n      - \"${PORTS}\"\n");
    f.fix("api", "inc.yaml", "${PORTS}", changes(new Fix.ReplaceItem(path("services", "api", "ports"), 0,
        port("127.0.0.1", 9000L, "9000", "tcp"))));
    assertThat(f.plan().skipped()).singleElement().satisfies(s -> assertThat(s.message()).contains("variable"));
    assertThat(f.plan().texts()).isEmpty();
  }

  private static Map<String, Object> port(String host, long target, String published, String protocol) {
    return map("mode", "ingress", "host_ip", host, "target", target, "published", published, "protocol", protocol);
  }

  @Test
  void aLongPortGetsOnlyItsHostIp() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    ports:\n      - target: 80\n        published: \"8080\"\n");
    f.fix("web", changes(new Fix.ReplaceItem(path("services", "web", "ports"), 0,
        map("host_ip", "127.0.0.1", "target", 80L, "published", "8080"))));
    assertThat(f.text()).endsWith("      - target: 80\n        published: \"8080\"\n        host_ip: 127.0.0.1\n");
  }

  @Test
  void shortFormsAreRewrittenWhenTheFixNeedsTheLongOneAndFlowStaysFlow() {
    Fixture f = project("""
        services:
          db:
            image: postgres
            healthcheck: {test: ["CMD", "pg_isready"]}
          web:
            image: nginx
            depends_on: [db]   # short
            networks: [default]
            tmpfs: /run
        """);
    f.fix("web", set("healthy", "service_healthy", "services", "web", "depends_on", "db", "condition"));
    f.fix("web", changes(new Fix.Remove(path("services", "web", "networks", "default")),
        new Fix.Set(path("services", "web", "networks", "back"), null)));
    f.fix("web", append("/tmp", "services", "web", "tmpfs"));
    assertThat(f.text()).endsWith("""
          web:
            image: nginx
            depends_on: {db: {condition: service_healthy}}   # short
            networks: [back]
            tmpfs: [/run, /tmp]
        """);
  }

  @Test
  void aFlowCollectionWithACommentInsideIsRewrittenInBlockStyleKeepingTheComment() {
    Fixture f = project("""
        services:
          db:
            image: postgres
            healthcheck: {test: ["CMD", "pg_isready"]}
          web:
            image: nginx
            depends_on: [
              db, # the database
            ]
        """);
    f.fix("web", set("healthy", "service_healthy", "services", "web", "depends_on", "db", "condition"));
    assertThat(f.text()).endsWith("""
          web:
            image: nginx
            depends_on:
              # the database
              db:
                condition: service_healthy
        """);
  }

  /** Inside a flow mapping a rewritten value stays flow: the comments written in it go first, on lines of their own. */
  @Test
  void aFlowValueWithACommentInsideAFlowMappingKeepsTheComment() {
    Fixture f = project("""
        services:
          app: {
            image: app,
            depends_on: [
              db,   # migrated first
              cache
            ]
          }
          db: {image: db, healthcheck: {test: [CMD, "true"]}}
          cache: {image: db, healthcheck: {test: [CMD, "true"]}}
        """);
    f.fix("app", set("healthy", "service_healthy", "services", "app", "depends_on", "db", "condition"));
    assertThat(f.plan().skipped()).isEmpty();
    assertThat(f.text()).startsWith("""
        services:
          app: {
            image: app,
            depends_on: # migrated first
              {db: {condition: service_healthy}, cache: {condition: service_started}}
          }
        """);
    Fixture second = f.applied();
    second.fix("app", set("healthy", "service_healthy", "services", "app", "depends_on", "cache", "condition"));
    assertThat(second.text()).startsWith("""
        services:
          app: {
            image: app,
            depends_on: # migrated first
              {db: {condition: service_healthy}, cache: {condition: service_healthy}}
          }
        """);
    Fixture third = second.applied();
    third.fix("app", set("healthy", "service_healthy", "services", "app", "depends_on", "db", "condition"));
    assertThat(third.plan().texts()).isEmpty();
  }

  /**
   * Removing items of a multi-line flow list keeps their comments; removing them all removes the key from the flow
   * mapping around it, as from a block one.
   */
  @Test
  void removingFromAMultiLineFlowListKeepsTheComments() {
    String compose = """
        services:
          db: {
            image: postgres:16,
            ports: [
              "5432:5432",  # for psql from host
              6432          # pgbouncer
            ],
            restart: "no"  # one-shot
          }
        """;
    Fixture first = project(compose);
    first.fix("db", removePort("db"));
    assertThat(first.text()).isEqualTo("""
        services:
          db: {
            image: postgres:16,
            ports: [
              # for psql from host
              6432          # pgbouncer
            ],
            restart: "no"  # one-shot
          }
        """);
    Fixture last = project(compose);
    last.fix("db", new Fix("b", Fix.Safety.SAFE, List.of(new Fix.RemoveItem(path("services", "db", "ports"), 1))));
    assertThat(last.text()).contains("""
            ports: [
              "5432:5432" # for psql from host
              # pgbouncer
            ],
        """);
    assertThat(((MapNode) ((MapNode) last.applied().load().tree().get("services")).get("db")).get("ports"))
        .satisfies(p -> assertThat(((SeqNode) p).size()).isEqualTo(1));
    Fixture both = project(compose);
    both.fix("db", removePort("db"));
    both.fix("db", new Fix("b", Fix.Safety.SAFE, List.of(new Fix.RemoveItem(path("services", "db", "ports"), 1))));
    assertThat(both.plan().skipped()).isEmpty();
    assertThat(both.text()).isEqualTo("""
        services:
          db: {
            image: postgres:16,
            # for psql from host
            # pgbouncer
            restart: "no"  # one-shot
          }
        """);
    Fixture again = both.applied();
    assertThat(((MapNode) ((MapNode) again.load().tree().get("services")).get("db")).has("ports")).isFalse();
    Fixture lastKey = project("services:\n  db: {image: postgres:16, ports: [\n    5432,  # psql\n    6432\n  ]}\n");
    lastKey.fix("db", removePort("db"));
    lastKey.fix("db", new Fix("b", Fix.Safety.SAFE, List.of(new Fix.RemoveItem(path("services", "db", "ports"), 1))));
    assertThat(lastKey.text()).isEqualTo("services:\n  db: {image: postgres:16 # psql\n  }\n");
    assertThat(((MapNode) lastKey.applied().load().tree().get("services")).get("db")).isNotNull();
  }

  /**
   * Blank lines in text a fix deletes stay as they are written, as comments do, and the blank lines around it stay
   * too: inside a flow list, a flow mapping, or a block entry whose value is a multi-line flow list.
   */
  @Test
  void deletionsKeepEveryBlankLine() {
    String compose = """
        services:
          app: {
            image: app,

            ports: [
              "127.0.0.1:8080:80",

              "8080:80",

              "9000:9000"
            ],

            restart: "no"
          }
          db:
            image: postgres
            ports: [
              "5432:5432",
        \s\s
              "6432:6432"
            ]

            restart: "no"
        """;
    Fixture middle = project(compose);
    middle.fix("app", removePort("app", 1));
    assertThat(middle.text()).contains("""
            ports: [
              "127.0.0.1:8080:80",


              "9000:9000"
            ],
        """);
    Fixture last = project(compose);
    last.fix("app", removePort("app", 2));
    assertThat(last.text()).contains("""
            ports: [
              "127.0.0.1:8080:80",

              "8080:80"

            ],
        """);
    Fixture all = project(compose);
    all.fix("app", new Fix("all", Fix.Safety.SAFE, List.of(new Fix.RemoveItem(path("services", "app", "ports"), 0),
        new Fix.RemoveItem(path("services", "app", "ports"), 1),
        new Fix.RemoveItem(path("services", "app", "ports"), 2))));
    all.fix("db", new Fix("all", Fix.Safety.SAFE, List.of(new Fix.RemoveItem(path("services", "db", "ports"), 0),
        new Fix.RemoveItem(path("services", "db", "ports"), 1))));
    assertThat(all.plan().skipped()).isEmpty();
    assertThat(all.text()).isEqualTo("""
        services:
          app: {
            image: app,




            restart: "no"
          }
          db:
            image: postgres
        \s\s

            restart: "no"
        """);
    Fixture again = all.applied();
    assertThat(((MapNode) ((MapNode) again.load().tree().get("services")).get("app")).has("ports")).isFalse();
  }

  @Test
  void aValueWrittenWithAVariableIsLeftToTheVariable() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    restart: ${RESTART:-always}\n");
    f.fix("web", set("restart", "no", "services", "web", "restart"));
    assertThat(f.plan().skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(Skip.Reason.UNWRITABLE);
      assertThat(s.message()).contains("variable");
    });
    assertThat(f.plan().texts()).isEmpty();
  }

  @Test
  void quotesAPlainScalarInPlace() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    environment:\n      DEBUG: no # off\n");
    f.fix("web", "compose.yaml", "no", new Fix("quote", Fix.Safety.SAFE,
        List.of(new Fix.Quote(path("services", "web", "environment", "DEBUG")))));
    assertThat(f.text()).endsWith("      DEBUG: \"no\" # off\n");
  }

  /**
   * A {@code !!binary} value is the text its base64 decodes to: a fix that writes that text in its place (quoted, or
   * a port in its short form) takes the tag away, which would make the new text base64 that does not decode.
   */
  @Test
  void aBinaryValueWrittenAsTextLosesItsTag() {
    Fixture f = project("""
        services:
          web:
            image: nginx
            environment:
              DEBUG: !!binary bm8=
            ports: [!!binary ODA4MDo4MA==]
        """);
    f.fix("web", "compose.yaml", "bm8=", new Fix("quote", Fix.Safety.SAFE,
        List.of(new Fix.Quote(path("services", "web", "environment", "DEBUG")))));
    f.fix("web", changes(new Fix.ReplaceItem(path("services", "web", "ports"), 0,
        port("127.0.0.1", 80L, "8080", "tcp"))));
    assertThat(f.text()).isEqualTo("""
        services:
          web:
            image: nginx
            environment:
              DEBUG: "no"
            ports: [127.0.0.1:8080:80]
        """);
  }

  @Test
  void applyingTheSameFixesTwiceChangesNothingTheSecondTime() {
    String compose = """
        x-common: &common
          restart: always
        services:
          web:
            <<: *common
            image: nginx
            ports: ["80:80"]
            cap_drop: [NET_RAW]
        """;
    Fixture first = project(compose);
    Fix[] fixes = {
        set("restart", "no", "services", "web", "restart"),
        append("ALL", "services", "web", "cap_drop"),
        set("limit", "1g", "services", "web", "deploy", "resources", "limits", "memory"),
        new Fix("rebind", Fix.Safety.SAFE, List.of(new Fix.ReplaceItem(path("services", "web", "ports"), 0,
            port("127.0.0.1", 80L, "80", "tcp"))))};
    for (Fix fix : fixes) {
      first.fix("web", fix);
    }
    Fixture second = first.applied();
    for (Fix fix : Arrays.copyOf(fixes, 3)) {
      second.fix("web", fix);
    }
    assertThat(second.plan().texts()).isEmpty();
  }

  @Test
  void aServiceThatIsItselfTheAnchorIsNotChangedForItAlone() {
    Fixture f = project("""
        services:
          web: &web
            image: nginx
            restart: always
          worker:
            <<: *web
            command: ["work"]
        """);
    f.fix("web", set("restart", "no", "services", "web", "restart"));
    assertThat(f.plan().skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(Skip.Reason.UNWRITABLE);
      assertThat(s.message()).contains("shared through an anchor");
    });
    assertThat(f.plan().texts()).isEmpty();
  }

  @Test
  void eachDocumentOfAFileIsEditedInPlace() {
    Fixture f = project("services:\n  web:\n    image: nginx\n---\nservices:\n  db:\n    image: postgres\n");
    f.fix("db", "compose.yaml", "db", new Fix("attach", Fix.Safety.SAFE, List.of(
        new Fix.Set(path("services", "db", "networks"), List.of("back")),
        new Fix.Set(path("networks", "back"), Map.of()))));
    assertThat(f.text()).isEqualTo("services:\n  web:\n    image: nginx\n---\nservices:\n  db:\n    image: postgres\n"
        + "    networks:\n      - back\nnetworks:\n  back: {}\n");
  }

  @Test
  void newKeysGoBelowTheCommentsThatBelongToTheLastEntry() {
    Fixture f = project("""
        services:
          web:
            image: nginx
            environment:
              A: "1"
              # B: "2"
            # restart: always
          db:
            image: postgres
        """);
    f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    assertThat(f.text()).contains("""
              A: "1"
              # B: "2"
            restart: unless-stopped
            # restart: always
          db:
        """);
  }

  /**
   * Compose reads a comment line indented with a tab only right after another comment line: a key inserted between
   * the two made a file Compose refuses (the fix engine found it, and wrote nothing).
   */
  @Test
  void newKeysDoNotSeparateACommentLineIndentedWithATabFromTheOneAboveIt() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    volumes:\n      - /data:/x\n      # a\n      \t# b\n"
        + "  db:\n    image: postgres\n");
    f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    assertThat(f.text()).contains("      # a\n      \t# b\n    restart: unless-stopped\n  db:\n");
  }

  @Test
  void aValueWrittenWithResetInItsOwnFileIsNotEditedUnderTheTag() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    restart: !reset \"no\"\n");
    f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    assertThat(f.plan().skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(Skip.Reason.UNWRITABLE);
      assertThat(s.message()).isEqualTo("services.web.restart is removed by !reset in compose.yaml, so the fix would"
          + " not count; change it there");
    });
    assertThat(f.plan().texts()).isEmpty();
  }

  @Test
  void keysInsertedBelowWhatALaterFileResetsAreRefused() {
    Fixture f = new Fixture(dir)
        .file("compose.yaml", "services:\n  web:\n    image: nginx\n")
        .file("dev.yaml", "services:\n  web:\n    deploy: !reset {}\n")
        .project("compose.yaml", "dev.yaml");
    f.fix("web", set("memory", "512m", "services", "web", "deploy", "resources", "limits", "memory"));
    assertThat(f.plan().skipped()).singleElement().extracting(Skip::message)
        .isEqualTo("services.web.deploy is removed by !reset in dev.yaml, so the fix would not count; change it there");
    assertThat(f.plan().texts()).isEmpty();
  }

  @Test
  void aResetInAnEarlierFileDoesNotStopAnEditOfALaterOne() {
    Fixture f = new Fixture(dir)
        .file("compose.yaml", "services:\n  web:\n    image: nginx\n    restart: !reset null\n")
        .file("prod.yaml", "services:\n  web:\n    restart: \"no\"\n")
        .project("compose.yaml", "prod.yaml");
    f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    assertThat(f.plan().skipped()).isEmpty();
    assertThat(f.text("prod.yaml")).isEqualTo("services:\n  web:\n    restart: \"unless-stopped\"\n");
  }

  /**
   * A file's {@code !reset} reaches what it includes, however deep, and a value an included service inherits
   * through extends: an edit there is refused, naming the including file.
   */
  @Test
  void whatAnIncludingFileResetsIsNotEditedInTheIncludedFile() {
    Fixture f = new Fixture(dir)
        .file("compose.yaml", "include:\n  - mid.yaml\nservices:\n  web:\n    restart: !reset null\n"
            + "    deploy: !reset {}\n  worker:\n    restart: !reset null\n")
        .file("mid.yaml", "include:\n  - path: [inc.yaml]\n")
        .file("inc.yaml", "services:\n  web:\n    image: nginx\n    restart: \"no\"\n    deploy:\n      replicas: 2\n"
            + "  base:\n    image: app\n    restart: \"no\"\n  worker:\n    extends: base\n");
    f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    f.fix("web", set("memory", "512m", "services", "web", "deploy", "resources", "limits", "memory"));
    f.fix("worker", set("restart", "unless-stopped", "services", "worker", "restart"));
    assertThat(f.plan().skipped()).extracting(Skip::message).containsExactly(
        "services.web.restart is removed by !reset in compose.yaml, so the fix would not count; change it there",
        "services.web.deploy is removed by !reset in compose.yaml, so the fix would not count; change it there",
        "services.worker.restart is removed by !reset in compose.yaml, so the fix would not count; change it there");
    assertThat(f.plan().texts()).isEmpty();
  }

  /** An included file's {@code !reset} is its own project's: the including file, merged over it, is edited. */
  @Test
  void aResetInAnIncludedFileDoesNotStopAnEditOfTheIncludingOne() {
    Fixture f = new Fixture(dir)
        .file("compose.yaml", "include:\n  - inc.yaml\nservices:\n  web:\n    restart: \"no\"\n")
        .file("inc.yaml", "services:\n  web:\n    image: nginx\n    restart: !reset null\n");
    f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    assertThat(f.plan().skipped()).isEmpty();
    assertThat(f.text()).isEqualTo("include:\n  - inc.yaml\nservices:\n  web:\n    restart: \"unless-stopped\"\n");
  }

  private static Fix removePort(String service) {
    return removePort(service, 0);
  }

  private static Fix removePort(String service, int index) {
    return new Fix("stop publishing", Fix.Safety.BEHAVIOUR_CHANGING,
        List.of(new Fix.RemoveItem(path("services", service, "ports"), index)));
  }

  @Test
  void aListEveryUserEmptiesKeepsTheAnchorItsAliasesUse() {
    for (String ports : List.of("&rp [\"8080:80\"]", "&rp\n      - \"8080:80\"")) {
      Fixture f = project("services:\n  app:\n    image: app\n    ports: " + ports + "\n"
          + "  api:\n    image: api\n    ports: *rp\n");
      f.fix("app", removePort("app")).fix("api", removePort("api"));
      assertThat(f.plan().skipped()).isEmpty();
      assertThat(f.text()).isEqualTo("services:\n  app:\n    image: app\n    ports: &rp []\n"
          + "  api:\n    image: api\n    ports: *rp\n");
      MapNode services = (MapNode) f.applied().load().tree().get("services");
      for (String service : List.of("app", "api")) {
        assertThat(((MapNode) services.get(service)).get("ports")).as(service + " publishes nothing")
            .satisfiesAnyOf(p -> assertThat(p).isNull(), p -> assertThat(((SeqNode) p).size()).isZero());
      }
    }
  }

  /**
   * A list item with its own anchor that every place using it removes goes from each list, its anchor with it (in a
   * flow list too): the anchored item and every {@code *alias} item, so that no alias is left without its anchor.
   * When a place keeps it, nothing is removed, and the skip names that place.
   */
  @Test
  void anAnchoredItemEveryUserRemovesGoesFromEveryList() {
    Map<String, String> appPortsAfter = Map.of(
        "\n      - &metrics \"9100\"\n      - \"8080:80\"", "\n      - \"8080:80\"",
        " [&metrics \"9100\", \"8080:80\"]", " [\"8080:80\"]");
    appPortsAfter.forEach((appPorts, after) -> {
      String compose = "services:\n  app:\n    image: app\n    ports:" + appPorts + "\n"
          + "  api:\n    image: api\n    ports: [*metrics, \"9000:9000\"]\n"
          + "  db:\n    image: db\n    ports:\n      - *metrics\n";
      Fixture all = project(compose);
      for (String service : List.of("app", "api", "db")) {
        all.fix(service, removePort(service));
      }
      assertThat(all.plan().skipped()).as(appPorts).isEmpty();
      assertThat(all.text()).as(appPorts).isEqualTo("services:\n  app:\n    image: app\n    ports:" + after + "\n"
          + "  api:\n    image: api\n    ports: [\"9000:9000\"]\n  db:\n    image: db\n");

      Fixture some = project(compose);
      some.fix("app", removePort("app")).fix("api", removePort("api"));
      assertThat(some.plan().skipped()).as(appPorts).hasSize(2).allSatisfy(s -> assertThat(s.message())
          .isEqualTo("services.app.ports.[0] is shared through an anchor with services.db.ports[], where the fix"
              + " does not make the same change, and the change cannot be written for one place alone"));
      assertThat(some.plan().texts()).as(appPorts).isEmpty();
    });

    // an anchor kept in an extension field for the aliases is no place's list: it stays, the aliases go
    Fixture extension = project("x-ports: [&metrics \"9100\"]\nservices:\n  app:\n    image: app\n"
        + "    ports: [*metrics, \"8080:80\"]\n  api:\n    image: api\n    ports: [*metrics]\n");
    extension.fix("app", removePort("app")).fix("api", removePort("api"));
    assertThat(extension.plan().skipped()).isEmpty();
    assertThat(extension.text()).isEqualTo("x-ports: [&metrics \"9100\"]\nservices:\n  app:\n    image: app\n"
        + "    ports: [\"8080:80\"]\n  api:\n    image: api\n");
  }

  @Test
  void aValueBelowItsPropertiesAndACommentIsReplacedKeepingTheComment() {
    Fixture f = project("services:\n  web:\n    image: nginx\n    restart: &r !!str # keep this note\n      \"no\"\n");
    f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    assertThat(f.plan().skipped()).isEmpty();
    assertThat(f.text()).isEqualTo(
        "services:\n  web:\n    image: nginx\n    restart: &r !!str # keep this note\n      \"unless-stopped\"\n");
  }

  @Test
  void aListWhoseAnchorIsFollowedByACommentIsNotEmptiedThroughTheComment() {
    // a comment that names the anchor comes between it and the list: emptying the list would cut into the comment
    Fixture f = project("services:\n  app:\n    image: app\n    ports: !!seq &rp # &rp is shared\n"
        + "      - \"8080:80\"\n  api:\n    image: api\n    ports: *rp\n");
    f.fix("app", removePort("app")).fix("api", removePort("api"));
    assertThat(f.plan().skipped()).extracting(Skip::message).hasSize(2).containsOnly("the edit would remove the"
        + " anchor &rp, which an alias *rp elsewhere in compose.yaml still uses; edit it by hand");
    assertThat(f.plan().texts()).isEmpty();
  }

  @Test
  void anEditThatWouldRemoveAnAnchorStillInUseIsRefused() {
    Fixture f = project("""
        services:
          app:
            image: app
            network_mode: &nm bridge
          api:
            image: api
            network_mode: *nm
        """);
    for (String service : List.of("app", "api")) {
      f.fix(service, new Fix("remove network_mode", Fix.Safety.SAFE,
          List.of(new Fix.Remove(path("services", service, "network_mode")))));
    }
    assertThat(f.plan().skipped()).hasSize(2).allSatisfy(s -> {
      assertThat(s.reason()).isEqualTo(Skip.Reason.UNWRITABLE);
      assertThat(s.message()).isEqualTo("the edit would remove the anchor &nm, which an alias *nm elsewhere in"
          + " compose.yaml still uses; edit it by hand");
    });
    assertThat(f.plan().texts()).isEmpty();
  }

  // ---- scalars shared through an anchor under other keys ----

  @Test
  void aScalarAliasedUnderAnotherKeyIsEditedAtItsAnchorWhenEveryUserGetsTheSameFix() {
    Fixture f = project("""
        x-priv: &priv true
        services:
          web:
            image: web
            privileged: *priv
          api:
            image: api
            privileged: *priv
        """);
    for (String service : List.of("web", "api")) {
      f.fix(service, set("privileged", false, "services", service, "privileged"));
    }
    assertThat(f.text()).isEqualTo("""
        x-priv: &priv false
        services:
          web:
            image: web
            privileged: *priv
          api:
            image: api
            privileged: *priv
        """);
    assertThat(f.plan().applied()).hasSize(2);
  }

  @Test
  void removingAScalarWrittenAsAnAliasRemovesTheEntryNotTheAnchor() {
    Fixture f = project("""
        x-nm: &nm bridge
        services:
          app:
            image: app
            network_mode: *nm
          api:
            image: api
            network_mode: *nm
        """);
    for (String service : List.of("app", "api")) {
      f.fix(service, new Fix("remove network_mode", Fix.Safety.SAFE,
          List.of(new Fix.Remove(path("services", service, "network_mode")))));
    }
    assertThat(f.plan().skipped()).isEmpty();
    assertThat(f.text()).isEqualTo("x-nm: &nm bridge\nservices:\n  app:\n    image: app\n  api:\n    image: api\n");
  }

  @Test
  void anAnchoredScalarThatAnotherKeyUsesIsNotChangedUnderIt() {
    Fixture f = project("""
        services:
          web:
            image: web
            restart: &r "no"
            labels:
              policy: *r
        """);
    f.fix("web", set("restart", "unless-stopped", "services", "web", "restart"));
    assertThat(f.plan().skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(Skip.Reason.UNWRITABLE);
      assertThat(s.message()).isEqualTo("services.web.restart is shared through an anchor with"
          + " services.web.labels.policy, where the fix does not make the same change, and the change cannot be"
          + " written for one place alone");
    });
    assertThat(f.plan().texts()).isEmpty();
  }

  @Test
  void aScalarAliasIsNotReplacedByAValueWhileOtherPlacesKeepTheAnchor() {
    Fixture f = project("""
        x-on: &on true
        services:
          web:
            image: web
            privileged: *on
            read_only: *on
        """);
    f.fix("web", set("privileged", false, "services", "web", "privileged"));
    assertThat(f.plan().skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(Skip.Reason.UNWRITABLE);
      assertThat(s.message()).isEqualTo("x-on is shared through an anchor with services.web.read_only, where the"
          + " fix does not make the same change; a value written in place of the alias *on of"
          + " services.web.privileged would part it from the anchor; edit it by hand");
    });
    assertThat(f.plan().texts()).isEmpty();
  }

  @Test
  void aLongPortsAliasedAddressIsEditedAtTheAnchorOnlyWhenEveryPortUsingItIsRebound() {
    String text = """
        x-addr: &addr 0.0.0.0
        services:
          web:
            image: web
            ports:
              - target: 80
                published: "8080"
                host_ip: *addr
          api:
            image: api
            ports:
              - target: 81
                published: "8081"
                host_ip: *addr
        """;
    Fixture one = project(text);
    one.fix("api", changes(new Fix.ReplaceItem(path("services", "api", "ports"), 0,
        map("host_ip", "127.0.0.1", "target", 81L, "published", "8081"))));
    assertThat(one.plan().skipped()).singleElement().satisfies(s -> assertThat(s.message()).isEqualTo("x-addr is"
        + " shared through an anchor with services.web.ports[].host_ip, where the fix does not make the same change;"
        + " a value written in place of the alias *addr of services.api.ports[].host_ip would part it from the"
        + " anchor; edit it by hand"));
    assertThat(one.plan().texts()).isEmpty();

    Fixture both = project(text);
    both.fix("web", changes(new Fix.ReplaceItem(path("services", "web", "ports"), 0,
        map("host_ip", "127.0.0.1", "target", 80L, "published", "8080"))));
    both.fix("api", changes(new Fix.ReplaceItem(path("services", "api", "ports"), 0,
        map("host_ip", "127.0.0.1", "target", 81L, "published", "8081"))));
    assertThat(both.plan().skipped()).isEmpty();
    assertThat(both.text()).isEqualTo(text.replace("&addr 0.0.0.0", "&addr 127.0.0.1"));
  }

  @Test
  void aLongPortsAnchoredAddressThatAnotherKeyUsesIsNotChanged() {
    Fixture f = project("""
        services:
          web:
            image: web
            ports:
              - target: 80
                published: "8080"
                host_ip: &addr 0.0.0.0
            environment:
              BIND: *addr
        """);
    f.fix("web", changes(new Fix.ReplaceItem(path("services", "web", "ports"), 0,
        map("host_ip", "127.0.0.1", "target", 80L, "published", "8080"))));
    assertThat(f.plan().skipped()).singleElement().satisfies(
        s -> assertThat(s.message()).contains("shared through an anchor with services.web.environment.BIND"));
    assertThat(f.plan().texts()).isEmpty();
  }

  @Test
  void aPortItemThatIsAnAliasOfAnExtensionFieldIsRewrittenThereOrRefusedWhenSharedElsewhere() {
    Fixture f = project("x-port: &p \"8080:80\"\nservices:\n  web:\n    image: web\n    ports:\n      - *p\n");
    f.fix("web", changes(new Fix.ReplaceItem(path("services", "web", "ports"), 0, "127.0.0.1:8080:80")));
    assertThat(f.plan().skipped()).isEmpty();
    assertThat(f.text()).isEqualTo(
        "x-port: &p \"127.0.0.1:8080:80\"\nservices:\n  web:\n    image: web\n    ports:\n      - *p\n");

    Fixture shared = project("x-port: &p \"8080:80\"\nservices:\n  web:\n    image: web\n    ports:\n      - *p\n"
        + "    labels:\n      port: *p\n");
    shared.fix("web", changes(new Fix.ReplaceItem(path("services", "web", "ports"), 0, "127.0.0.1:8080:80")));
    assertThat(shared.plan().skipped()).singleElement()
        .satisfies(s -> assertThat(s.message()).contains("shared through an anchor with services.web.labels.port"));
    assertThat(shared.plan().texts()).isEmpty();
  }

  // ---- lists and mappings shared through an alias ----

  /**
   * A later {@code -f} file that writes an anchored list for a service an earlier file defines merges it into that
   * service's list, whose place the merged model then names in the earlier file: the anchor is still that service's,
   * so a fix of another service using it through an alias does not go into it.
   */
  @Test
  void anAnchorInAnOverrideFileForAServiceAnEarlierFileDefinesIsNotChangedForAnotherService() {
    Fixture f = new Fixture(dir)
        .file("compose.yaml", "services:\n  web:\n    image: web\n    cap_drop: [NET_RAW]\n")
        .file("compose.prod.yaml", "services:\n  web:\n    cap_drop: &caps [MKNOD]\n  api:\n    image: api\n"
            + "    cap_drop: *caps\n")
        .project("compose.yaml", "compose.prod.yaml");
    f.fix("api", append("ALL", "services", "api", "cap_drop"));
    assertThat(f.plan().skipped()).isEmpty();
    assertThat(f.texts()).containsOnlyKeys("compose.prod.yaml");
    assertThat(f.text("compose.prod.yaml")).isEqualTo("services:\n  web:\n    cap_drop: &caps [MKNOD]\n"
        + "  api:\n    image: api\n    cap_drop: [MKNOD, ALL]\n");
    LoadResult fixed = f.applied().load();
    assertThat(items(fixed, "web", "cap_drop")).containsExactly("NET_RAW", "MKNOD");
    assertThat(items(fixed, "api", "cap_drop")).containsExactly("MKNOD", "ALL");
  }

  /**
   * A list written as an alias under a key ({@code cap_drop: *caps}) is the anchored list: when every service using it
   * gets the same new item, the item goes there (in a flow list and in a block list alike), the aliases stay, and the
   * same fixes change nothing the second time. A service that alone needs it gets a copy of the list with the item,
   * which the others do not see.
   */
  @Test
  void aListFromAnAliasIsEditedAtItsAnchorWhenEveryServiceGetsTheSameItem() {
    String compose = """
        x-caps: &caps [NET_RAW]
        x-sec: &sec
          - apparmor:unconfined
        services:
          web:
            image: example/web:1.2
            cap_drop: *caps
            security_opt: *sec
          api:
            image: example/api:1.2
            cap_drop: *caps
            security_opt: *sec
        """;
    Fixture all = project(compose);
    for (String service : List.of("web", "api")) {
      all.fix(service, append("ALL", "services", service, "cap_drop"));
      all.fix(service, append("no-new-privileges:true", "services", service, "security_opt"));
    }
    assertThat(all.plan().skipped()).isEmpty();
    assertThat(all.plan().applied()).hasSize(4);
    assertThat(all.text()).isEqualTo(compose.replace("[NET_RAW]", "[NET_RAW, ALL]")
        .replace("  - apparmor:unconfined\n", "  - apparmor:unconfined\n  - no-new-privileges:true\n"));
    Fixture again = all.applied();
    for (String service : List.of("web", "api")) {
      again.fix(service, append("ALL", "services", service, "cap_drop"));
      again.fix(service, append("no-new-privileges:true", "services", service, "security_opt"));
    }
    assertThat(again.plan().texts()).isEmpty();

    Fixture one = project(compose);
    one.fix("web", append("ALL", "services", "web", "cap_drop"));
    one.fix("web", append("no-new-privileges:true", "services", "web", "security_opt"));
    assertThat(one.plan().skipped()).isEmpty();
    assertThat(one.text()).isEqualTo(compose.replace("    cap_drop: *caps\n    security_opt: *sec\n  api:",
        "    cap_drop:\n      - NET_RAW\n      - ALL\n    security_opt:\n      - apparmor:unconfined\n"
            + "      - no-new-privileges:true\n  api:"));
    LoadResult fixed = one.applied().load();
    assertThat(items(fixed, "api", "cap_drop")).containsExactly("NET_RAW");
    assertThat(items(fixed, "api", "security_opt")).containsExactly("apparmor:unconfined");
  }

  /**
   * A whole new list set where a list is written as an alias is set at the anchor when every service using it gets
   * it; for one service alone it is refused, as a scalar's new value is: it would keep nothing of what the alias gave.
   */
  @Test
  void aWholeListSetInPlaceOfAnAliasIsWrittenAtTheAnchorOrNotAtAll() {
    for (String anchored : List.of(" [NET_RAW]", "\n  - NET_RAW")) {
      String compose = "x-caps: &caps" + anchored + "\nservices:\n  web:\n    image: web\n    cap_drop: *caps\n"
          + "  api:\n    image: api\n    cap_drop: *caps\n";
      Fixture all = project(compose);
      for (String service : List.of("web", "api")) {
        all.fix(service, set("drop all", List.of("ALL"), "services", service, "cap_drop"));
      }
      assertThat(all.plan().skipped()).isEmpty();
      assertThat(all.text()).as(anchored).isEqualTo(compose.replace("NET_RAW", "ALL"));

      Fixture one = project(compose);
      one.fix("web", set("drop all", List.of("ALL"), "services", "web", "cap_drop"));
      assertThat(one.plan().skipped()).singleElement().satisfies(s -> assertThat(s.message()).isEqualTo("x-caps is"
          + " shared through an anchor with services.api.cap_drop, where the fix does not make the same change; a value"
          + " written in place of the alias *caps of services.web.cap_drop would part it from the anchor; edit it by"
          + " hand"));
      assertThat(one.plan().texts()).isEmpty();
    }
  }

  /** So is a mapping written as an alias ({@code logging: *log}): the keys every service gets go into the anchor. */
  @Test
  void aMappingFromAnAliasIsEditedAtItsAnchorWhenEveryServiceGetsTheSameKeys() {
    String compose = """
        x-log: &log
          driver: json-file
        services:
          web:
            image: example/web:1.2
            logging: *log
          api:
            image: example/api:1.2
            logging: *log
        """;
    Fixture f = project(compose);
    for (String service : List.of("web", "api")) {
      f.fix(service, changes(new Fix.Set(path("services", service, "logging", "options", "max-size"), "10m"),
          new Fix.Set(path("services", service, "logging", "options", "max-file"), "3")));
    }
    assertThat(f.plan().skipped()).isEmpty();
    assertThat(f.text()).isEqualTo(compose.replace("  driver: json-file\n",
        "  driver: json-file\n  options:\n    max-size: 10m\n    max-file: \"3\"\n"));
  }

  /**
   * A mapping written as an alias that one service alone changes is overridden in that service over
   * {@code <<: *anchor}, keeping the keys the anchor gives it: a whole mapping set there sets its keys as it would in
   * a mapping written there, and the settings of one fix below it make one mapping (they were refused as two values
   * of the alias, or replaced what the anchor gave).
   */
  @Test
  void aMappingFromAnAliasIsOverriddenInTheOneServiceThatChangesIt() {
    String compose = """
        x-log: &log
          driver: json-file
          options: {max-file: "3"}
        services:
          web:
            image: web
            logging: *log
          api:
            image: api
            logging: *log
        """;
    Fixture whole = project(compose);
    whole.fix("web", set("local", map("driver", "local", "options", map("max-file", "3")), "services", "web",
        "logging"));
    assertThat(whole.plan().skipped()).isEmpty();
    assertThat(whole.text()).isEqualTo(compose.replace("    logging: *log\n  api:",
        "    logging:\n      <<: *log\n      driver: local\n  api:"));
    LoadResult fixed = whole.applied().load();
    MapNode services = Trees.map(fixed.tree(), "services");
    assertThat(Trees.text(Trees.map(Trees.map(services, "web"), "logging"), "driver")).isEqualTo("local");
    assertThat(Trees.text(Trees.map(Trees.map(Trees.map(services, "web"), "logging"), "options"), "max-file"))
        .isEqualTo("3");
    assertThat(Trees.text(Trees.map(Trees.map(services, "api"), "logging"), "driver")).isEqualTo("json-file");

    Fixture nested = project(compose);
    nested.fix("web", changes(new Fix.Set(path("services", "web", "logging", "options", "max-size"), "10m"),
        new Fix.Set(path("services", "web", "logging", "options", "compress"), "true")));
    assertThat(nested.plan().skipped()).isEmpty();
    assertThat(nested.text()).isEqualTo(compose.replace("  options: {", "  options: &log-options {")
        .replace("    logging: *log\n  api:", "    logging:\n      <<: *log\n      options:\n        <<: *log-options\n"
            + "        max-size: 10m\n        compress: \"true\"\n  api:"));
  }

  /**
   * A mapping that merges an anchored one ({@code logging: {<<: *log, driver: local}}), or merges a mapping that
   * merges it, gets every key added to the anchor that it does not set itself: it uses the anchor too, which is then
   * not given a key for the services that alias it alone.
   */
  @Test
  void aMappingThatAnotherMergesIsNotGivenNewKeysForTheServicesThatAliasItAlone() {
    for (String job : List.of("    logging:\n      <<: *log\n      driver: local\n", "    logging: *local\n")) {
      String compose = "x-log: &log\n  driver: json-file\nx-local: &local\n  <<: *log\n  driver: local\n"
          + "services:\n  web:\n    image: web\n    logging: *log\n  api:\n    image: api\n    logging: *log\n"
          + "  job:\n    image: job\n" + job;
      Fixture f = project(compose);
      for (String service : List.of("web", "api")) {
        f.fix(service, changes(new Fix.Set(path("services", service, "logging", "options", "max-size"), "10m")));
      }
      assertThat(f.plan().skipped()).as(job).isEmpty();
      String overlay = "    logging:\n      <<: *log\n      options:\n        max-size: 10m\n";
      assertThat(f.text()).as(job).isEqualTo(compose.replace("    logging: *log\n", overlay));
      MapNode logging = Trees.map(Trees.map(Trees.map(f.applied().load().tree(), "services"), "job"), "logging");
      assertThat(logging.get("options")).as(job).isNull();
    }
  }

  /**
   * An anchor written in a service: an alias under the same key in another service shares it as under another key
   * ({@code dns_search: *d}), and a change that only the anchor's own service needs is not written into it.
   */
  @Test
  void aListAnchoredInAServiceIsEditedThereOnlyWhenEveryServiceUsingItGetsTheChange() {
    Fixture same = project("services:\n  web:\n    image: web\n    cap_drop: &caps [NET_RAW]\n  api:\n    image: api\n"
        + "    cap_drop: *caps\n");
    same.fix("web", append("ALL", "services", "web", "cap_drop"))
        .fix("api", append("ALL", "services", "api", "cap_drop"));
    assertThat(same.text()).isEqualTo("services:\n  web:\n    image: web\n    cap_drop: &caps [NET_RAW, ALL]\n"
        + "  api:\n    image: api\n    cap_drop: *caps\n");

    String other = "services:\n  web:\n    image: web\n    dns: &d [1.1.1.1]\n  api:\n    image: api\n"
        + "    dns_search: *d\n";
    Fixture anchor = project(other);
    anchor.fix("web", append("8.8.8.8", "services", "web", "dns"));
    assertThat(anchor.plan().skipped()).singleElement().satisfies(s -> assertThat(s.message()).isEqualTo(
        "services.web.dns is shared through an anchor with services.api.dns_search, where the fix does not make the"
            + " same change, and the change cannot be written for one place alone"));
    assertThat(anchor.plan().texts()).isEmpty();

    Fixture alias = project(other);
    alias.fix("api", append("example.com", "services", "api", "dns_search"));
    assertThat(alias.text()).isEqualTo(other.replace("dns_search: *d", "dns_search: [1.1.1.1, example.com]"));
  }

  /** Extension fields do not use the anchor: an alias in one ({@code x-other: {drop: *caps}}) does not keep it. */
  @Test
  void anAliasInAnExtensionFieldDoesNotKeepAListFromItsAnchor() {
    String compose = """
        x-caps: &caps [NET_RAW]
        x-other:
          drop: *caps
        services:
          web:
            image: web
            cap_drop: *caps
          api:
            image: api
            cap_drop: *caps
        """;
    Fixture f = project(compose);
    f.fix("web", append("ALL", "services", "web", "cap_drop")).fix("api", append("ALL", "services", "api", "cap_drop"));
    assertThat(f.text()).isEqualTo(compose.replace("[NET_RAW]", "[NET_RAW, ALL]"));
  }

  /**
   * Items removed from a list that every service uses through an alias of an extension field go from the anchored
   * list (they were kept, silently); a removal that only some of them ask for is refused.
   */
  @Test
  void itemsEveryServiceRemovesFromAnAliasedListGoFromItsAnchor() {
    String compose = """
        x-ports: &ports ["9100:9100", "8080:80"]
        services:
          app:
            image: app
            ports: *ports
          db:
            image: db
            ports: *ports
        """;
    Fixture all = project(compose);
    all.fix("app", removePort("app")).fix("db", removePort("db"));
    assertThat(all.plan().skipped()).isEmpty();
    assertThat(all.text()).isEqualTo(compose.replace("[\"9100:9100\", \"8080:80\"]", "[\"8080:80\"]"));

    Fixture one = project(compose);
    one.fix("app", removePort("app"));
    assertThat(one.plan().skipped()).singleElement().satisfies(s -> assertThat(s.message()).isEqualTo(
        "x-ports.[0] is shared through an anchor with services.db.ports[], where the fix does not make the same change,"
            + " and the change cannot be written for one place alone"));
    assertThat(one.plan().texts()).isEmpty();
  }

  /** Anchors are per file: each file's anchor is edited for the services using it there. */
  @Test
  void anAnchorOfTheSameNameInEachFileIsEditedForItsOwnServices() {
    Fixture f = new Fixture(dir)
        .file("compose.yaml", "include:\n  - inc.yaml\nx-caps: &caps [NET_RAW]\nservices:\n  web:\n    image: web\n"
            + "    cap_drop: *caps\n")
        .file("compose.prod.yaml", "x-caps: &caps [MKNOD]\nservices:\n  api:\n    image: api\n    cap_drop: *caps\n")
        .file("inc.yaml", "x-caps: &caps [SYS_PTRACE]\nservices:\n  db:\n    image: db\n    cap_drop: *caps\n")
        .project("compose.yaml", "compose.prod.yaml");
    for (String service : List.of("web", "api", "db")) {
      f.fix(service, append("ALL", "services", service, "cap_drop"));
    }
    assertThat(f.plan().skipped()).isEmpty();
    assertThat(f.text()).contains("x-caps: &caps [NET_RAW, ALL]\n").endsWith("    cap_drop: *caps\n");
    assertThat(f.text("compose.prod.yaml")).contains("x-caps: &caps [MKNOD, ALL]\n").endsWith("    cap_drop: *caps\n");
    assertThat(f.text("inc.yaml")).contains("x-caps: &caps [SYS_PTRACE, ALL]\n").endsWith("    cap_drop: *caps\n");
  }

  /** The texts of the items of a service's list in a loaded project. */
  private static List<String> items(LoadResult result, String service, String key) {
    SeqNode list = (SeqNode) Trees.map(Trees.map(result.tree(), "services"), service).get(key);
    return list.items().stream().map(item -> ((ScalarNode) item).text()).toList();
  }

  // ---- blank lines inside a rewritten flow value ----

  @Test
  void aFlowValueRewrittenKeepsTheBlankLinesBetweenItsEntries() {
    Fixture f = project("""
        services:
          web:
            image: web
            depends_on: [
              db,

              cache
            ]
          db:
            image: db
          cache:
            image: cache
        """);
    f.fix("web", set("depends on healthy", map("db", map("condition", "service_healthy"),
        "cache", map("condition", "service_healthy")), "services", "web", "depends_on"));
    assertThat(f.text()).isEqualTo("""
        services:
          web:
            image: web
            depends_on: {
              db: {condition: service_healthy},

              cache: {condition: service_healthy}
            }
          db:
            image: db
          cache:
            image: cache
        """);
    assertThat(f.applied().plan().texts()).isEmpty();
  }

  @Test
  void aFlowListRewrittenLongerKeepsItsBlankLinesAndCRLF() {
    Fixture f = project("services:\r\n  web:\r\n    image: web\r\n    cap_add: [\r\n      CHOWN,\r\n\r\n"
        + "      SETUID\r\n    ]\r\n");
    f.fix("web", set("caps", List.of("CHOWN", "SETUID", "KILL"), "services", "web", "cap_add"));
    assertThat(f.text()).isEqualTo("services:\r\n  web:\r\n    image: web\r\n    cap_add: [\r\n      CHOWN,\r\n\r\n"
        + "      SETUID,\r\n      KILL\r\n    ]\r\n");
  }

  @Test
  void aFlowListRewrittenShorterIsWrittenBelowItsKeyWithItsBlankLineLeftBlank() {
    Fixture f = project("services:\n  web:\n    image: web\n    cap_add: [\n      CHOWN,\n\n      SETUID\n    ]\n");
    f.fix("web", set("caps", List.of("KILL"), "services", "web", "cap_add"));
    assertThat(f.text()).isEqualTo("services:\n  web:\n    image: web\n    cap_add:\n\n      [KILL]\n");
  }

  @Test
  void aFlowValueRewrittenBelowItsCommentsIsNotWrittenInTheLastComment() {
    Fixture f = project("services:\n  web:\n    image: web\n    cap_add: [CHOWN, # why\n      SETUID]\n");
    f.fix("web", set("caps", List.of("KILL"), "services", "web", "cap_add"));
    assertThat(f.text()).isEqualTo("services:\n  web:\n    image: web\n    cap_add:\n      # why\n      [KILL]\n");
  }

  // ---- a string extended into a list ----

  @Test
  void aStringExtendedIntoAListIsABlockListInABlockFileItsCommentOnTheKeysLine() {
    Fixture f = project("""
        services:
          web:
            image: web
            tmpfs: "/run"  # runtime files
            command:
              - serve
        """);
    f.fix("web", append("/tmp", "services", "web", "tmpfs"));
    assertThat(f.text()).isEqualTo("""
        services:
          web:
            image: web
            tmpfs:  # runtime files
              - "/run"
              - /tmp
            command:
              - serve
        """);
    assertThat(f.applied().plan().texts()).isEmpty();
  }

  @Test
  void aStringExtendedIntoAListInAFileWithoutListsIsABlockListAndAFlowOneInAFlowFile() {
    Fixture none = project("services:\n  web:\n    image: web\n    tmpfs: /run\n");
    none.fix("web", append("/tmp", "services", "web", "tmpfs"));
    assertThat(none.text()).isEqualTo("services:\n  web:\n    image: web\n    tmpfs:\n      - /run\n      - /tmp\n");

    Fixture flow = project("services:\n  web:\n    image: web\n    tmpfs: /run\n    command: [serve]\n");
    flow.fix("web", append("/tmp", "services", "web", "tmpfs"));
    assertThat(flow.text()).isEqualTo("services:\n  web:\n    image: web\n    tmpfs: [/run, /tmp]\n    command: [serve]\n");

    Fixture inFlow = project("services:\n  web: {image: web, tmpfs: /run}\n  api:\n    image: api\n    cap_add:\n"
        + "      - KILL\n");
    inFlow.fix("web", append("/tmp", "services", "web", "tmpfs"));
    assertThat(inFlow.text()).startsWith("services:\n  web: {image: web, tmpfs: [/run, /tmp]}\n");
  }
}
