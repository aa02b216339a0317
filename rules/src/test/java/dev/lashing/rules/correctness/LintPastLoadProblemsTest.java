package dev.lashing.rules.correctness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.network.PortAllInterfaces;
import dev.lashing.rules.resources.DependsOnHealthy;
import dev.lashing.rules.resources.MemoryLimit;
import dev.lashing.rules.security.DockerSocket;
import dev.lashing.rules.security.HostNetwork;
import dev.lashing.rules.security.NonRootUser;
import dev.lashing.rules.security.Privileged;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A project Compose refuses is linted anyway: each load problem is reported where Compose reports it, every
 * rule runs on the rest of the project beside it, and no rule reports the same problem a second time. Each
 * kind of load problem is shown across an {@code include}, a cross-file {@code extends} and an override file.
 */
class LintPastLoadProblemsTest {

  /** The load-problem rules, and a few rules that find something in the files below. */
  private static RuleTester tester() {
    return RuleTester.of(new UndefinedReference(), new DependencyCycle(), new ConflictingLimits(), new Schema(),
        new InvalidValue(), new YamlSyntax(), new MissingFile(), new Privileged(), new PortAllInterfaces(),
        new DuplicateContainerName(), new DockerSocket(), new HostNetwork());
  }

  private static final String INCLUDED = """
      services:
        worker:
          image: worker:1
          container_name: app
          networks: [backend]    # expect: undefined-reference
          ports: ["5432:5432"]   # expect: port-all-interfaces
      """;

  @Test
  void undefinedNetworkOfAnIncludedFile() {
    tester()
        .file("compose.yaml", """
            include:
              - extra.yaml
            services:
              web:
                image: nginx:1.27
                privileged: true        # expect: privileged
                container_name: app     # expect: duplicate-container-name
            """)
        .extraFile("extra.yaml", INCLUDED)
        .expectMarkedFindings();
  }

  @Test
  void undefinedVolumeSecretConfigAndServiceOfAnExtendsBase() {
    List<Finding> findings = tester()
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                extends:
                  file: base.yaml   # expect: undefined-reference, undefined-reference, undefined-reference, undefined-reference
                  service: base
                volumes:
                  - /var/run/docker.sock:/var/run/docker.sock   # expect: docker-socket
            """)
        .extraFile("base.yaml", """
            services:
              base:
                volumes: [data:/data]
                secrets: [token]
                configs: [settings]
                depends_on: [ghost]
                privileged: true   # expect: privileged
            """)
        .expectMarkedFindings();
    assertThat(findings).extracting(Finding::message).contains(
        "service \"web\" refers to undefined volume data", "service \"web\" refers to undefined secret token",
        "service \"web\" refers to undefined config settings", "service \"web\" depends on undefined service \"ghost\"");
  }

  @Test
  void dependencyCycleClosedByAnOverrideFile() {
    List<Finding> findings = RuleTester.of(new DependencyCycle(), new DependsOnHealthy(), new Privileged())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                depends_on: [api]   # expect: depends-on-healthy
              api:
                image: api:1
                healthcheck: {test: ["CMD", "true"]}
                privileged: true   # expect: privileged
            """)
        .file("compose.override.yaml", """
            services:
              api:
                depends_on:
                  web: {condition: service_started}   # expect: dependency-cycle
            """)
        .expectMarkedFindings();
    assertThat(findings).filteredOn(f -> f.ruleId().equals("dependency-cycle")).extracting(Finding::message)
        .containsExactly("dependency cycle detected: web -> api -> web");
  }

  @Test
  void conflictingLimitsOfAnExtendsBaseLeaveTheDeployLimit() {
    RuleTester.of(new ConflictingLimits(), new MemoryLimit(), new Privileged())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                extends: {file: base.yaml, service: base}   # expect: conflicting-limits
              api:   # expect: memory-limit
                image: api:1
                privileged: true   # expect: privileged
            """)
        .extraFile("base.yaml", """
            services:
              base:
                mem_limit: 1g
                deploy: {resources: {limits: {memory: 2g}}}
            """)
        .expectMarkedFindings();
  }

  @Test
  void networksBesideNetworkModeInAnOverrideFile() {
    RuleTester.of(new ConflictingLimits(), new UndefinedReference(), new HostNetwork(), new Privileged())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                privileged: true   # expect: privileged
            """)
        .file("compose.override.yaml", """
            services:
              web:
                network_mode: host   # expect: host-network
                networks: [front]    # expect: conflicting-limits, undefined-reference
            """)
        .expectMarkedFindings();
  }

  @Test
  void scaledContainerNameKeepsTheNameForTheDuplicateNameRule() {
    RuleTester.of(new ConflictingLimits(), new DuplicateContainerName(), new DockerSocket())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                container_name: web   # expect: conflicting-limits
                scale: 3
                volumes:
                  - /var/run/docker.sock:/var/run/docker.sock:ro   # expect: docker-socket
            """)
        .file("compose.override.yaml", """
            services:
              api:
                image: api:1
                container_name: web   # expect: duplicate-container-name
            """)
        .expectMarkedFindings();
  }

  @Test
  void schemaProblemInOneServiceLeavesOutOnlyThatValue() {
    RuleTester.of(new Schema(), new InvalidValue(), new Privileged(), new PortAllInterfaces())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                privileged: true   # expect: privileged
                ports:
                  - "8080:80"      # expect: port-all-interfaces
                  - {target: "eighty"}   # expect: invalid-value
                imgae: typo        # expect: schema
              broken: just a string   # expect: schema
            """)
        .file("compose.override.yaml", """
            services:
              api:
                image: api:1
                privileged: true   # expect: privileged
                restart: 42        # expect: schema
            """)
        .expectMarkedFindings();
  }

  @Test
  void aFileWhoseYamlCannotBeReadIsLeftOutAndTheOthersAreLinted() {
    RuleTester.of(new YamlSyntax(), new Privileged(), new UndefinedReference())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                privileged: true   # expect: privileged
                networks: [ghost]  # expect: undefined-reference
            """)
        .file("compose.override.yaml", """
            services:
              web:
                image: nginx: 1.27   # expect: yaml-syntax
            """)
        .expectMarkedFindings();
  }

  @Test
  void aMissingExtendsBaseIsReportedOnceNotAsAServiceWithoutImage() {
    RuleTester.of(new MissingFile(), new InvalidValue(), new Privileged())
        .file("compose.yaml", """
            services:
              web:
                extends: {file: gone.yaml, service: base}   # expect: missing-file
                privileged: true   # expect: privileged
            """)
        .expectMarkedFindings();
  }

  /**
   * A key written twice does not hide the rest of the project: every duplicate is reported at its second key, in
   * the file it is written in (an included file, an override file, an extends base), and every rule runs on the
   * rest, each mapping holding the first of the two values. A key a merge brings and the mapping sets again is no
   * duplicate.
   */
  @Test
  void duplicateKeysAreEachReportedAndTheRestOfTheProjectIsLinted() {
    List<Finding> findings = RuleTester.of(new DuplicateKey(), new Privileged(), new DockerSocket(),
            new NonRootUser(), new Schema(), new UndefinedReference())
        .file("compose.yaml", """
            include:
              - extra.yaml
            x-base: &base
              image: app:1
              user: "1000:1000"
              user: "1001:1001"   # expect: duplicate-key
            services:
              web:
                image: nginx:1.25
                privileged: true   # expect: privileged
                volumes:
                  - /var/run/docker.sock:/var/run/docker.sock   # expect: docker-socket
              db:
                image: postgres:16
                user: root         # expect: non-root-user
                user: "999:999"    # expect: duplicate-key
                imgae: typo        # expect: schema
              app:
                <<: *base
                user: "1002:1002"
                networks: [ghost]  # expect: undefined-reference
              api:
                <<: *base
                extends: {file: base.yaml, service: base}
            """)
        .extraFile("extra.yaml", """
            services:
              worker:
                image: worker:1
                user: "1000:1000"
                privileged: true   # expect: privileged
                privileged: false  # expect: duplicate-key
            """)
        .extraFile("base.yaml", """
            services:
              base:
                cap_add: [NET_ADMIN]
                cap_add: [SYS_ADMIN]   # expect: duplicate-key
            """)
        .file("compose.override.yaml", """
            services:
              web:
                user: "1000:1000"
              web:   # expect: duplicate-key
                user: root
            """)
        .expectMarkedFindings();
    assertThat(findings).filteredOn(f -> f.ruleId().equals("duplicate-key"))
        .extracting(f -> f.at().file() + ":" + f.at().line() + ":" + f.at().column() + ": " + f.message())
        .containsExactlyInAnyOrder(
            "compose.yaml:6:3: mapping key \"user\" already defined at line 5",
            "compose.yaml:16:5: mapping key \"user\" already defined at line 15",
            "extra.yaml:6:5: mapping key \"privileged\" already defined at line 5",
            "base.yaml:4:5: mapping key \"cap_add\" already defined at line 3",
            "compose.override.yaml:4:3: mapping key \"web\" already defined at line 2");
  }

  /**
   * A key that is not a string and a tag that does not hold for its value do not hide the rest of the project: each
   * is reported at the key or the tag, in the file it is written in, its entry left out, and every rule runs on the
   * rest.
   */
  @Test
  void refusedKeysAndTagsAreEachReportedAndTheRestOfTheProjectIsLinted() {
    tester()
        .file("compose.yaml", """
            include:
              - extra.yaml
            services:
              web:
                image: nginx:1.25
                privileged: true   # expect: privileged
                labels:
                  1.5: x           # expect: yaml-syntax
                  ok: y
              db:
                image: postgres:16
                user: !!int root   # expect: yaml-syntax
                restart: 42        # expect: schema
            """)
        .extraFile("extra.yaml", """
            services:
              worker:
                image: worker:1
                network_mode: host   # expect: host-network
                labels:
                  ? [a, b]           # expect: yaml-syntax
                  : c
            """)
        .expectMarkedFindings();
  }
}
