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

class HealthcheckMissingTest {

  @Test
  void reportsLongRunningServicesWithoutHealthcheck() {
    RuleTester.of(new HealthcheckMissing())
        .file("compose.yaml", """
            services:
              app:                    # expect: healthcheck-missing
                image: ghcr.io/acme/app:1.0.0
                depends_on:
                  migrate:
                    condition: service_completed_successfully
              migrate:
                image: ghcr.io/acme/app:1.0.0
              checked:
                image: nginx:1.27
                healthcheck:
                  test: ["CMD", "true"]
              disabled:
                image: nginx:1.27
                healthcheck:
                  disable: true
            """)
        .expectMarkedFindings();
  }

  @Test
  void fixIsOfferedForWellKnownImagesOnly() {
    List<Finding> findings = RuleTester.of(new HealthcheckMissing())
        .policy(Policy.PRODUCTION)
        .file("compose.yaml", """
            services:
              db:                     # expect: healthcheck-missing
                image: postgres:16.4
                environment:
                  POSTGRES_USER: shop
              cache:                  # expect: healthcheck-missing
                image: redis:7.4
              app:                    # expect: healthcheck-missing
                image: ghcr.io/acme/app:1.0.0
            """)
        .expectMarkedFindings();
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    assertThat(findings.get(0).message()).contains("pg_isready -h localhost -U shop");
    assertThat(findings.get(0).fix()).isEqualTo(new Fix("add a healthcheck", Fix.Safety.BEHAVIOUR_CHANGING, List.of(
        new Fix.Set(List.of("services", "db", "healthcheck"),
            healthcheck(List.of("CMD", "pg_isready", "-h", "localhost", "-U", "shop"), "30s")))));
    assertThat(findings.get(1).fix().changes()).containsExactly(new Fix.Set(List.of("services", "cache", "healthcheck"),
        healthcheck(List.of("CMD", "redis-cli", "ping"), "10s")));
    assertThat(findings.get(2).fix()).isNull();
  }

  /** A check whose tool depends on the image's version: the tool of the tag, or no fix and why. */
  @Test
  void theCheckSuitsTheVersionTheTagNames() {
    List<Finding> findings = RuleTester.of(new HealthcheckMissing())
        .file("compose.yaml", """
            services:
              docs:            # expect: healthcheck-missing
                image: mongo:4.4
              store:           # expect: healthcheck-missing
                image: minio/minio:RELEASE.2021-06-17T00-10-46Z
              pinned:          # expect: healthcheck-missing
                image: mongo@sha256:0000000000000000000000000000000000000000000000000000000000000000
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).fix().changes()).containsExactly(new Fix.Set(List.of("services", "docs", "healthcheck"),
        healthcheck(List.of("CMD", "mongo", "--quiet", "--eval", "db.adminCommand('ping')"), "30s")));
    assertThat(findings.get(1).fix()).isNull();
    assertThat(findings.get(1).message()).contains("add one that checks it answers (Lashing writes none for its image:"
        + " mc ready needs mc, and release RELEASE.2021-06-17T00-10-46Z predates RELEASE.2023-08-04T17-40-21Z");
    assertThat(findings.get(2).fix()).isNull();
    assertThat(findings.get(2).message()).contains("a digest alone does not tell which shell");
  }

  @Test
  void odooGetsItsKnownCheck() {
    Finding finding = RuleTester.of(new HealthcheckMissing())
        .file("compose.yaml", """
            services:
              odoo:            # expect: healthcheck-missing
                image: odoo:17.0
            """)
        .expectMarkedFindings().get(0);
    assertThat(finding.fix().changes()).singleElement().satisfies(c -> assertThat(((Fix.Set) c).value())
        .asString().contains("http://localhost:8069/web/health"));
  }

  @Test
  void postgresDefaultsToThePostgresUser() {
    Finding finding = RuleTester.of(new HealthcheckMissing())
        .file("compose.yaml", """
            services:
              db:                     # expect: healthcheck-missing
                image: docker.io/library/postgres:16.4-alpine
            """)
        .expectMarkedFindings().get(0);
    assertThat(finding.message()).contains("pg_isready -h localhost -U postgres");
  }

  @Test
  void trustsAHealthcheckInTheFinalStageOfTheDockerfile() {
    RuleTester.of(new HealthcheckMissing())
        .file("compose.yaml", """
            services:
              built:
                build: ./app
              inline:
                build:
                  context: .
                  dockerfile_inline: |
                    FROM alpine:3.20
                    HEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1
              earlier:                # expect: healthcheck-missing
                build:
                  context: ./multi
              cancelled:              # expect: healthcheck-missing
                build:
                  context: .
                  dockerfile_inline: |
                    FROM alpine:3.20
                    HEALTHCHECK NONE
              unreadable:             # expect: healthcheck-missing
                build: ./missing
            """)
        .extraFile("app/Dockerfile", """
            FROM alpine:3.20
            healthcheck --interval=10s CMD ["/bin/check"]
            """)
        .extraFile("multi/Dockerfile", """
            FROM golang:1.23 AS build
            HEALTHCHECK CMD true
            FROM alpine:3.20
            """)
        .extraFile("missing/.keep", "")
        .expectMarkedFindings();
  }

  @Test
  void followsAnchorsExtendsAndOverrideFiles() {
    RuleTester.of(new HealthcheckMissing())
        .policy(Policy.DEVELOPMENT)
        .file("compose.yaml", """
            x-health: &health
              healthcheck:
                test: ["CMD", "true"]
            services:
              anchored:
                <<: *health
                image: nginx:1.27
              inherited:
                extends:
                  file: base.yaml
                  service: base
              overridden:
                image: nginx:1.27
              interpolated:           # expect: healthcheck-missing
                image: ${IMAGE}
            """)
        .extraFile("base.yaml", """
            services:
              base:
                image: nginx:1.27
                healthcheck:
                  test: ["CMD", "true"]
            """)
        .file("compose.override.yaml", """
            services:
              overridden:
                healthcheck:
                  test: ["CMD", "true"]
            """)
        .environment(Map.of("IMAGE", "mongo:8.0"))
        .expectMarkedFindings()
        .forEach(f -> assertThat(f.message()).contains("mongosh"));
  }

  private static Map<String, Object> healthcheck(List<String> test, String startPeriod) {
    Map<String, Object> healthcheck = new LinkedHashMap<>();
    healthcheck.put("test", test);
    healthcheck.put("interval", "10s");
    healthcheck.put("timeout", "5s");
    healthcheck.put("retries", 5L);
    healthcheck.put("start_period", startPeriod);
    return healthcheck;
  }
}
