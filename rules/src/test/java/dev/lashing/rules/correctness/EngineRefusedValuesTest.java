package dev.lashing.rules.correctness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Policy;
import dev.lashing.rules.resources.RestartPolicy;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values Compose passes through but the Docker engine refuses when it creates the container are reported, where
 * they are written, by the rule that owns the attribute.
 */
class EngineRefusedValuesTest {

  @Test
  void anUnknownRestartPolicyIsReportedByRestartPolicyWithAFix() {
    List<Finding> findings = RuleTester.of(new RestartPolicy())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                restart: sometimes   # expect: restart-policy
              api:
                image: example/api:2
                restart: unless-stopped
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("web has restart: sometimes, which is no restart policy the"
        + " engine knows, so it refuses to create the container; use \"no\", always, on-failure:N or unless-stopped");
    assertThat(findings.get(0).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "web", "restart"), "unless-stopped"));
  }

  @Test
  void underDevelopmentTheFixStopsTheServiceFromStartingByItself() {
    List<Finding> findings = RuleTester.of(new RestartPolicy())
        .policy(Policy.DEVELOPMENT)
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                restart: on-crash   # expect: restart-policy
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "web", "restart"), "no"));
  }

  @Test
  void aStopSignalThatIsNoSignalIsReportedByInvalidValue() {
    RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              a: {image: "x:1", stop_signal: SIGTERM}
              b: {image: "x:1", stop_signal: quit}
              c: {image: "x:1", stop_signal: "9"}
              d: {image: "x:1", stop_signal: SIGRTMIN+3}
              e: {image: "x:1", stop_signal: SIGSTOPP}   # expect: invalid-value
              f: {image: "x:1", stop_signal: "65"}       # expect: invalid-value
              g: {image: "x:1", stop_signal: graceful}   # expect: invalid-value
            """)
        .expectMarkedFindings();
  }

  @Test
  void memoryAndCpuLimitsBelowTheEngineMinimumsAreReportedByInvalidValue() {
    List<Finding> findings = RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                mem_limit: 1m          # expect: invalid-value
                cpus: 0.001            # expect: invalid-value
              exact:
                image: nginx:1.27
                mem_limit: 6m
                mem_reservation: 6m
                memswap_limit: 6m
                cpus: 0.01
              deployed:
                image: nginx:1.27
                deploy:
                  resources:
                    limits:
                      memory: 5m       # expect: invalid-value
                      cpus: "0.005"    # expect: invalid-value
                    reservations:
                      memory: 1k       # expect: invalid-value
                      cpus: "0.001"
              legacyReservation:
                image: nginx:1.27
                mem_reservation: 2m    # expect: invalid-value
              none:
                image: nginx:1.27
                mem_limit: 0
                cpus: 0
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("mem_limit 1m of web is below the engine's minimum of 6m, so the"
        + " engine refuses to create the container (\"Minimum memory limit allowed is 6MB\"); raise it to at least 6m");
    assertThat(findings.get(0).at().column()).isEqualTo(16);
    assertThat(findings.get(1).message()).isEqualTo("cpus 0.001 of web is below the engine's minimum of 0.01 CPUs, so"
        + " the engine refuses to create the container (\"Range of CPUs is from 0.01 to N\"); raise it to at least"
        + " 0.01");
    assertThat(findings.get(2).message()).startsWith("deploy.resources.limits.memory 5m of deployed is below");
    assertThat(findings.get(4).message()).startsWith("deploy.resources.reservations.memory 1k of deployed")
        .contains("\"Minimum memory reservation allowed is 6MB\"");
  }

  @Test
  void aLimitBelowItsReservationOrASwapLimitBelowTheLimitIsReported() {
    List<Finding> findings = RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              under:
                image: x:1
                mem_limit: 64m         # expect: invalid-value
                mem_reservation: 128m
              deployedUnder:
                image: x:1
                deploy:
                  resources:
                    limits: {memory: 64m}          # expect: invalid-value
                    reservations: {memory: 1g}
              swap:
                image: x:1
                mem_limit: 64m
                memswap_limit: 32m     # expect: invalid-value
              swapOnly:
                image: x:1
                memswap_limit: 1g      # expect: invalid-value
              unlimitedSwap:
                image: x:1
                mem_limit: 64m
                memswap_limit: -1
              unsetSwap:
                image: x:1
                mem_limit: 64m
                memswap_limit: 0
              enoughSwap:
                image: x:1
                deploy: {resources: {limits: {memory: 64m}}}
                memswap_limit: 64m
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("mem_limit 64m of under is below under's memory reservation"
        + " mem_reservation 128m, so the engine refuses to create the container (\"Minimum memory limit can not be less"
        + " than memory reservation limit\"); raise the limit or lower the reservation");
    assertThat(findings.get(2).message()).contains("memswap_limit 32m of swap is below swap's memory limit mem_limit 64m")
        .contains("\"Minimum memoryswap limit should be larger than memory limit\"");
    assertThat(findings.get(3).message()).contains("memswap_limit 1g of swapOnly is set without a memory limit")
        .contains("\"You should always set the Memory limit when using Memoryswap limit\"");
  }

  @Test
  void engineLimitsAreReportedWhereTheyAreWrittenThroughAnchorsExtendsAndOverrides() {
    RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            x-small: &small 1m         # expect: invalid-value
            services:
              a:
                image: x:1
                mem_limit: *small
              b:
                extends: {file: base.yaml, service: b}
              c:
                image: x:1
                mem_limit: 1g
            """)
        .extraFile("base.yaml", """
            services:
              b:
                image: x:1
                cpus: 0.001            # expect: invalid-value
            """)
        .file("compose.override.yaml", """
            services:
              c:
                mem_reservation: 2m    # expect: invalid-value
            """)
        .expectMarkedFindings();
  }

  @Test
  void aLimitSetByAVariableIsJudgedByItsValue() {
    RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              a:
                image: x:1
                mem_limit: ${MEM}      # expect: invalid-value
              b:
                image: x:1
                mem_limit: ${MEM_OK}
            """)
        .environment(Map.of("MEM", "1m", "MEM_OK", "6m"))
        .expectMarkedFindings();
  }
}
