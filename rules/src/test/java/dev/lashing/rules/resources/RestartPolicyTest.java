package dev.lashing.rules.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Severity;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.ParameterizedTest;

class RestartPolicyTest {
  private static final String MARKED = "   # expect: restart-policy";
  private static final String SERVICES = """
      services:
        missing:%s
          image: nginx:1.27
        never:
          image: nginx:1.27
          restart: "no"%s
        always:
          image: nginx:1.27
          restart: always%s
        unless:
          image: nginx:1.27
          restart: unless-stopped%s
        capped:
          image: nginx:1.27
          restart: on-failure:3
        uncapped:
          image: nginx:1.27
          restart: on-failure    # expect: restart-policy
      """;

  @Test
  void defaultPolicyWantsServicesToComeBack() {
    RuleTester.of(new RestartPolicy())
        .file("compose.yaml", SERVICES.formatted(MARKED, MARKED, "", ""))
        .expectMarkedFindings();
  }

  @Test
  void productionPolicyWantsUnlessStoppedAtHighSeverity() {
    List<Finding> findings = RuleTester.of(new RestartPolicy())
        .policy(Policy.PRODUCTION)
        .file("compose.yaml", SERVICES.formatted(MARKED, MARKED, MARKED, ""))
        .expectMarkedFindings();
    findings.forEach(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    assertThat(findings).filteredOn(f -> f.service().equals("always")).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("restart: always").contains("unless-stopped");
      assertThat(f.fix().changes())
          .containsExactly(new Fix.Set(List.of("services", "always", "restart"), "unless-stopped"));
    });
    assertThat(findings).filteredOn(f -> f.service().equals("uncapped")).singleElement()
        .satisfies(f -> assertThat(f.fix().changes())
            .containsExactly(new Fix.Set(List.of("services", "uncapped", "restart"), "unless-stopped")));
  }

  @Test
  void productionAcceptsAlwaysWhenTheOptionSaysSo() {
    RuleTester.of(new RestartPolicy())
        .policy(Policy.PRODUCTION)
        .options(Map.of("accept_always", true))
        .file("compose.yaml", SERVICES.formatted(MARKED, MARKED, "", ""))
        .expectMarkedFindings();
  }

  /**
   * docker-elk's setup job resets the built-in users' passwords each time it runs: unless-stopped would run it again
   * after every exit. A service whose name says it is a job is not asked for a restart policy, under any policy.
   */
  @ParameterizedTest
  @EnumSource(value = Policy.class, names = {"DEFAULT", "PRODUCTION"})
  void aServiceNamedAsAJobIsNotAskedForARestartPolicy(Policy policy) {
    RuleTester.of(new RestartPolicy())
        .policy(policy)
        .file("compose.yaml", """
            services:
              app:                 # expect: restart-policy
                image: example/app:1
              migrator:
                image: example/app:1
                command: [python, manage.py, migrate]
              setup:
                image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0
              db-init:
                image: postgres:16.4
                restart: "no"
            """)
        .expectMarkedFindings();
  }

  @Test
  void productionReplacesDeployRestartPolicyAnyWithUnlessStopped() {
    List<Finding> findings = RuleTester.of(new RestartPolicy())
        .policy(Policy.PRODUCTION)
        .file("compose.yaml", """
            services:
              api:
                image: makeplane/plane-backend:v0.24.1
                deploy:
                  replicas: 1
                  restart_policy:
                    condition: any       # expect: restart-policy
              migrator:
                image: makeplane/plane-backend:v0.24.1
                deploy:
                  restart_policy:
                    condition: on-failure
                    max_attempts: 3
              db-init:
                image: makeplane/plane-backend:v0.24.1
                restart: always
              worker:
                image: makeplane/plane-backend:v0.24.1
                depends_on:
                  migrator:
                    condition: service_completed_successfully
                deploy:
                  restart_policy:
                    condition: none      # expect: restart-policy
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).contains("deploy.restart_policy condition any");
    assertThat(findings.get(0).fix().changes()).containsExactly(
        new Fix.Remove(List.of("services", "api", "deploy", "restart_policy")),
        new Fix.Set(List.of("services", "api", "restart"), "unless-stopped"));
    assertThat(findings.get(1).fix().changes()).as("deploy goes when nothing else is left in it").containsExactly(
        new Fix.Remove(List.of("services", "worker", "deploy")),
        new Fix.Set(List.of("services", "worker", "restart"), "unless-stopped"));
  }

  @Test
  void developmentPolicyWantsNothingToStartByItself() {
    List<Finding> findings = RuleTester.of(new RestartPolicy())
        .policy(Policy.DEVELOPMENT)
        .file("compose.yaml", SERVICES.formatted("", "", MARKED, MARKED))
        .expectMarkedFindings();
    assertThat(findings.get(0).severity()).isEqualTo(Severity.LOW);
    assertThat(findings.get(0).fix()).isEqualTo(new Fix("set restart to no", Fix.Safety.SAFE,
        List.of(new Fix.Set(List.of("services", "always", "restart"), "no"))));
  }

  @Test
  void fixSetsThePolicyOrCapsRetries() {
    List<Finding> findings = RuleTester.of(new RestartPolicy())
        .file("compose.yaml", """
            services:
              web:                    # expect: restart-policy
                image: nginx:1.27
              worker:
                image: ghcr.io/acme/worker:1.0.0
                restart: on-failure:0  # expect: restart-policy
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).contains("has no restart policy");
    assertThat(findings.get(0).fix()).isEqualTo(new Fix("set restart to unless-stopped", Fix.Safety.SAFE,
        List.of(new Fix.Set(List.of("services", "web", "restart"), "unless-stopped"))));
    assertThat(findings.get(1).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "worker", "restart"), "on-failure:5"));
    assertThat(findings.get(1).fix().description())
        .isEqualTo("set restart to on-failure:5; after 5 failed restarts the service stays down");
    assertThat(findings.get(1).fix().safety()).isEqualTo(Fix.Safety.SAFE);
  }

  @Test
  void deployRestartPolicyWinsOverRestart() {
    List<Finding> findings = RuleTester.of(new RestartPolicy())
        .file("compose.yaml", """
            services:
              overridden:
                image: nginx:1.27
                restart: always
                deploy:
                  restart_policy:
                    condition: none    # expect: restart-policy
              rescued:
                image: nginx:1.27
                restart: "no"
                deploy:
                  restart_policy:
                    condition: any
              uncapped:
                image: nginx:1.27
                deploy:
                  restart_policy:
                    condition: on-failure   # expect: restart-policy
              conditionless:
                image: nginx:1.27
                deploy:
                  restart_policy:
                    delay: 5s          # expect: restart-policy
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message())
        .contains("deploy.restart_policy condition none, which overrides restart: always");
    assertThat(findings.get(0).fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "overridden", "deploy", "restart_policy", "condition"), "any"));
    assertThat(findings.get(1).fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "uncapped", "deploy", "restart_policy", "max_attempts"), 5L));
    assertThat(findings.get(1).fix().description()).isEqualTo(
        "set deploy.restart_policy.max_attempts to 5; after 5 failed restarts the service stays down");
    assertThat(findings.get(2).message()).contains("without a condition");
  }

  @Test
  void oneShotJobsMustNotBeRestartedAfterTheyComplete() {
    Finding finding = RuleTester.of(new RestartPolicy())
        .policy(Policy.PRODUCTION)
        .file("compose.yaml", """
            services:
              app:
                image: ghcr.io/acme/app:1.0.0
                restart: unless-stopped
                depends_on:
                  migrate:
                    condition: service_completed_successfully
                  seed:
                    condition: service_completed_successfully
              migrate:
                image: ghcr.io/acme/app:1.0.0
                restart: always          # expect: restart-policy
              seed:
                image: ghcr.io/acme/seed:1.0.0
            """)
        .expectMarkedFindings().get(0);
    assertThat(finding.message()).contains("runs once");
    assertThat(finding.fix().changes()).containsExactly(new Fix.Set(List.of("services", "migrate", "restart"), "no"));
  }

  @Test
  void followsAnchorsExtendsOverridesAndVariables() {
    RuleTester.of(new RestartPolicy())
        .file("compose.yaml", """
            x-defaults: &defaults
              restart: "no"            # expect: restart-policy, restart-policy
            services:
              a:
                <<: *defaults
                image: nginx:1.27
              b:
                <<: *defaults
                image: nginx:1.27
              c:
                extends:
                  file: base.yaml
                  service: c
              d:
                image: nginx:1.27
                restart: ${RESTART:-no}
              e:
                image: nginx:1.27
                restart: "no"
            """)
        .extraFile("base.yaml", """
            services:
              c:
                image: nginx:1.27
                restart: on-failure    # expect: restart-policy
            """)
        .file("compose.override.yaml", """
            services:
              e:
                restart: always
            """)
        .environment(Map.of("RESTART", "unless-stopped"))
        .expectMarkedFindings();
  }
}
