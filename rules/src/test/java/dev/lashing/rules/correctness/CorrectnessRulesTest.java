package dev.lashing.rules.correctness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Severity;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CorrectnessRulesTest {

  @Nested
  class DuplicatePublishedPortTest {
    @Test
    void sameHostPortTwiceOnOverlappingAddresses() {
      RuleTester.of(new DuplicatePublishedPort())
          .file("compose.yaml", """
              services:
                web:
                  image: nginx:1.27
                  ports:
                    - "8080:80"
                    - "127.0.0.1:9000:9000"
                    - "53:53/udp"
                api:
                  image: api:1
                  ports:
                    - "127.0.0.1:8080:8080"   # expect: duplicate-published-port
                    - "127.0.0.2:9000:9000"
                    - "53:53"
                    - "8000-8010:80"
                    - "8000-8010:81"
                    - "9000"
              """)
          .expectMarkedFindings();
    }

    @Test
    void portsFromAnOverrideFileCount() {
      RuleTester.of(new DuplicatePublishedPort())
          .file("compose.yaml", """
              services:
                web: {image: nginx:1.27, ports: ["8080:80"]}
              """)
          .file("compose.override.yaml", """
              services:
                admin:
                  image: admin:2
                  ports: ["0.0.0.0:8080:3000"]   # expect: duplicate-published-port
              """)
          .expectMarkedFindings();
    }

    @Test
    void hostPortsCompareAsNumbersHoweverLong() {
      // Found by LoaderFuzzTest: a published port too long for a long ended the lint run.
      RuleTester.of(new DuplicatePublishedPort())
          .file("compose.yaml", """
              services:
                web:
                  image: nginx:1.27
                  ports:
                    - {target: 80, published: "0080"}
                    - {target: 81, published: "555555555555555555555555555555555555555555555"}
                api:
                  image: api:1
                  ports:
                    - {target: 80, published: "80"}   # expect: duplicate-published-port
                    - {target: 81, published: "555555555555555555555555555555555555555555556"}
              """)
          .expectMarkedFindings();
    }

    @Test
    void aRangeClaimedAgainIsOneFindingWithItsSpan() {
      // Two TURN servers on one range: one finding for the second entry, not one for each of its 16,384 ports
      List<Finding> findings = RuleTester.of(new DuplicatePublishedPort())
          .file("compose.yaml", """
              services:
                turn-a:
                  image: coturn/coturn:4.6
                  ports: ["49152-65535:49152-65535/udp", "3478:3478"]
                turn-b:
                  image: coturn/coturn:4.6
                  ports:
                    - "49152-65535:49152-65535/udp"   # expect: duplicate-published-port
                    - "3470-3480:3470-3480"   # expect: duplicate-published-port
                    - "60000-60009:60000-60009/udp"   # expect: duplicate-published-port
              """)
          .expectMarkedFindings();
      assertThat(findings).extracting(Finding::message).containsExactly(
          "host ports 49152-65535/udp are already published by service 'turn-a' at line 4; the second bindings fail",
          "host port 3478/tcp is already published by service 'turn-a' at line 4; the second binding fails",
          "host ports 60000-60009/udp are already published by service 'turn-a' at line 4; the second bindings fail");
    }

    @Test
    void eachClashNamesTheEarliestClaimItOverlaps() {
      List<Finding> findings = RuleTester.of(new DuplicatePublishedPort())
          .file("compose.yaml", """
              services:
                a: {image: app:1, ports: ["127.0.0.1:8080:80"]}
                b: {image: app:1, ports: ["8080:80"]}   # expect: duplicate-published-port
                c: {image: app:1, ports: ["127.0.0.2:8080:80"]}   # expect: duplicate-published-port
                d: {image: app:1, ports: ["127.0.0.1:8080:80"]}   # expect: duplicate-published-port
                e: {image: app:1, ports: ["[::]:8080:80"]}   # expect: duplicate-published-port
                f: {image: app:1, ports: ["127.0.0.3:8080:80/udp", "127.0.0.3:8081:80"]}
              """)
          .expectMarkedFindings();
      // c is on an address of its own, which b's every address overlaps; d's is a's, claimed before b
      assertThat(findings).extracting(Finding::message).extracting(m -> m.substring(m.indexOf("by ")))
          .containsExactly("by service 'a' at line 2; the second binding fails",
              "by service 'b' at line 3; the second binding fails",
              "by service 'a' at line 2; the second binding fails",
              "by service 'a' at line 2; the second binding fails");
    }

    @Test
    void aPortPublishedOnManyAddressesClashesOnlyWhereTheyMeet() {
      StringBuilder yaml = new StringBuilder("services:\n");
      for (int i = 0; i < 2000; i++) {
        yaml.append("  s").append(i).append(": {image: app:1, ports: [\"10.0.").append(i / 250).append('.')
            .append(i % 250).append(":8080:80\"]}\n");
      }
      yaml.append("  again: {image: app:1, ports: [\"10.0.7.249:8080:80\"]}   # expect: duplicate-published-port\n");
      yaml.append("  every: {image: app:1, ports: [\"8080:80\"]}   # expect: duplicate-published-port\n");
      List<Finding> findings = RuleTester.of(new DuplicatePublishedPort()).file("compose.yaml", yaml.toString())
          .expectMarkedFindings();
      assertThat(findings).extracting(Finding::message).containsExactly(
          "host port 8080/tcp is already published by service 's1999' at line 2001; the second binding fails",
          "host port 8080/tcp is already published by service 's0' at line 2; the second binding fails");
    }

    @Test
    void interpolatedPortsAreCompared() {
      RuleTester.of(new DuplicatePublishedPort())
          .environment(Map.of("PORT", "8080"))
          .file("compose.yaml", """
              services:
                web: {image: nginx:1.27, ports: ["${PORT}:80"]}
                api: {image: api:1, ports: ["8080:80"]}   # expect: duplicate-published-port
              """)
          .expectMarkedFindings();
    }
  }

  @Nested
  class DuplicateContainerNameTest {
    @Test
    void secondUserIsReported() {
      RuleTester.of(new DuplicateContainerName())
          .file("compose.yaml", """
              x-name: &name
                container_name: shared
              services:
                a:
                  image: x:1
                  container_name: shared
                b:
                  image: y:1
                  <<: *name
                c:
                  image: z:1
                  container_name: other
              """.replace("<<: *name", "container_name: shared   # expect: duplicate-container-name"))
          .expectMarkedFindings();
    }

    @Test
    void throughAnAnchorTheDefinitionIsReported() {
      List<Finding> findings = RuleTester.of(new DuplicateContainerName())
          .file("compose.yaml", """
              x-name: &name
                container_name: shared   # expect: duplicate-container-name
              services:
                a:
                  <<: *name
                  image: x:1
                b:
                  <<: *name
                  image: y:1
              """)
          .expectMarkedFindings();
      assertThat(findings.get(0).service()).isEqualTo("b");
      assertThat(findings.get(0).inheritedFrom().line()).isEqualTo(8);
    }
  }

  @Nested
  class Yaml11AmbiguityTest {
    @Test
    void booleansBase60AndOctal() {
      List<Finding> findings = RuleTester.of(new Yaml11Ambiguity())
          .file("compose.yaml", """
              services:
                web:
                  image: nginx:1.27
                  restart: no        # expect: yaml-1.1-ambiguity
                  ports:
                    - 22:22          # expect: yaml-1.1-ambiguity
                    - "53:53"
                    - 8080:80
                  environment:
                    FEATURE: on      # expect: yaml-1.1-ambiguity
                    QUOTED: "yes"
                    TRUE_IS_FINE: true
                  secrets:
                    - source: key
                      mode: 0440     # expect: yaml-1.1-ambiguity
              secrets:
                key:
                  file: ./key.txt
              """)
          .expectMarkedFindings();
      assertThat(findings.get(0).message()).contains("boolean");
      assertThat(findings.get(0).fix().changes())
          .containsExactly(new Fix.Quote(List.of("services", "web", "restart")));
      assertThat(findings.get(1).message()).contains("1342");
      assertThat(findings.get(1).fix().changes())
          .containsExactly(new Fix.Quote(List.of("services", "web", "ports", "[0]")));
      assertThat(findings.get(3).message()).contains("octal (288)").contains("0o440");
      assertThat(findings.get(3).fix()).isNull();
    }

    /**
     * A boolean field spelled the YAML 1.1 way is a boolean to Compose v2 too, which reads it with a warning: one
     * low finding that says how to write it, not an ambiguity that says to quote it.
     */
    @Test
    void aBooleanFieldSpelledYesIsABooleanSpellingNotAnAmbiguity() {
      List<Finding> findings = RuleTester.of(new BooleanSpelling(), new Yaml11Ambiguity())
          .file("compose.yaml", """
              services:
                web:
                  image: nginx:1.27
                  read_only: yes            # expect: boolean-spelling
                  tty: "on"                 # expect: boolean-spelling
                  init: Off                 # expect: boolean-spelling
                  privileged: ${PRIV:-no}   # expect: boolean-spelling
                  stdin_open: true
                  environment:
                    A: yes                  # expect: yaml-1.1-ambiguity
              networks:
                back:
                  internal: n               # expect: boolean-spelling
              """)
          .expectMarkedFindings();
      assertThat(findings).filteredOn(f -> f.ruleId().equals("boolean-spelling")).allSatisfy(f -> {
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.message()).contains("with a warning");
      });
      assertThat(findings.get(0).fix().changes())
          .containsExactly(new Fix.Set(List.of("services", "web", "read_only"), true));
      assertThat(findings.get(2).fix().changes())
          .containsExactly(new Fix.Set(List.of("services", "web", "init"), false));
      assertThat(findings.get(3).message()).as("the variable's default").contains("\"no\" is read as false");
      assertThat(findings.get(3).fix()).as("the fix belongs in the variable").isNull();
      assertThat(findings.get(5).fix().changes())
          .containsExactly(new Fix.Set(List.of("networks", "back", "internal"), false));
    }

    /**
     * A tag says the type to every reader ({@code !!str no}), or the value is not the text ({@code !!binary eWVz} is
     * "yes"): nothing is left to guess, and quoting the text in front of a {@code !!binary} tag would break it.
     */
    @Test
    void taggedValuesAreNotAmbiguous() {
      RuleTester.of(new Yaml11Ambiguity())
          .file("compose.yaml", """
              services:
                web:
                  image: nginx:1.27
                  environment:
                    A: !!str no
                    B: !!binary eWVz
                    C: !local on
                    D: off   # expect: yaml-1.1-ambiguity
              """)
          .expectMarkedFindings();
    }

    @Test
    void overrideFilesAreCheckedToo() {
      RuleTester.of(new Yaml11Ambiguity())
          .file("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n")
          .file("override.yaml", "services:\n  web:\n    tty: yes   # expect: yaml-1.1-ambiguity\n".replace("tty", "environment:\n      A"))
          .expectMarkedFindings();
    }
  }

  @Nested
  class LoadWarnings {
    @Test
    void unsetVariablesArePositionedAtTheDollar() {
      List<Finding> findings = RuleTester.of(new UnsetVariable())
          .file("compose.yaml", """
              services:
                web:
                  image: nginx:${TAG}   # expect: unset-variable
                  environment:
                    A: ${A:-fallback}
              """)
          .expectMarkedFindings();
      assertThat(findings.get(0).at().column()).isEqualTo(18);
    }

    @Test
    void unsetVariablesInBlockQuotedAndFoldedScalarsArePositionedAtTheirDollar() {
      List<Finding> findings = RuleTester.of(new UnsetVariable())
          .file("compose.yaml", """
              services:
                init:
                  image: busybox:1.36
                  command:
                    - -c
                    - |
                      if [[ -z "${AIRFLOW_UID}" ]]; then   # expect: unset-variable
                        echo $$HOME
                      fi
                  environment:
                    GREETING: "hello \\
                      ${NAME}"   # expect: unset-variable
                    FOLDED: >
                      one
                      two ${TWO}   # expect: unset-variable
              """)
          .expectMarkedFindings();
      assertThat(findings).extracting(f -> f.at().line() + ":" + f.at().column() + "-" + f.at().endColumn())
          .containsExactly("7:19-33", "12:9-16", "15:13-19");
    }

    @Test
    void interpolationErrorsInABlockScalarArePositionedAtTheirDollar() {
      List<Finding> findings = RuleTester.of(new InvalidInterpolation())
          .file("compose.yaml", """
              services:
                web:
                  image: nginx:1.27
                  command: |
                    echo starting
                    echo ${NAME:?is required}   # expect: invalid-interpolation
              """)
          .expectMarkedFindings();
      assertThat(findings.get(0).at().column()).isEqualTo(12);
    }

    @Test
    void obsoleteVersionCarriesItsRemoval() {
      List<Finding> findings = RuleTester.of(new ObsoleteVersion())
          .file("compose.yaml", """
              version: "3.8"   # expect: obsolete-version
              services:
                web:
                  image: nginx:1.27
              """)
          .expectMarkedFindings();
      assertThat(findings.get(0).fix().changes()).containsExactly(new Fix.Remove(List.of("version")));
    }
  }

  /**
   * With build and image both, Compose pulls first unless pull_policy says build or never: an official image the
   * registry has is pulled and run, and the service's own Dockerfile is never built.
   */
  @Nested
  class BuildImagePulledTest {
    @Test
    void anOfficialImageBesideBuildIsPulledUnderEveryPullingPolicy() {
      List<Finding> findings = RuleTester.of(new BuildImagePulled())
          .file("compose.yaml", """
              services:
                web:
                  build: .
                  image: nginx:1.25                      # expect: build-image-pulled
                db:
                  build: ./db
                  image: postgres:16                     # expect: build-image-pulled
                  pull_policy: missing
                cache:
                  build: {context: ./cache}
                  image: docker.io/library/redis:7       # expect: build-image-pulled
                  pull_policy: always
                queue:
                  image: rabbitmq                        # expect: build-image-pulled
                  build: .
                  pull_policy: every_12h
                sql:
                  build: .
                  image: docker.io/mariadb:11            # expect: build-image-pulled
                  pull_policy: if_not_present
                search:
                  build: .
                  image: elasticsearch:8.15.0            # expect: build-image-pulled
                  pull_policy: daily
              """)
          .expectMarkedFindings();
      Finding web = findings.stream().filter(f -> f.service().equals("web")).findFirst().orElseThrow();
      assertThat(web.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(web.at().line()).isEqualTo(4);
      assertThat(web.at().column()).as("the image value").isEqualTo(12);
      assertThat(web.message()).contains("image: nginx:1.25 is Docker Hub's official nginx image")
          .contains("no pull_policy").contains("Dockerfile is never built").contains("set pull_policy: build")
          .contains("test-web");
      assertThat(web.fix().safety()).as("it runs the build instead of the pulled image")
          .isEqualTo(Fix.Safety.BEHAVIOUR_CHANGING);
      assertThat(web.fix().changes())
          .containsExactly(new Fix.Set(List.of("services", "web", "pull_policy"), "build"));
      Finding cache = findings.stream().filter(f -> f.service().equals("cache")).findFirst().orElseThrow();
      assertThat(cache.message()).contains("official redis image").contains("pull_policy: always");
      assertThat(cache.fix().changes())
          .containsExactly(new Fix.Set(List.of("services", "cache", "pull_policy"), "build"));
    }

    @Test
    void aBuildThatCountsOrAProjectsOwnNameIsNotReported() {
      RuleTester.of(new BuildImagePulled())
          .file("compose.yaml", """
              services:
                built:
                  build: .
                  image: nginx:1.25
                  pull_policy: build
                cached:
                  build: .
                  image: postgres:16
                  pull_policy: never
                own:
                  build: .
                  image: myorg/app:1
                registry:
                  build: .
                  image: registry.example.com/app
                local:
                  build: .
                  image: myapp:dev
                organisation:
                  build: .
                  image: bitnami/redis:7
                mirror:
                  build: .
                  image: registry.example.com/nginx:1.25
                pulled:
                  image: nginx:1.27
                named:
                  build: .
              """)
          .expectNoFindings();
    }

    @Test
    void theImageIsReportedWhereItIsWrittenThroughOverrideAndExtendsFiles() {
      List<Finding> findings = RuleTester.of(new BuildImagePulled())
          .extraFile("base.yaml", """
              services:
                cache:
                  image: "redis:7.4"   # expect: build-image-pulled
              """)
          .file("compose.yaml", """
              services:
                web:
                  build: .
                worker:
                  extends: {file: base.yaml, service: cache}
                  build: ./worker
              """)
          .file("compose.override.yaml", """
              services:
                web:
                  image: nginx:1.25   # expect: build-image-pulled
              """)
          .expectMarkedFindings();
      Finding worker = findings.stream().filter(f -> f.service().equals("worker")).findFirst().orElseThrow();
      assertThat(worker.at().file()).endsWith("base.yaml");
      assertThat(worker.at().column()).as("the quoted value").isEqualTo(12);
    }
  }
}
