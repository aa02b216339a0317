package dev.lashing.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.Severity;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InternalServicePublishedTest {

  @Test
  void runsOnlyUnderProductionUnlessTurnedOn() {
    var info = new InternalServicePublished().info();
    assertThat(RuleRegistry.severityUnder(info, Policy.PRODUCTION)).isEqualTo(Severity.HIGH);
    assertThat(RuleRegistry.severityUnder(info, Policy.DEFAULT)).isNull();
    assertThat(RuleRegistry.severityUnder(info, Policy.DEVELOPMENT)).isNull();
  }

  @Test
  void reportsEveryPublishedEntryOfServicesThatAreNotGateways() {
    RuleTester.of(new InternalServicePublished())
        .policy(Policy.PRODUCTION)
        .options(Map.of("gateways", List.of("proxy")))
        .file("compose.yaml", """
            services:
              proxy:
                image: traefik:v3.1
                ports: ["80:80", "443:443"]
              api:
                image: ghcr.io/acme/api:1.4.2
                expose: ["8080"]
              db:
                image: postgres:16.4
                ports:
                  - "127.0.0.1:5432:5432"   # expect: internal-service-published
                  - target: 9187            # expect: internal-service-published
              metrics:
                image: prom/node-exporter:v1.8.2
                network_mode: host
            """)
        .expectMarkedFindings();
  }

  @Test
  void aSingleGatewayNameIsEnough() {
    RuleTester.of(new InternalServicePublished())
        .options(Map.of("gateways", "proxy"))
        .file("compose.yaml", """
            services:
              proxy:
                image: traefik:v3.1
                ports: ["80:80"]
            """)
        .expectNoFindings();
  }

  @Test
  void gatewaysAreRecognisedByNameWhenNoneIsNamed() {
    RuleTester.of(new InternalServicePublished())
        .policy(Policy.PRODUCTION)
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                ports: ["80:80", "443:443"]
              edge-proxy:
                image: ghcr.io/acme/edge:2.0
                ports: ["8443:8443"]
              db:
                image: postgres:16.4
                ports: ["5432:5432"]   # expect: internal-service-published
            """)
        .expectMarkedFindings();
  }

  @Test
  void namedGatewaysReplaceTheRecognisedOnes() {
    RuleTester.of(new InternalServicePublished())
        .policy(Policy.PRODUCTION)
        .options(Map.of("gateways", List.of("app")))
        .file("compose.yaml", """
            services:
              nginx:
                image: nginx:1.27
                ports: ["80:80"]   # expect: internal-service-published
              app:
                image: ghcr.io/acme/app:1.0
                ports: ["8080:8080"]
            """)
        .expectMarkedFindings();
  }

  @Test
  void fixRemovesTheEntrysBindingsLastFirst() {
    Finding finding = RuleTester.of(new InternalServicePublished())
        .file("compose.yaml", """
            services:
              cache:
                image: redis:7.4
                ports:
                  - "6379:6379"             # expect: internal-service-published
                  - "7000-7002:7000-7002"   # expect: internal-service-published
            """)
        .expectMarkedFindings().get(1);
    List<String> ports = List.of("services", "cache", "ports");
    assertThat(finding.message()).contains("7000-7002:7000-7002").contains("gateways");
    assertThat(finding.fix().safety()).isEqualTo(Fix.Safety.BEHAVIOUR_CHANGING);
    assertThat(finding.fix().changes()).containsExactly(
        new Fix.RemoveItem(ports, 3), new Fix.RemoveItem(ports, 2), new Fix.RemoveItem(ports, 1));
  }

  @Test
  void followsPortsIntoOverrideFilesAndExtends() {
    RuleTester.of(new InternalServicePublished())
        .file("compose.yaml", """
            services:
              db:
                extends:
                  file: base.yaml
                  service: db
            """)
        .extraFile("base.yaml", """
            services:
              db:
                image: postgres:16.4
                ports: ["5432:5432"]   # expect: internal-service-published
            """)
        .file("compose.override.yaml", """
            services:
              db:
                ports: ["${DEBUG_PORT}:9187"]   # expect: internal-service-published
            """)
        .environment(Map.of("DEBUG_PORT", "9187"))
        .expectMarkedFindings();
  }
}
