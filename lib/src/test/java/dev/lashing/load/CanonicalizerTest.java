package dev.lashing.load;

import static dev.lashing.load.TreeFixtures.at;
import static dev.lashing.load.TreeFixtures.canonical;
import static dev.lashing.load.TreeFixtures.text;
import static dev.lashing.load.TreeFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalizerTest {

  /** The canonical form of one service attribute written as {@code attribute: <yaml>}. */
  private static String service(String attribute, String value) {
    return text(canonical("services:\n  web:\n    " + attribute + ": " + value + "\n"), "services.web." + attribute);
  }

  private static List<Diagnostic> problemsOf(String yaml) {
    List<Diagnostic> problems = new ArrayList<>();
    Canonicalizer.canonicalize(yaml("compose.yaml", yaml), problems, ExpansionBudget.inOrder());
    return problems;
  }

  // ---- ports and expose ----

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "['8080:80'] | [{mode: ingress, target: 80, published: \"8080\", protocol: tcp}]",
        "[3000] | [{mode: ingress, target: 3000, protocol: tcp}]",
        "['3000-3001'] | [{mode: ingress, target: 3000, protocol: tcp}, {mode: ingress, target: 3001, protocol: tcp}]",
        "['127.0.0.1:5000:5000/UDP'] | [{mode: ingress, host_ip: 127.0.0.1, target: 5000, published: \"5000\", protocol: udp}]",
        "['8000-9000:80'] | [{mode: ingress, target: 80, published: 8000-9000, protocol: tcp}]",
        "['[::1]:6001:6001'] | [{mode: ingress, host_ip: ::1, target: 6001, published: \"6001\", protocol: tcp}]",
        "[{target: 80, published: 8080}] | [{target: 80, published: \"8080\"}]",
        "'8080:80' | 8080:80",
      })
  void portsBecomeOneMapPerPort(String written, String canonical) {
    assertThat(service("ports", written)).isEqualTo(canonical);
  }

  @Test
  void badPortIsAnErrorAtTheStringAndIsDropped() {
    String yaml = "services:\n  web:\n    ports:\n      - \"8080:80\"\n      - \"x:80\"\n";
    List<Diagnostic> problems = new ArrayList<>();
    MapNode file = Canonicalizer.canonicalize(yaml("compose.yaml", yaml), problems, ExpansionBudget.inOrder());
    assertThat(problems).singleElement().satisfies(d -> {
      assertThat(d.isError()).isTrue();
      assertThat(d.message()).isEqualTo("invalid hostPort: x");
      assertThat(d.at().line()).isEqualTo(5);
      assertThat(d.at().column()).isEqualTo(9);
    });
    assertThat(text(file, "services.web.ports")).isEqualTo("[{mode: ingress, target: 80, published: \"8080\", protocol: tcp}]");
  }

  @Test
  void exposeIsStrings() {
    assertThat(service("expose", "[80, '90-91/udp']")).isEqualTo("[\"80\", 90-91/udp]");
  }

  // ---- volumes ----

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "./data:/data:ro,z | {type: bind, source: ./data, target: /data, read_only: true, bind: {selinux: z, create_host_path: true}}",
        "/var/run/docker.sock:/var/run/docker.sock:rshared | {type: bind, source: /var/run/docker.sock, target: /var/run/docker.sock, bind: {propagation: rshared, create_host_path: true}}",
        "db:/var/lib/db/ | {type: volume, source: db, target: /var/lib/db, volume: {}}",
        "db:/var/lib/db:nocopy,rw | {type: volume, source: db, target: /var/lib/db, volume: {nocopy: true}}",
        "/anonymous | {type: volume, target: /anonymous, volume: {}}",
        "/a | {type: volume, target: /a}",
      })
  void shortVolumesBecomeMounts(String written, String canonical) {
    assertThat(service("volumes", "['" + written + "']")).isEqualTo("[" + canonical + "]");
  }

  @Test
  void longVolumeStaysAsWritten() {
    assertThat(service("volumes", "[{type: tmpfs, target: /tmp}]")).isEqualTo("[{type: tmpfs, target: /tmp}]");
  }

  @Test
  void badVolumeIsAnErrorAndIsDropped() {
    List<Diagnostic> problems = problemsOf("services:\n  web:\n    volumes: ['/a:/b:ro:x']\n");
    assertThat(problems).extracting(Diagnostic::message).containsExactly("invalid spec: /a:/b:ro:x: too many colons");
    assertThat(problems.get(0).at().line()).isEqualTo(3);
  }

  // ---- K=V attributes ----

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "environment | [A=1, B=, C, D=x=y] | {A: \"1\", B: \"\", C: null, D: x=y}",
        "environment | {A: 1, B: true, C: 1.0, D: null, E: ''} | {A: \"1\", B: \"true\", C: \"1\", D: null, E: \"\"}",
        "environment | [A=1, A=2] | {A: \"2\"}",
        "labels | [com.example=x] | {com.example: x}",
        "annotations | [a=b] | {a: b}",
        "sysctls | [net.core.somaxconn=1024] | {net.core.somaxconn: \"1024\"}",
        // numbers as compose-go's fmt.Sprint prints what go-yaml read: a uint64 keeps its digits, floats as %v
        "environment | {A: 1e6, B: 100000000.0, C: 1e20, D: 0.00001, E: 12345678901234567890, F: 1e21, G: 0x1F}"
            + " | {A: \"1e+06\", B: \"1e+08\", C: \"1e+20\", D: \"1e-05\", E: \"12345678901234567890\","
            + " F: \"1e+21\", G: \"31\"}",
        "labels | {id: 18446744073709551615, ratio: 0.5, big: 123456789.0}"
            + " | {id: \"18446744073709551615\", ratio: \"0.5\", big: \"1.23456789e+08\"}",
        "sysctls | {net.core.rmem_max: 1.5e-7} | {net.core.rmem_max: \"1.5e-07\"}",
        "extra_hosts | {db: 1e6} | [db=1e+06]",
      })
  void keyValueListsBecomeMaps(String attribute, String written, String canonical) {
    assertThat(service(attribute, written)).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "[default] | {default: null}",
        "['default', 'mykey=/path'] | {default: null, mykey: /path}",
        "{default: null, mykey: /path} | {default: null, mykey: /path}",
      })
  void buildSshIsAMapOfKeysInEitherForm(String written, String canonical) {
    MapNode file = canonical("services:\n  web:\n    build:\n      context: .\n      ssh: " + written + "\n");
    assertThat(text(file, "services.web.build.ssh")).isEqualTo(canonical);
  }

  @Test
  void anSshKeyWithoutAPathIsAnErrorUnlessItIsTheDefaultAgent() {
    List<Diagnostic> problems = problemsOf("services:\n  web:\n    build: {context: ., ssh: [default, mykey]}\n");
    assertThat(problems).extracting(Diagnostic::message)
        .containsExactly("invalid ssh key \"mykey\": name the key's path, as mykey=/path/to/key");
  }

  @Test
  void keyValuesInBuildDeployAndResources() {
    MapNode file =
        canonical(
            """
            services:
              web:
                build: {context: ., args: [V=1], labels: [l=x], additional_contexts: [base=docker-image://alpine]}
                deploy: {labels: [d=1]}
            networks:
              front: {labels: [n=1]}
            volumes:
              data: {labels: [v=1]}
            """);
    assertThat(text(file, "services.web.build"))
        .isEqualTo("{context: ., args: {V: \"1\"}, labels: {l: x}, additional_contexts: {base: docker-image://alpine}}");
    assertThat(text(file, "services.web.deploy.labels")).isEqualTo("{d: \"1\"}");
    assertThat(text(file, "networks.front.labels")).isEqualTo("{n: \"1\"}");
    assertThat(text(file, "volumes.data.labels")).isEqualTo("{v: \"1\"}");
  }

  // ---- keyed maps and single strings ----

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "depends_on | [db, cache] | {db: {condition: service_started, required: true}, cache: {condition: service_started, required: true}}",
        "depends_on | {db: {condition: service_healthy}} | {db: {condition: service_healthy}}",
        "networks | [front, back] | {front: null, back: null}",
        "networks | {front: {aliases: [a]}} | {front: {aliases: [a]}}",
        "models | [llm] | {llm: null}",
        "build | ./app | {context: ./app}",
        "extends | base | {service: base}",
        "secrets | [token, {source: key, target: /k}] | [{source: token}, {source: key, target: /k}]",
        "configs | [conf] | [{source: conf}]",
        "ulimits | {nproc: 65535, nofile: {soft: 1, hard: 2}} | {nproc: {soft: 65535, hard: 65535}, nofile: {soft: 1, hard: 2}}",
        "env_file | .env | [{path: .env, required: true}]",
        "env_file | [a.env, {path: b.env}, {path: c.env, required: false}] | [{path: a.env, required: true}, {path: b.env, required: true}, {path: c.env, required: false}]",
        "dns | 8.8.8.8 | [8.8.8.8]",
        "dns | \"\" | []",
        "dns | [8.8.8.8, '', null] | [8.8.8.8]",
        "dns_search | example.com | [example.com]",
        "tmpfs | /run | [/run]",
        "label_file | ./labels | [./labels]",
        "gpus | all | [{count: all}]",
        "gpus | [{driver: nvidia, count: 1}] | [{driver: nvidia, count: 1}]",
        "devices | ['/dev/sda', '/dev/sdb:/dev/xvdb', '/dev/sdc:/dev/xvdc:r'] | [{source: /dev/sda, target: /dev/sda, permissions: rwm}, {source: /dev/sdb, target: /dev/xvdb, permissions: rwm}, {source: /dev/sdc, target: /dev/xvdc, permissions: r}]",
        "extra_hosts | {db: 10.0.0.2, multi: [10.0.0.3, '::1']} | [db=10.0.0.2, multi=10.0.0.3, multi=::1]",
        "extra_hosts | ['db:10.0.0.2'] | [db:10.0.0.2]",
      })
  void shortFormsBecomeLongForms(String attribute, String written, String canonical) {
    assertThat(service(attribute, written)).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "command | 'echo \"hello world\" $$HOME' | [echo, hello world, $$HOME]",
        "command | [echo, hi] | [echo, hi]",
        "command | '' | []",
        "command | null | null",
        "entrypoint | /bin/sh -c | [/bin/sh, -c]",
      })
  void stringCommandsAreSplitLikeAShell(String attribute, String written, String canonical) {
    assertThat(service(attribute, written)).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "pre_start | [{command: ./manage.py migrate}] | [{command: [./manage.py, migrate]}]",
        "post_start | [{command: echo start, user: root}] | [{command: [echo, start], user: root}]",
        "pre_stop | [{command: \"sh -c 'kill -TERM 1'\"}] | [{command: [sh, -c, kill -TERM 1]}]",
        "develop | {watch: [{path: ./src, action: sync+exec, target: /app, exec: {command: make reload}}]} | "
            + "{watch: [{path: ./src, action: sync+exec, target: /app, exec: {command: [make, reload]}}]}",
      })
  void hookCommandsAreSplitLikeAShellToo(String attribute, String written, String canonical) {
    assertThat(service(attribute, written)).isEqualTo(canonical);
  }

  @Test
  void unbalancedQuoteInCommandIsAnError() {
    List<Diagnostic> problems = new ArrayList<>();
    MapNode file = Canonicalizer.canonicalize(yaml("c.yaml", "services:\n  web:\n    command: echo \"oops\n"), problems, ExpansionBudget.inOrder());
    assertThat(problems).extracting(Diagnostic::message).containsExactly("invalid command line string");
    assertThat(((MapNode) at(file, "services.web")).has("command")).isFalse();
  }

  @Test
  void healthcheckStringTestRunsInAShell() {
    assertThat(service("healthcheck", "{test: curl -f http://localhost}"))
        .isEqualTo("{test: [CMD-SHELL, curl -f http://localhost]}");
    assertThat(service("healthcheck", "{test: [CMD, true]}")).isEqualTo("{test: [CMD, true]}");
  }

  @Test
  void buildKeepsItsNestedShortForms() {
    assertThat(service("build", "{context: ., secrets: [npm], extra_hosts: {h: 1.2.3.4}, ulimits: {nofile: 10}}"))
        .isEqualTo(
            "{context: ., secrets: [{source: npm}], extra_hosts: [h=1.2.3.4], ulimits: {nofile: {soft: 10, hard: 10}}}");
  }

  // ---- top-level resources ----

  @Test
  void legacyExternalNameBecomesNameWithAWarning() {
    String yaml = "networks:\n  outside:\n    external:\n      name: corp-net\n";
    List<Diagnostic> problems = new ArrayList<>();
    MapNode file = Canonicalizer.canonicalize(yaml("compose.yaml", yaml), problems, ExpansionBudget.inOrder());
    assertThat(text(file, "networks.outside")).isEqualTo("{name: corp-net, external: true}");
    assertThat(problems).singleElement().satisfies(d -> {
      assertThat(d.isError()).isFalse();
      assertThat(d.message())
          .isEqualTo("networks.outside: external.name is deprecated. Please set name and external: true");
      assertThat(d.at().line()).isEqualTo(4);
    });
  }

  @Test
  void legacyExternalNameConflictingWithNameIsAnError() {
    List<Diagnostic> problems =
        problemsOf("volumes:\n  data:\n    name: a\n    external: {name: b}\n");
    assertThat(problems)
        .filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::message)
        .containsExactly("volumes.data: name and external.name conflict; only use name");
  }

  @Test
  void externalWithoutNameAndModernFormsStay() {
    MapNode file =
        canonical("secrets:\n  s: {external: {}}\nconfigs:\n  c: {name: x, external: true}\n");
    assertThat(text(file, "secrets.s")).isEqualTo("{external: true}");
    assertThat(text(file, "configs.c")).isEqualTo("{name: x, external: true}");
  }

  // ---- what is left alone ----

  @Test
  void extensionsUnknownKeysAndWrongShapesAreUntouched() {
    String yaml =
        """
        x-common: {ports: ['80:80'], environment: [A=1]}
        services:
          web:
            x-ports: ['80:80']
            ports: {a: b}
            environment: [{A: 1}]
            imgae: nginx
        """;
    MapNode file = canonical(yaml);
    assertThat(text(file, "x-common")).isEqualTo("{ports: [80:80], environment: [A=1]}");
    assertThat(text(file, "services.web"))
        .isEqualTo("{x-ports: [80:80], ports: {a: b}, environment: [{A: 1}], imgae: nginx}");
  }

  // ---- positions ----

  @Test
  void everyMadeNodeCarriesTheOriginOfItsText() {
    String yaml = "services:\n  web:\n    ports:\n      - \"8080:80\"\n    environment:\n      - A=1\n";
    MapNode file = canonical(yaml);
    SourceRange written = ((ScalarNode) at(yaml("compose.yaml", yaml), "services.web.ports.0")).origin().at();
    MapNode port = (MapNode) at(file, "services.web.ports.0");
    assertThat(port.origin().at()).isEqualTo(written);
    for (MapNode.Entry e : port.entries()) {
      assertThat(e.key().origin().at()).isEqualTo(written);
      assertThat(e.value().origin().at()).isEqualTo(written);
    }
    MapNode.Entry a = ((MapNode) at(file, "services.web.environment")).entry("A");
    assertThat(TreeFixtures.line(a.key())).isEqualTo("compose.yaml:6");
    assertThat(TreeFixtures.line(a.value())).isEqualTo("compose.yaml:6");
  }

  @Test
  void noMadeNodeLacksAPlaceInTheFile() {
    String yaml =
        """
            services:
              web:
                build: .
                ports: ['127.0.0.1:8000-8001:80-81/udp', 9000]
                volumes: ['./a:/a:ro,z,rshared', 'v:/v:nocopy', '/anon']
                environment: [A=1, B]
                depends_on: [db]
                networks: [front]
                healthcheck: {test: exit 0}
                command: run it
                extends: base
                secrets: [s]
                ulimits: {nofile: 1}
                env_file: .env
                dns: 1.1.1.1
                devices: ['/dev/a:/dev/b']
                extra_hosts: {h: 1.2.3.4}
            networks:
              front: {external: {name: corp}}
            """;
    MapNode file = Canonicalizer.canonicalize(yaml("compose.yaml", yaml), new ArrayList<>(), ExpansionBudget.inOrder());
    List<Node> nodes = new ArrayList<>();
    collect(Canonicalizer.applyDefaults(file), nodes);
    assertThat(nodes).hasSizeGreaterThan(100).allSatisfy(n -> {
      assertThat(n.origin().at().isSynthetic()).isFalse();
      assertThat(n.origin().at().line()).isPositive();
    });
  }

  private static void collect(Node node, List<Node> into) {
    into.add(node);
    if (node instanceof MapNode map) {
      map.entries().forEach(e -> {
        into.add(e.key());
        collect(e.value(), into);
      });
    } else if (node instanceof SeqNode seq) {
      seq.items().forEach(item -> collect(item, into));
    }
  }

  @Test
  void aWrappedStringIsKeptAsTheValue() {
    String yaml = "services:\n  web:\n    build: './app'\n";
    Node original = at(yaml("compose.yaml", yaml), "services.web.build");
    assertThat(at(canonical(yaml), "services.web.build.context")).isEqualTo(original);
  }

  // ---- defaults after merging ----

  @Test
  void defaultsFillOnlyWhatIsAbsent() {
    MapNode model =
        canonical(
            """
            services:
              a: {build: ., depends_on: [db]}
              b: {build: {context: ./b, dockerfile_inline: FROM x}, depends_on: {db: {condition: service_healthy}}}
              c: {build: {dockerfile: Other}, depends_on: {db: {condition: service_started, required: false}}}
            """);
    MapNode done = Canonicalizer.applyDefaults(model);
    assertThat(text(done, "services.a.build")).isEqualTo("{context: ., dockerfile: Dockerfile}");
    assertThat(text(done, "services.b.build")).isEqualTo("{context: ./b, dockerfile_inline: FROM x}");
    assertThat(text(done, "services.c.build")).isEqualTo("{dockerfile: Other, context: .}");
    assertThat(text(done, "services.a.depends_on")).isEqualTo("{db: {condition: service_started, required: true}}");
    assertThat(text(done, "services.b.depends_on")).isEqualTo("{db: {condition: service_healthy, required: true}}");
    assertThat(text(done, "services.c.depends_on")).isEqualTo("{db: {condition: service_started, required: false}}");
  }

  @Test
  void longFormPortsGetProtocolAndModeAfterMerging() {
    MapNode model =
        canonical(
            """
            services:
              web:
                ports:
                  - {target: 80, published: 8080}
                  - {target: 53, protocol: udp, mode: host}
                  - "9000:9000"
            """);
    MapNode done = Canonicalizer.applyDefaults(model);
    assertThat(text(done, "services.web.ports")).isEqualTo(
        "[{target: 80, published: \"8080\", protocol: tcp, mode: ingress}, {target: 53, protocol: udp, mode: host},"
            + " {mode: ingress, target: 9000, published: \"9000\", protocol: tcp}]");
  }
}
