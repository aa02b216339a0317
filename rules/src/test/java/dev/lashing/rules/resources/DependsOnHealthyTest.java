package dev.lashing.rules.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependsOnHealthyTest {
  private static final String DB = """
        db:
          image: postgres:16.4
          healthcheck:
            test: ["CMD", "pg_isready"]
      """;

  @Test
  void reportsDependenciesThatOnlyWaitForStart() {
    List<Finding> findings = RuleTester.of(new DependsOnHealthy())
        .file("compose.yaml", """
            services:
              listed:
                image: nginx:1.27
                depends_on:
                  - db                 # expect: depends-on-healthy
                  - cache
              started:
                image: nginx:1.27
                depends_on:
                  db:
                    condition: service_started   # expect: depends-on-healthy
              healthy:
                image: nginx:1.27
                depends_on:
                  db:
                    condition: service_healthy
              linked:
                image: nginx:1.27
                links:
                  - db:database        # expect: depends-on-healthy
              unchecked:
                image: nginx:1.27
                depends_on:
                  disabled:
                    condition: service_started
              cache:
                image: redis:7.4
              disabled:
                image: redis:7.4
                healthcheck:
                  disable: true
            """ + DB)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).contains("listed waits only for db to start");
    assertThat(findings.get(0).fix()).isEqualTo(new Fix("wait for db to be healthy", Fix.Safety.BEHAVIOUR_CHANGING,
        List.of(new Fix.Set(List.of("services", "listed", "depends_on", "db", "condition"), "service_healthy"))));
  }

  @Test
  void followsAnchorsExtendsOverridesAndVariables() {
    RuleTester.of(new DependsOnHealthy())
        .file("compose.yaml", """
            x-deps: &deps
              depends_on:
                db:
                  condition: service_started   # expect: depends-on-healthy
            services:
              anchored:
                <<: *deps
                image: nginx:1.27
              inherited:
                extends:
                  file: base.yaml
                  service: base
              variable:
                image: nginx:1.27
                depends_on:
                  db:
                    condition: ${CONDITION:-service_started}
              overridden:
                image: nginx:1.27
            """ + DB)
        .extraFile("base.yaml", """
            services:
              base:
                image: nginx:1.27
                depends_on: [db]       # expect: depends-on-healthy
            """)
        .file("compose.override.yaml", """
            services:
              overridden:
                depends_on:
                  db:
                    condition: service_started   # expect: depends-on-healthy
            """)
        .environment(Map.of("CONDITION", "service_healthy"))
        .expectMarkedFindings();
  }
}
