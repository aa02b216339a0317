package dev.lashing.rules.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Severity;
import dev.lashing.rules.testing.RuleTester;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogRotationTest {

  @Test
  void reportsJsonFileLogsWithoutSizeLimit() {
    RuleTester.of(new LogRotation())
        .file("compose.yaml", """
            services:
              bare:                   # expect: log-rotation
                image: nginx:1.27
              json:
                image: nginx:1.27
                logging:
                  driver: json-file    # expect: log-rotation
              onlyFiles:
                image: nginx:1.27
                logging:
                  options:             # expect: log-rotation
                    max-file: "5"
              unlimited:
                image: nginx:1.27
                logging:
                  options:
                    max-size: "-1"     # expect: log-rotation
              rotated:
                image: nginx:1.27
                logging:
                  driver: json-file
                  options:
                    max-size: 20m
              local:
                image: nginx:1.27
                logging:
                  driver: local
              shipped:
                image: nginx:1.27
                logging:
                  driver: syslog
              none:
                image: nginx:1.27
                logging:
                  driver: none
            """)
        .expectMarkedFindings();
  }

  @Test
  void fixAddsRotationOrTheMissingOptions() {
    List<Finding> findings = RuleTester.of(new LogRotation())
        .file("compose.yaml", """
            services:
              bare:                   # expect: log-rotation
                image: nginx:1.27
              json:
                image: nginx:1.27
                logging:
                  driver: json-file    # expect: log-rotation
                  options:
                    max-file: "5"
            """)
        .expectMarkedFindings();
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("max-size", "10m");
    options.put("max-file", "3");
    Map<String, Object> logging = new LinkedHashMap<>();
    logging.put("driver", "json-file");
    logging.put("options", options);
    assertThat(findings.get(0).fix()).isEqualTo(new Fix("set the json-file log driver, rotated at 10m (3 files): "
        + "where daemon.json sets another default driver (journald, gelf, fluentd, awslogs), this moves the service's "
        + "logs off it to local files", Fix.Safety.SAFE,
        List.of(new Fix.Set(List.of("services", "bare", "logging"), logging))));
    assertThat(findings.get(1).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "json", "logging", "options", "max-size"), "10m"));
    assertThat(findings.get(1).fix().description()).isEqualTo("rotate logs at 10m");
  }

  @Test
  void optionsChooseSizeAndFileCount() {
    Finding finding = RuleTester.of(new LogRotation())
        .options(Map.of("max_size", "50m", "max_file", 7))
        .file("compose.yaml", """
            services:
              json:
                image: nginx:1.27
                logging:
                  driver: json-file    # expect: log-rotation
            """)
        .expectMarkedFindings().get(0);
    assertThat(finding.fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "json", "logging", "options", "max-size"), "50m"),
        new Fix.Set(List.of("services", "json", "logging", "options", "max-file"), "7"));
  }

  @Test
  void followsAnchorsExtendsOverridesAndVariables() {
    RuleTester.of(new LogRotation())
        .policy(Policy.PRODUCTION)
        .file("compose.yaml", """
            x-logging: &logging
              driver: json-file        # expect: log-rotation, log-rotation
            x-rotated: &rotated
              options:
                max-size: 10m
            services:
              a:
                image: nginx:1.27
                logging: *logging
              b:
                image: nginx:1.27
                logging: *logging
              c:
                image: nginx:1.27
                logging: *rotated
              d:
                extends:
                  file: base.yaml
                  service: d
              e:
                image: nginx:1.27
                logging:
                  options:
                    max-size: ${LOG_SIZE:--1}
            """)
        .extraFile("base.yaml", """
            services:
              d:
                image: nginx:1.27
                logging:
                  driver: json-file    # expect: log-rotation
            """)
        .file("compose.override.yaml", """
            services:
              c:
                logging:
                  driver: local
            """)
        .environment(Map.of("LOG_SIZE", "5m"))
        .expectMarkedFindings()
        .forEach(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
  }
}
