package dev.lashing.rules.correctness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Policy;
import dev.lashing.rules.resources.RestartPolicy;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
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
}
