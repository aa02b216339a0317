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

class MemoryLimitTest {

  @Test
  void reportsMissingAndUnlimitedMemory() {
    RuleTester.of(new MemoryLimit())
        .file("compose.yaml", """
            services:
              bare:                   # expect: memory-limit
                image: nginx:1.27
              legacy:
                image: nginx:1.27
                mem_limit: 512m
              deployed:
                image: nginx:1.27
                deploy:
                  resources:
                    limits:
                      memory: 1g
              unlimited:
                image: nginx:1.27
                mem_limit: 0           # expect: memory-limit
              refused:
                image: nginx:1.27
                mem_limit: -1          # the engine refuses it: invalid-value's
              zero:
                image: nginx:1.27
                deploy:
                  resources:
                    limits:
                      memory: "0"      # expect: memory-limit
                    reservations:
                      memory: 128m
              model:
                provider:
                  type: model
                  options:
                    model: ai/smollm2
            """)
        .expectMarkedFindings();
  }

  @Test
  void fixSetsLimitAndHalfReservationByImageClass() {
    List<Finding> findings = RuleTester.of(new MemoryLimit())
        .file("compose.yaml", """
            services:
              db:                     # expect: memory-limit
                image: postgres:16.4
              cache:
                image: bitnami/redis:7.4
                mem_limit: 0           # expect: memory-limit
              store:                  # expect: memory-limit
                image: quay.io/minio/minio:RELEASE.2024-10-13T13-34-11Z
              big:                    # expect: memory-limit
                image: postgres:16.4
                mem_reservation: 3g
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).contains("for example 2g, the default for a database");
    assertThat(findings.get(0).fix()).isEqualTo(new Fix("limit memory to 2g", Fix.Safety.BEHAVIOUR_CHANGING, List.of(
        new Fix.Set(List.of("services", "db", "deploy", "resources", "limits", "memory"), "2g"),
        new Fix.Set(List.of("services", "db", "deploy", "resources", "reservations", "memory"), "1g"))));
    assertThat(findings.get(1).message()).contains("memory limit 0, which means none");
    assertThat(findings.get(1).fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "cache", "mem_limit"), "512m"),
        new Fix.Set(List.of("services", "cache", "mem_reservation"), "256m"));
    assertThat(findings.get(2).fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "store", "deploy", "resources", "limits", "memory"), "1g"),
        new Fix.Set(List.of("services", "store", "deploy", "resources", "reservations", "memory"), "512m"));
    assertThat(findings.get(3).message()).contains("for example 3g, its reservation");
    assertThat(findings.get(3).fix()).isEqualTo(new Fix("limit memory to 3g, its reservation",
        Fix.Safety.BEHAVIOUR_CHANGING,
        List.of(new Fix.Set(List.of("services", "big", "deploy", "resources", "limits", "memory"), "3g"))));
  }

  @Test
  void optionsOverrideTheClassDefaults() {
    Finding finding = RuleTester.of(new MemoryLimit())
        .options(Map.of("database", "4g", "other", "256m"))
        .file("compose.yaml", """
            services:
              db:                     # expect: memory-limit
                image: mariadb:11.4
            """)
        .expectMarkedFindings().get(0);
    assertThat(finding.fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "db", "deploy", "resources", "limits", "memory"), "4g"),
        new Fix.Set(List.of("services", "db", "deploy", "resources", "reservations", "memory"), "2g"));
  }

  /** Half of the least limit the engine takes is less than it takes for a reservation: the reservation is that. */
  @Test
  void theReservationIsNeverBelowTheEnginesMinimum() {
    Finding finding = RuleTester.of(new MemoryLimit())
        .options(Map.of("other", "8m"))
        .file("compose.yaml", """
            services:
              job:                    # expect: memory-limit
                image: example/job:1
            """)
        .expectMarkedFindings().get(0);
    assertThat(finding.fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "job", "deploy", "resources", "limits", "memory"), "8m"),
        new Fix.Set(List.of("services", "job", "deploy", "resources", "reservations", "memory"), "6m"));
  }

  @Test
  void followsAnchorsExtendsOverridesAndVariables() {
    RuleTester.of(new MemoryLimit())
        .policy(Policy.PRODUCTION)
        .file("compose.yaml", """
            x-limits: &limits
              deploy:
                resources:
                  limits:
                    memory: 256m
            services:
              anchored:
                <<: *limits
                image: nginx:1.27
              inherited:
                extends:
                  file: base.yaml
                  service: base
              overridden:
                image: nginx:1.27
                mem_limit: 1g
              variable:
                image: nginx:1.27
                mem_limit: ${MEMORY:-0}
            """)
        .extraFile("base.yaml", """
            services:
              base:
                image: nginx:1.27
                mem_limit: 300m
            """)
        .file("compose.override.yaml", """
            services:
              overridden:
                mem_limit: 0           # expect: memory-limit
            """)
        .environment(Map.of("MEMORY", "64m"))
        .expectMarkedFindings()
        .forEach(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void isLowUnderDevelopment() {
    assertThat(RuleTester.of(new MemoryLimit())
        .policy(Policy.DEVELOPMENT)
        .file("compose.yaml", """
            services:
              web:                    # expect: memory-limit
                image: nginx:1.27
            """)
        .expectMarkedFindings().get(0).severity()).isEqualTo(Severity.LOW);
  }
}
