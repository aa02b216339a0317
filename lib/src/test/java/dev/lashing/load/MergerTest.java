package dev.lashing.load;

import static dev.lashing.load.TreeFixtures.at;
import static dev.lashing.load.TreeFixtures.canonical;
import static dev.lashing.load.TreeFixtures.line;
import static dev.lashing.load.TreeFixtures.load;
import static dev.lashing.load.TreeFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lashing.source.ComposeException;
import dev.lashing.tree.MapNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergerTest {

  /** One service attribute after merging {@code attribute: <earlier>} with {@code attribute: <later>}. */
  private static String merged(String attribute, String earlier, String later) {
    return text(
        load(
            "services:\n  web:\n    " + attribute + ": " + earlier + "\n",
            "services:\n  web:\n    " + attribute + ": " + later + "\n"),
        "services.web." + attribute);
  }

  // ---- the examples of the Compose merge rules ----

  @Test
  void volumesWithTheSameTargetAreReplaced() {
    assertThat(merged("volumes", "['foo:/work']", "['bar:/work']"))
        .isEqualTo("[{type: volume, source: bar, target: /work, volume: {}}]");
  }

  @Test
  void portsWithDifferentKeysAreBothKept() {
    assertThat(merged("ports", "['8080:80']", "['127.0.0.1:8080:80']"))
        .isEqualTo(
            "[{mode: ingress, target: 80, published: \"8080\", protocol: tcp},"
                + " {mode: ingress, host_ip: 127.0.0.1, target: 80, published: \"8080\", protocol: tcp}]");
  }

  @Test
  void duplicatePortsCollapseInPlaceKeepingTheLaterEntry() {
    MapNode model =
        load(
            "services:\n  web:\n    ports: ['8080:80', '9090:90']\n",
            "services:\n  web:\n    ports:\n      - '8080:80'\n");
    assertThat(text(model, "services.web.ports"))
        .isEqualTo(
            "[{mode: ingress, target: 80, published: \"8080\", protocol: tcp},"
                + " {mode: ingress, target: 90, published: \"9090\", protocol: tcp}]");
    assertThat(line(at(model, "services.web.ports.0"))).isEqualTo("f2.yaml:4");
  }

  @Test
  void portKeysUseDefaultHostAndProtocol() {
    assertThat(merged("ports", "[{target: 80, published: 8080}]", "['0.0.0.0:8080:80/tcp']"))
        .isEqualTo("[{mode: ingress, host_ip: 0.0.0.0, target: 80, published: \"8080\", protocol: tcp}]");
  }

  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{FOO: BAR} | [QIX=ZOT] | {FOO: BAR, QIX: ZOT}",
        "[FOO=1, BAR=2] | {FOO: 3} | {FOO: \"3\", BAR: \"2\"}",
        "{FOO: 1} | [FOO] | {FOO: null}",
        "{FOO: 1} | null | {FOO: \"1\"}",
      })
  void environmentMapsAndListsMergeTheSameWay(String earlier, String later, String result) {
    assertThat(merged("environment", earlier, later)).isEqualTo(result);
  }

  @Test
  void labelsInBuildAndResourcesMergeByKey() {
    MapNode model =
        load(
            "services:\n  web:\n    build: {context: ., args: {A: 1, B: 2}}\nnetworks:\n  n: {labels: [x=1]}\n",
            "services:\n  web:\n    build: {args: [B=3]}\nnetworks:\n  n: {labels: {y: 2}}\n");
    assertThat(text(model, "services.web.build")).isEqualTo("{context: ., args: {A: \"1\", B: \"3\"}}");
    assertThat(text(model, "networks.n.labels")).isEqualTo("{x: \"1\", y: \"2\"}");
  }

  @Test
  void eachUlimitIsReplacedWhole() {
    assertThat(merged("ulimits", "{nofile: {soft: 1024, hard: 65535}, nproc: 10}", "{nofile: {hard: 4096}}"))
        .isEqualTo("{nofile: {hard: 4096}, nproc: {soft: 10, hard: 10}}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "command | [a, b] | c d | [c, d]",
        "entrypoint | /bin/sh -c | [] | []",
        "command | [a] | null | null",
        "healthcheck | {test: [CMD, a], retries: 3} | {test: b} | {test: [CMD-SHELL, b], retries: 3}",
      })
  void commandsAreReplacedNotAppended(String attribute, String earlier, String later, String result) {
    assertThat(merged(attribute, earlier, later)).isEqualTo(result);
  }

  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{driver: json-file, options: {max-size: 1m}} | {driver: json-file, options: {max-file: 3}} | {driver: json-file, options: {max-size: 1m, max-file: 3}}",
        "{driver: json-file, options: {max-size: 1m}} | {driver: syslog, options: {tag: x}} | {driver: syslog, options: {tag: x}}",
        "{driver: json-file, options: {max-size: 1m}} | {options: {max-file: 3}} | {driver: json-file, options: {max-size: 1m, max-file: 3}}",
        "{options: {max-size: 1m}} | {driver: local} | {options: {max-size: 1m}, driver: local}",
      })
  void loggingMergesOnlyWhenTheDriversAgree(String earlier, String later, String result) {
    assertThat(merged("logging", earlier, later)).isEqualTo(result);
  }

  @Test
  void extraHostsAppendWithoutExactDuplicates() {
    assertThat(merged("extra_hosts", "['db=10.0.0.2', 'cache=10.0.0.3']", "{db: 10.0.0.2, cache: 10.0.0.9}"))
        .isEqualTo("[db=10.0.0.2, cache=10.0.0.3, cache=10.0.0.9]");
  }

  @Test
  void securityOptAndFriendsKeepDuplicates() {
    MapNode model =
        load(
            "services:\n  web:\n    security_opt: [no-new-privileges:true]\n    group_add: [audio]\n"
                + "    cap_add: [NET_ADMIN]\n",
            "services:\n  web:\n    security_opt: [no-new-privileges:true]\n    group_add: [audio]\n"
                + "    cap_add: [NET_ADMIN, SYS_TIME]\n");
    assertThat(text(model, "services.web.security_opt")).isEqualTo("[no-new-privileges:true, no-new-privileges:true]");
    assertThat(text(model, "services.web.group_add")).isEqualTo("[audio, audio]");
    assertThat(text(model, "services.web.cap_add")).isEqualTo("[NET_ADMIN, SYS_TIME]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "secrets | [token, {source: key, target: /run/secrets/token}] | [other] | [{source: key, target: /run/secrets/token}, {source: other}]",
        "configs | [{source: a, target: /b}] | [b] | [{source: b}]",
        "devices | ['/dev/sda:/dev/xvda'] | [{source: /dev/sdb, target: /dev/xvda}] | [{source: /dev/sdb, target: /dev/xvda}]",
        "env_file | [a.env, b.env] | [{path: a.env, required: false}] | [{path: a.env, required: false}, {path: b.env, required: true}]",
        "dns | 8.8.8.8 | [1.1.1.1, 8.8.8.8] | [8.8.8.8, 1.1.1.1]",
        "tmpfs | ['/run:size=1m'] | ['/run:size=2m'] | [/run:size=2m]",
        "expose | [80, 443] | ['80'] | [\"80\", \"443\"]",
        "profiles | [debug] | [debug, tools] | [debug, tools]",
        "volumes_from | [a] | [a] | [a, a]",
      })
  void listEntriesCollapseByTheirKey(String attribute, String earlier, String later, String result) {
    assertThat(merged(attribute, earlier, later)).isEqualTo(result);
  }

  @Test
  void dependsOnListAndMapMergePerDependency() {
    assertThat(merged("depends_on", "[db, cache]", "{db: {condition: service_healthy}}"))
        .isEqualTo(
            "{db: {condition: service_healthy, required: true},"
                + " cache: {condition: service_started, required: true}}");
    assertThat(merged("depends_on", "{db: {condition: service_healthy, required: false}}", "[db]"))
        .isEqualTo("{db: {condition: service_started, required: true}}");
  }

  @Test
  void serviceNetworksListAndMapMerge() {
    assertThat(merged("networks", "[front, back]", "{front: {aliases: [web]}}"))
        .isEqualTo("{front: {aliases: [web]}, back: null}");
    assertThat(merged("networks", "{front: {aliases: [a, b]}}", "[front]")).isEqualTo("{front: {aliases: [a, b]}}");
    assertThat(merged("networks", "{front: {aliases: [a, b]}}", "{front: {aliases: [b, c]}}"))
        .isEqualTo("{front: {aliases: [a, b, c]}}");
  }

  @Test
  void buildStringAndMapMerge() {
    assertThat(merged("build", "./app", "{dockerfile: Dockerfile.dev}"))
        .isEqualTo("{context: ./app, dockerfile: Dockerfile.dev}");
  }

  @Test
  void aNullChangesNothingAndScalarsAreReplaced() {
    MapNode model =
        load(
            "services:\n  web:\n    image: nginx\n    restart: always\n    deploy: {replicas: 2}\n",
            "services:\n  web:\n    image:\n    restart: unless-stopped\n    deploy: {mode: global}\n");
    assertThat(text(model, "services.web"))
        .isEqualTo("{image: nginx, restart: unless-stopped, deploy: {replicas: 2, mode: global}}");
  }

  @Test
  void aMappingMetByAListCannotBeOverridden() {
    String later = "services:\n  web:\n    deploy:\n      - replicas\n";
    assertThatThrownBy(() -> load("services:\n  web:\n    deploy: {replicas: 2}\n", later))
        .isInstanceOf(ComposeException.class)
        .satisfies(e -> {
          ComposeException ce = (ComposeException) e;
          assertThat(ce.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("cannot override services.web.deploy");
            assertThat(d.at().file()).isEqualTo("f2.yaml");
            assertThat(d.at().line()).isEqualTo(4);
          });
        });
  }

  @Test
  void ipamPoolsMergeBySubnet() {
    MapNode model =
        load(
            "networks:\n  n:\n    ipam:\n      config:\n"
                + "        - {subnet: 172.28.0.0/16, gateway: 172.28.0.1, aux_addresses: {a: 172.28.1.5}}\n",
            "networks:\n  n:\n    ipam:\n      config:\n"
                + "        - {subnet: 172.28.0.0/16, aux_addresses: {b: 172.28.1.6}}\n"
                + "        - {subnet: 10.0.0.0/8}\n");
    assertThat(text(model, "networks.n.ipam.config"))
        .isEqualTo(
            "[{subnet: 172.28.0.0/16, gateway: 172.28.0.1, aux_addresses: {a: 172.28.1.5, b: 172.28.1.6}},"
                + " {subnet: 10.0.0.0/8}]");
  }

  @Test
  void ipamKeepsComposeQuirkOfDroppingUntouchedPools() {
    MapNode model =
        load(
            "networks:\n  n:\n    ipam:\n      config: [{subnet: 10.1.0.0/16}]\n",
            "networks:\n  n:\n    ipam:\n      config: [{subnet: 10.2.0.0/16}]\n");
    assertThat(text(model, "networks.n.ipam.config")).isEqualTo("[{subnet: 10.2.0.0/16}]");
  }

  @Test
  void extensionsMergeLikeAnyMap() {
    MapNode model = load("x-common: {a: 1, list: [x]}\n", "x-common: {b: 2, list: [y]}\n");
    assertThat(text(model, "x-common")).isEqualTo("{a: 1, list: [x, y], b: 2}");
  }

  @Test
  void uniquenessAppliesToASingleFileToo() {
    assertThat(text(load("services:\n  web:\n    volumes: ['one:/data', 'two:/data']\n"), "services.web.volumes"))
        .isEqualTo("[{type: volume, source: two, target: /data, volume: {}}]");
  }

  @Test
  void aMountWithoutTargetIsComposesError() {
    assertThatThrownBy(() -> load("services:\n  web:\n    volumes: [{type: volume, source: a}]\n"))
        .isInstanceOf(ComposeException.class)
        .hasMessageContaining("service volume services.web.volumes.[0] is missing a mount target");
  }

  // ---- extends ----

  @Test
  void extendsMergesOneServiceWithTheSameRules() {
    MapNode file =
        canonical(
            """
            services:
              base:
                image: app
                command: [run, all]
                volumes: ['data:/data', './conf:/etc/app']
                environment: {A: 1}
              web:
                command: serve
                volumes: ['./data:/data']
                environment: [B=2]
            """);
    MapNode merged = Merger.mergeService((MapNode) at(file, "services.base"), (MapNode) at(file, "services.web"));
    assertThat(TreeFixtures.render(merged))
        .isEqualTo(
            "{image: app, command: [serve],"
                + " volumes: [{type: bind, source: ./data, target: /data, bind: {create_host_path: true}},"
                + " {type: bind, source: ./conf, target: /etc/app, bind: {create_host_path: true}}],"
                + " environment: {A: \"1\", B: \"2\"}}");
  }

  @Test
  void extendsTypeClashNamesTheServiceAsComposeDoes() {
    MapNode base = canonical("services:\n  b:\n    deploy: {replicas: 1}\n");
    MapNode local = canonical("services:\n  w:\n    deploy: [x]\n");
    assertThatThrownBy(
            () -> Merger.mergeService((MapNode) at(base, "services.b"), (MapNode) at(local, "services.w")))
        .hasMessageContaining("cannot override services.x.deploy");
  }

  // ---- positions ----

  @Test
  void mergedValuesKeepTheLineOfTheFileTheyCameFrom() {
    MapNode model =
        load(
            "services:\n  web:\n    image: nginx\n    restart: always\n    environment: {A: 1}\n",
            "services:\n  web:\n    image: nginx:1.27\n    environment: {B: 2}\n");
    MapNode web = (MapNode) at(model, "services.web");
    assertThat(line(web.get("image"))).isEqualTo("f2.yaml:3");
    assertThat(line(web.entry("image").key())).isEqualTo("f2.yaml:3");
    assertThat(line(web.get("restart"))).isEqualTo("f1.yaml:4");
    assertThat(line(web.entry("environment").key())).isEqualTo("f1.yaml:5");
    MapNode env = (MapNode) web.get("environment");
    assertThat(line(env.get("A"))).isEqualTo("f1.yaml:5");
    assertThat(line(env.get("B"))).isEqualTo("f2.yaml:4");
  }
}
