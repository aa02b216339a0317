package dev.lashing.rules.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Policy;
import dev.lashing.lint.Severity;
import dev.lashing.rules.testing.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthcheckDisabledTest {

  @Test
  void reportsDisableAndNoneTests() {
    RuleTester.of(new HealthcheckDisabled())
        .file("compose.yaml", """
            services:
              flagged:
                image: nginx:1.27
                healthcheck:
                  disable: true        # expect: healthcheck-disabled
              none:
                image: nginx:1.27
                healthcheck:
                  test: ["NONE"]       # expect: healthcheck-disabled
              enabled:
                image: nginx:1.27
                healthcheck:
                  disable: false
                  test: ["CMD", "true"]
              absent:
                image: nginx:1.27
              job:
                image: ghcr.io/acme/app:1.0.0
                healthcheck:
                  disable: true
              app:
                image: ghcr.io/acme/app:1.0.0
                depends_on:
                  job:
                    condition: service_completed_successfully
            """)
        .expectMarkedFindings()
        .forEach(f -> assertThat(f.message()).contains("is disabled"));
  }

  @Test
  void followsAnchorsExtendsOverridesAndVariables() {
    RuleTester.of(new HealthcheckDisabled())
        .policy(Policy.PRODUCTION)
        .file("compose.yaml", """
            x-off: &off
              disable: true            # expect: healthcheck-disabled
            services:
              anchored:
                image: nginx:1.27
                healthcheck: *off
              inherited:
                extends:
                  file: base.yaml
                  service: base
              overridden:
                image: nginx:1.27
                healthcheck:
                  test: ["CMD", "true"]
              variable:
                image: nginx:1.27
                healthcheck:
                  disable: ${NO_HEALTH:-false}
            """)
        .extraFile("base.yaml", """
            services:
              base:
                image: nginx:1.27
                healthcheck:
                  test: ["NONE"]       # expect: healthcheck-disabled
            """)
        .file("compose.override.yaml", """
            services:
              overridden:
                healthcheck:
                  disable: true        # expect: healthcheck-disabled
            """)
        .environment(Map.of())
        .expectMarkedFindings()
        .forEach(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
  }
}
