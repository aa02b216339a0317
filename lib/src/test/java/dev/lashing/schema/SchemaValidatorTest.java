package dev.lashing.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaValidatorTest {

  /** The diagnostics for a YAML text, printed as {@code file:line:col: message}. */
  private static List<String> errors(String yaml) {
    MapNode root = (MapNode) YamlReader.read(new SourceFile("compose.yaml", yaml)).get(0);
    return SchemaValidator.shared().validate(root, "compose.yaml").stream().map(Diagnostic::toString).toList();
  }

  @Test
  void aValidFileHasNoErrors() {
    assertThat(errors("""
        name: shop
        services:
          web:
            image: nginx:1.27
            ports: ["8080:80", {target: 443, published: "8443", protocol: tcp}]
            depends_on:
              db: {condition: service_healthy, restart: true}
            deploy:
              resources:
                limits: {cpus: "0.5", memory: 256M}
          db:
            image: postgres:16
            healthcheck: {test: [CMD, pg_isready], interval: 5s, retries: 5}
        networks:
          back: {internal: true}
        volumes:
          data:
        """)).isEmpty();
  }

  @Nested
  class MisspelledKeys {
    @Test
    void atTopLevel() {
      assertThat(errors("""
          servcies:
            web:
              image: nginx
          """)).containsExactly(
              "compose.yaml:1:1: additional properties 'servcies' not allowed (did you mean 'services'?)");
    }

    @Test
    void inAService() {
      assertThat(errors("""
          services:
            web:
              imgae: nginx
          """)).containsExactly(
              "compose.yaml:3:5: services.web additional properties 'imgae' not allowed (did you mean 'image'?)");
    }

    @Test
    void inDeployResourceLimits() {
      assertThat(errors("""
          services:
            web:
              image: nginx
              deploy:
                resources:
                  limits:
                    cpu: "0.5"
                    memroy: 64M
          """)).containsExactly(
              "compose.yaml:7:11: services.web.deploy.resources.limits additional properties 'cpu' not allowed"
                  + " (did you mean 'cpus'?)",
              "compose.yaml:8:11: services.web.deploy.resources.limits additional properties 'memroy' not allowed"
                  + " (did you mean 'memory'?)");
    }

    @Test
    void inANetworkDefinition() {
      assertThat(errors("""
          services:
            web: {image: nginx}
          networks:
            front:
              drivr: bridge
          """)).containsExactly(
              "compose.yaml:5:5: networks.front additional properties 'drivr' not allowed (did you mean 'driver'?)");
    }

    @Test
    void withoutASuggestionWhenNothingIsClose() {
      assertThat(errors("""
          services:
            web:
              image: nginx
              colour: blue
          """)).containsExactly("compose.yaml:4:5: services.web additional properties 'colour' not allowed");
    }

    @Test
    void inTheLongFormOfAShortLongPairAsOneError() {
      assertThat(errors("""
          services:
            web:
              build:
                context: .
                dockerfil: Dockerfile.dev
          """)).containsExactly(
              "compose.yaml:5:7: services.web.build additional properties 'dockerfil' not allowed"
                  + " (did you mean 'dockerfile'?)");
    }
  }

  @Nested
  class WrongTypes {
    @Test
    void aListForAString() {
      assertThat(errors("""
          services:
            foo:
              image: [x]
          """)).containsExactly("compose.yaml:3:12: services.foo.image must be a string");
    }

    @Test
    void aMappingForPorts() {
      assertThat(errors("""
          services:
            x:
              image: nginx
              ports: {a: b}
          """)).containsExactly("compose.yaml:4:12: services.x.ports must be a list");
    }

    @Test
    void anUnquotedVersion() {
      assertThat(errors("""
          version: 3.8
          services:
            web: {image: nginx}
          """)).containsExactly("compose.yaml:1:10: version must be a string");
    }

    @Test
    void aValueNoAlternativeAccepts() {
      assertThat(errors("""
          services:
            web:
              build: 5
              environment: true
          """)).containsExactly(
              "compose.yaml:3:12: services.web.build must be a string or mapping",
              "compose.yaml:4:18: services.web.environment must be a mapping or list");
    }

    @Test
    void aNumberOutOfRange() {
      assertThat(errors("""
          services:
            web:
              image: nginx
              cpu_percent: 150
              oom_score_adj: -2000
          """)).containsExactly(
              "compose.yaml:4:18: services.web.cpu_percent must be less than or equal to 100",
              "compose.yaml:5:20: services.web.oom_score_adj must be greater than or equal to -1000");
    }

    /** go-yaml reads a whole number beyond 64 bits as a float; the schema compares it to its bounds all the same. */
    @Test
    void aWholeNumberBeyond64Bits() {
      assertThat(errors("""
          services:
            web:
              image: nginx
              cpu_percent: 99999999999999999999
              cpu_count: -99999999999999999999
              oom_score_adj: 1e19
          """)).containsExactly(
              "compose.yaml:4:18: services.web.cpu_percent must be less than or equal to 100",
              "compose.yaml:5:16: services.web.cpu_count must be greater than or equal to 0",
              "compose.yaml:6:20: services.web.oom_score_adj must be less than or equal to 1000");
    }

    @Test
    void aValueOutsideAnEnum() {
      assertThat(errors("""
          services:
            web:
              image: nginx
              cgroup: shared
              gpus: any
              develop:
                watch: [{path: ., action: sync+reload}]
          """)).containsExactly(
              "compose.yaml:4:13: services.web.cgroup must be one of 'host', 'private'",
              "compose.yaml:5:11: services.web.gpus must be one of 'all'",
              "compose.yaml:7:33: services.web.develop.watch.0.action must be one of"
                  + " 'rebuild', 'sync', 'restart', 'sync+restart', 'sync+exec'");
    }

    @Test
    void aNonStringWhereAnEnumOfStringsIsExpected() {
      assertThat(errors("""
          services:
            web:
              image: nginx
              cgroup: 1
          """)).containsExactly("compose.yaml:4:13: services.web.cgroup must be a string");
    }

    @Test
    void aRepeatedItemAtTheRepetition() {
      assertThat(errors("""
          services:
            web:
              image: nginx
              cap_add: [NET_ADMIN, SYS_TIME, NET_ADMIN]
          """)).containsExactly("compose.yaml:4:36: services.web.cap_add items at 0 and 2 are equal");
    }

    @Test
    void repeatedPortsAndVolumesPassBecauseComposeMergesThemFirst() {
      assertThat(errors("""
          services:
            web:
              image: nginx
              ports: ["80:80", "80:80"]
              expose: [80, 80]
              volumes: [./a:/a, ./a:/a]
              environment: [A=1, A=1]
          """)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "environment: FOO=bar => services.a.environment must be a mapping or list",
      "ulimits: {nofile: {soft: 1}} => services.a.ulimits.nofile missing property 'hard'",
      "volumes: [{source: a, target: /b}] => services.a.volumes.0 missing property 'type'",
      "volumes: [{type: tmpfs, target: /t, tmpfs: {size: -1}}]"
          + " => services.a.volumes.0.tmpfs.size must be greater than or equal to 0",
      "healthcheck: {interval: 30} => services.a.healthcheck.interval must be a string",
      "networks: {front: {aliases: a}} => services.a.networks.front.aliases must be a list",
      "env_file: [{required: false}] => services.a.env_file.0 missing property 'path'",
      "post_start: [{user: root}] => services.a.post_start.0 missing property 'command'",
      "devices: [{target: /dev/x}] => services.a.devices.0 missing property 'source'",
      "extends: {file: base.yaml} => services.a.extends missing property 'service'",
      "logging: {options: {max-size: [1]}} => services.a.logging.options.max-size must be a string, number or null",
      "secrets: [{source: s, mode: [1]}] => services.a.secrets.0.mode must be a number or string",
      "pull_policy: sometimes => services.a.pull_policy 'sometimes' does not match pattern"
          + " 'always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+'",
      "labels: [a=1, a=1] => services.a.labels items at 0 and 1 are equal",
      "scale: 1.5 => services.a.scale must be an integer or string",
  })
  void composeRejects(String attribute, String message) {
    List<String> found = errors("services:\n  a:\n    image: x\n    " + attribute + "\n");
    assertThat(found).hasSize(1);
    assertThat(found.get(0)).endsWith(": " + message);
  }

  @Test
  void resourceDefinitionsAreCheckedToo() {
    assertThat(errors("""
        services:
          a: {image: x}
        secrets:
          s:
        configs:
          c: {file: x, externl: true}
        volumes:
          v: {external: {name: x, nme: y}}
        models:
          m: {name: x}
        """)).containsExactly(
            "compose.yaml:4:5: secrets.s must be a mapping",
            "compose.yaml:6:16: configs.c additional properties 'externl' not allowed (did you mean 'external'?)",
            "compose.yaml:8:27: volumes.v.external additional properties 'nme' not allowed (did you mean 'name'?)",
            "compose.yaml:10:6: models.m missing property 'model'");
  }

  @Nested
  class RequiredProperties {
    @Test
    void aLongDependsOnWithoutCondition() {
      assertThat(errors("""
          services:
            x:
              image: app
              depends_on:
                db:
                  restart: true
            db:
              image: postgres
          """)).containsExactly("compose.yaml:6:9: services.x.depends_on.db missing property 'condition'");
    }

    @Test
    void aDeviceRequestNeedsCapabilitiesEvenWithADriver() {
      assertThat(errors("""
          services:
            ai:
              image: ollama/ollama
              deploy:
                resources:
                  reservations:
                    devices:
                      - count: 1
                      - driver: nvidia
                        count: all
          """)).containsExactly(
              "compose.yaml:8:15: services.ai.deploy.resources.reservations.devices.0 missing property 'capabilities'",
              // as Compose's schema of 2026-06-16: a driver alone no longer stands in for capabilities
              "compose.yaml:9:15: services.ai.deploy.resources.reservations.devices.1 missing property 'capabilities'");
    }
  }

  @Nested
  class AnchorsAndAliases {
    @Test
    void anErrorFromAMergeKeyIsReportedWhereTheMergeKeyUsesIt() {
      assertThat(errors("""
          x-base: &base
            restart: always
            privileged: [yes]
          services:
            web:
              <<: *base
              image: nginx
          """)).containsExactly("compose.yaml:6:9: services.web.privileged must be a boolean or string");
    }

    @Test
    void aMisspelledKeyFromAMergeKeyIsReportedAtTheMergeKey() {
      assertThat(errors("""
          x-base: &base
            restrat: always
          services:
            web:
              image: nginx
              <<: *base
          """)).containsExactly(
              "compose.yaml:6:9: services.web additional properties 'restrat' not allowed (did you mean 'restart'?)");
    }

    @Test
    void anAliasedValueIsReportedAtTheAlias() {
      assertThat(errors("""
          x-env: &env [1, 2]
          services:
            web:
              image: nginx
              command: *env
          """)).containsExactly(
              "compose.yaml:5:14: services.web.command.0 must be a string",
              "compose.yaml:5:14: services.web.command.1 must be a string");
    }
  }

  @Nested
  class Extensions {
    @Test
    void xKeysAreAcceptedWhereComposeAllowsThem() {
      assertThat(errors("""
          x-top: {anything: [1, 2]}
          services:
            web:
              x-svc: 1
              image: nginx
              build: {context: ., x-b: 1}
              deploy: {x-d: 1, resources: {limits: {x-l: 1}}}
              depends_on: {db: {condition: service_started, x-dep: 1}}
              healthcheck: {test: [NONE], x-h: 1}
              logging: {driver: local, x-log: 1}
              ports: [{target: 80, x-p: 1}]
              volumes: [{type: bind, source: ., target: /src, x-v: 1, bind: {x-bind: 1}}]
              networks: {front: {x-n: 1}}
              develop: {watch: [{path: ., action: sync, x-w: 1}]}
            db: {image: postgres}
          networks:
            front: {x-net: 1}
          volumes:
            data: {x-vol: 1}
          secrets:
            token: {file: ./token, x-sec: 1}
          configs:
            conf: {content: hello, x-conf: 1}
          models:
            llm: {model: ai/smollm2, x-model: 1}
          """)).isEmpty();
    }

    @Test
    void xKeysAreRejectedWhereComposeDoesNotAllowThem() {
      assertThat(errors("""
          include:
            - path: other.yaml
              x-inc: 1
          services:
            web:
              extends: {service: base, x-ext: 1}
          """)).containsExactly(
              "compose.yaml:3:5: include.0 additional properties 'x-inc' not allowed",
              "compose.yaml:6:30: services.web.extends additional properties 'x-ext' not allowed");
    }
  }

  @Nested
  class BeforeInterpolation {
    @ParameterizedTest
    @ValueSource(strings = {
        "cpus: ${CPUS}", "privileged: ${PRIVILEGED:-false}", "scale: $SCALE", "cgroup: ${CGROUP}",
        "pull_policy: ${PULL}", "mem_limit: ${MEM:-512m}", "ulimits: {nofile: \"${NOFILE}\"}"})
    void aVariableStandsInForAnyScalar(String attribute) {
      assertThat(errors("services:\n  web:\n    image: nginx\n    " + attribute + "\n")).isEmpty();
    }
  }

  @Test
  void errorsComeSortedByPosition() {
    assertThat(errors("""
        services:
          b:
            image: 1
          a:
            imag: x
        volumez: {}
        """)).containsExactly(
            "compose.yaml:3:12: services.b.image must be a string",
            "compose.yaml:5:5: services.a additional properties 'imag' not allowed (did you mean 'image'?)",
            "compose.yaml:6:1: additional properties 'volumez' not allowed (did you mean 'volumes'?)");
  }
}
