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

class CpuLimitTest {

  @Test
  void acceptsEveryFormOfCpuBound() {
    RuleTester.of(new CpuLimit())
        .file("compose.yaml", """
            services:
              bare:                   # expect: cpu-limit
                image: nginx:1.27
              legacy:
                image: nginx:1.27
                cpus: 0.5
              deployed:
                image: nginx:1.27
                deploy:
                  resources:
                    limits:
                      cpus: "1.5"
              quota:
                image: nginx:1.27
                cpu_period: 100000
                cpu_quota: 50000
              pinned:
                image: nginx:1.27
                cpuset: "0,1"
              weighted:               # expect: cpu-limit
                image: nginx:1.27
                cpu_shares: 512
              zero:
                image: nginx:1.27
                cpus: 0                # expect: cpu-limit
            """)
        .expectMarkedFindings();
  }

  @Test
  void fixSetsLimitWhereTheServiceWritesIt() {
    List<Finding> findings = RuleTester.of(new CpuLimit())
        .file("compose.yaml", """
            services:
              db:                     # expect: cpu-limit
                image: postgres:16.4
                cpu_shares: 1024
              web:
                image: nginx:1.27
                cpus: 0                # expect: cpu-limit
              worker:                 # expect: cpu-limit
                image: ghcr.io/acme/worker:1.0.0
                deploy:
                  resources:
                    reservations:
                      cpus: "0.1"
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).contains("cpu_shares only sets a relative weight")
        .contains("for example 1.0, the default for a database");
    assertThat(findings.get(2).message()).endsWith("(for example 0.5)");
    assertThat(findings.get(0).fix()).isEqualTo(new Fix("limit CPU to 1.0", Fix.Safety.BEHAVIOUR_CHANGING, List.of(
        new Fix.Set(List.of("services", "db", "deploy", "resources", "limits", "cpus"), 1.0),
        new Fix.Set(List.of("services", "db", "deploy", "resources", "reservations", "cpus"), 0.5))));
    assertThat(findings.get(1).message()).contains("CPU limit 0.0, which means none");
    assertThat(findings.get(1).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "web", "cpus"), 0.5));
    assertThat(findings.get(2).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "worker", "deploy", "resources", "limits", "cpus"), 0.5));
  }

  @Test
  void aServiceWithLegacyLimitsGetsItsCpuLimitInThatForm() {
    Finding finding = RuleTester.of(new CpuLimit())
        .file("compose.yaml", """
            version: "2.4"
            services:
              web:                    # expect: cpu-limit
                image: nginx:1.27
                mem_limit: 512m
            """)
        .expectMarkedFindings().get(0);
    assertThat(finding.fix().changes()).containsExactly(new Fix.Set(List.of("services", "web", "cpus"), 0.5));
  }

  /** The fix never proposes a limit below the CPUs the service reserves: it proposes the reservation instead. */
  @Test
  void theLimitIsNeverBelowTheReservation() {
    List<Finding> findings = RuleTester.of(new CpuLimit())
        .file("compose.yaml", """
            services:
              db:                     # expect: cpu-limit
                image: postgres:16.2
                deploy:
                  resources:
                    reservations: {memory: 4G, cpus: "4"}
              small:                  # expect: cpu-limit
                image: postgres:16.2
                deploy:
                  resources:
                    reservations: {cpus: "0.25"}
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).endsWith("(for example 4.0, its reservation)");
    assertThat(findings.get(0).fix()).isEqualTo(new Fix("limit CPU to 4.0, its reservation",
        Fix.Safety.BEHAVIOUR_CHANGING,
        List.of(new Fix.Set(List.of("services", "db", "deploy", "resources", "limits", "cpus"), 4.0))));
    assertThat(findings.get(1).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "small", "deploy", "resources", "limits", "cpus"), 1.0));
  }

  /**
   * Compose refuses a deploy reservations mapping beside a mem_reservation it does not repeat, and a limits mapping
   * beside a mem_limit it does not repeat: the fix adds neither.
   */
  @Test
  void theFixAddsNoDeployMappingThatALegacyValueContradicts() {
    List<Finding> findings = RuleTester.of(new CpuLimit())
        .file("compose.yaml", """
            services:
              reserved:               # expect: cpu-limit
                image: postgres:16.2
                mem_reservation: 4g
                cpu_shares: 512
              limited:                # expect: cpu-limit
                image: postgres:16.2
                mem_limit: 1g
                deploy:
                  resources:
                    reservations: {cpus: "0.5"}
              both:                   # expect: cpu-limit
                image: postgres:16.2
                mem_reservation: 1g
                deploy:
                  resources:
                    reservations: {memory: 1g}
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "reserved", "deploy", "resources", "limits", "cpus"), 1.0));
    assertThat(findings.get(1).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "limited", "cpus"), 1.0));
    assertThat(findings.get(2).fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "both", "deploy", "resources", "limits", "cpus"), 1.0),
        new Fix.Set(List.of("services", "both", "deploy", "resources", "reservations", "cpus"), 0.5));
  }

  @Test
  void optionsOverrideTheClassDefaults() {
    Finding finding = RuleTester.of(new CpuLimit())
        .options(Map.of("gateway", "2"))
        .file("compose.yaml", """
            services:
              proxy:                  # expect: cpu-limit
                image: traefik:v3.1
            """)
        .expectMarkedFindings().get(0);
    assertThat(finding.fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "proxy", "deploy", "resources", "limits", "cpus"), 2.0),
        new Fix.Set(List.of("services", "proxy", "deploy", "resources", "reservations", "cpus"), 1.0));
  }

  @Test
  void followsAnchorsExtendsOverridesAndVariables() {
    RuleTester.of(new CpuLimit())
        .policy(Policy.PRODUCTION)
        .file("compose.yaml", """
            x-cpu: &cpu
              cpus: 0.25
            services:
              anchored:
                <<: *cpu
                image: nginx:1.27
              inherited:
                extends:
                  file: base.yaml
                  service: base
              variable:
                image: nginx:1.27
                cpus: ${CPUS}
            """)
        .extraFile("base.yaml", """
            services:
              base:
                image: nginx:1.27
                cpus: 0                # expect: cpu-limit
            """)
        .file("compose.override.yaml", """
            services:
              added:                  # expect: cpu-limit
                image: nginx:1.27
            """)
        .environment(Map.of("CPUS", "0.75"))
        .expectMarkedFindings()
        .forEach(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
  }
}
