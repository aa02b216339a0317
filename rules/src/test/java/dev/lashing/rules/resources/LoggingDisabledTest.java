package dev.lashing.rules.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Policy;
import dev.lashing.lint.Severity;
import dev.lashing.rules.testing.RuleTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingDisabledTest {

  @Test
  void reportsTheNoneDriver() {
    RuleTester.of(new LoggingDisabled())
        .file("compose.yaml", """
            services:
              silent:
                image: nginx:1.27
                logging:
                  driver: none         # expect: logging-disabled
              json:
                image: nginx:1.27
                logging:
                  driver: json-file
              bare:
                image: nginx:1.27
            """)
        .expectMarkedFindings()
        .forEach(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void followsAnchorsExtendsOverridesAndVariables() {
    RuleTester.of(new LoggingDisabled())
        .policy(Policy.PRODUCTION)
        .file("compose.yaml", """
            x-quiet: &quiet
              driver: none             # expect: logging-disabled
            services:
              anchored:
                image: nginx:1.27
                logging: *quiet
              inherited:
                extends:
                  file: base.yaml
                  service: base
              variable:
                image: nginx:1.27
                logging:
                  driver: ${LOG_DRIVER:-none}   # expect: logging-disabled
              overridden:
                image: nginx:1.27
                logging:
                  driver: none
            """)
        .extraFile("base.yaml", """
            services:
              base:
                image: nginx:1.27
                logging:
                  driver: none         # expect: logging-disabled
            """)
        .file("compose.override.yaml", """
            services:
              overridden:
                logging:
                  driver: journald
            """)
        .environment(Map.of())
        .expectMarkedFindings()
        .forEach(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
  }
}
