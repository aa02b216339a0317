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

class ImplicitDefaultNetworkTest {

  @Test
  void isOptInExceptUnderProduction() {
    var info = new ImplicitDefaultNetwork().info();
    assertThat(RuleRegistry.severityUnder(info, Policy.PRODUCTION)).isEqualTo(Severity.LOW);
    assertThat(RuleRegistry.severityUnder(info, Policy.DEFAULT)).isNull();
    assertThat(RuleRegistry.severityUnder(info, Policy.DEVELOPMENT)).isNull();
  }

  @Test
  void reportsServicesOnTheDefaultNetwork() {
    RuleTester.of(new ImplicitDefaultNetwork())
        .file("compose.yaml", """
            services:
              bare:                 # expect: implicit-default-network
                image: nginx:1.27
              empty:                # expect: implicit-default-network
                image: nginx:1.27
                networks: {}
              listed:
                image: nginx:1.27
                networks:
                  - backend
                  - default         # expect: implicit-default-network
              named:
                image: nginx:1.27
                networks: [backend]
              host:
                image: nginx:1.27
                network_mode: host
              sidecar:
                image: nginx:1.27
                network_mode: "service:named"
            networks:
              backend: {}
            """)
        .expectMarkedFindings();
  }

  @Test
  void aConfiguredDefaultNetworkIsADecision() {
    for (String configured : List.of("name: plane-network", "driver: bridge", "external: true")) {
      RuleTester.of(new ImplicitDefaultNetwork())
          .file("compose.yaml", """
              services:
                web:
                  image: nginx:1.27
              networks:
                default:
                  %s
              """.formatted(configured))
          .expectNoFindings();
    }
    RuleTester.of(new ImplicitDefaultNetwork())
        .file("compose.yaml", """
            services:
              web:     # expect: implicit-default-network
                image: nginx:1.27
            networks:
              default: {}
            """)
        .expectMarkedFindings();
  }

  @Test
  void fixAttachesTheServiceToOneNamedNetwork() {
    List<Finding> findings = RuleTester.of(new ImplicitDefaultNetwork())
        .file("compose.yaml", """
            services:
              web:                  # expect: implicit-default-network
                image: nginx:1.27
              api:
                image: nginx:1.27
                networks:
                  default:          # expect: implicit-default-network
                    aliases: [backend-api]
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "web", "networks"), List.of("app_network")),
        new Fix.Set(List.of("networks", "app_network"), Map.of()));
    assertThat(findings.get(1).fix().changes()).containsExactly(
        new Fix.Remove(List.of("services", "api", "networks", "default")),
        new Fix.Set(List.of("services", "api", "networks", "app_network"), null),
        new Fix.Set(List.of("networks", "app_network"), Map.of()));
    assertThat(findings.get(1).fix().safety()).isEqualTo(Fix.Safety.BEHAVIOUR_CHANGING);
  }

  @Test
  void fixUsesTheConfiguredNetworkWithoutRedeclaringIt() {
    Finding finding = RuleTester.of(new ImplicitDefaultNetwork())
        .options(Map.of("network", "backend"))
        .file("compose.yaml", """
            services:
              worker:               # expect: implicit-default-network
                image: ghcr.io/acme/worker:2.0.1
              api:
                image: ghcr.io/acme/api:2.0.1
                networks: [backend]
            networks:
              backend:
                internal: true
            """)
        .expectMarkedFindings().get(0);
    assertThat(finding.message()).contains("backend");
    assertThat(finding.fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "worker", "networks"), List.of("backend")));
  }

  /**
   * The fix's own network, app_network, declared as another kind of network (internal: published ports stop
   * working; external, or named outside the project: shared with another stack; another driver) is not where it moves
   * services: the finding has no fix.
   */
  @Test
  void theDefaultNetworkOfTheFixIsTakenOnlyWhereItIsAPlainBridge() {
    for (String declared : List.of("internal: true", "external: true", "driver: macvlan", "name: shared",
        "driver: bridge")) {
      Finding finding = RuleTester.of(new ImplicitDefaultNetwork())
          .file("compose.yaml", """
              services:
                web:                  # expect: implicit-default-network
                  image: nginx:1.27
              networks:
                app_network:
                  %s
              """.formatted(declared))
          .expectMarkedFindings().get(0);
      if (declared.equals("driver: bridge")) {
        assertThat(finding.fix().changes())
            .containsExactly(new Fix.Set(List.of("services", "web", "networks"), List.of("app_network")));
      } else {
        assertThat(finding.fix()).as(declared).isNull();
      }
    }
  }

  @Test
  void followsExtendsAndOverrideFiles() {
    RuleTester.of(new ImplicitDefaultNetwork())
        .file("compose.yaml", """
            services:
              web:                  # expect: implicit-default-network
                extends:
                  file: base.yaml
                  service: web
              api:
                extends:
                  file: base.yaml
                  service: api
            networks:
              backend: {}
            """)
        .extraFile("base.yaml", """
            services:
              web:
                image: nginx:1.27
              api:
                image: nginx:1.27
                networks: [backend]
            networks:
              backend: {}
            """)
        .file("compose.override.yaml", """
            services:
              api:
                networks: [default]   # expect: implicit-default-network
            """)
        .expectMarkedFindings();
  }
}
