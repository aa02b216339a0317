package dev.lashing.rules.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageAllowlistTest {
  private static final Map<String, Object> OPTIONS = Map.of(
      "allowed", List.of("nginx", "docker.io/library/postgres", "ghcr.io/acme/*", "bitnami/**"),
      "trusted_registries", List.of("Registry.Example.com:5000"));

  @Test
  void runsOnlyWhenConfigured() {
    for (Policy policy : Policy.values()) {
      assertThat(RuleRegistry.severityUnder(new ImageAllowlist().info(), policy)).isNull();
    }
  }

  @Test
  void reportsImagesOutsideTheAllowList() {
    RuleTester.of(new ImageAllowlist())
        .options(OPTIONS)
        .file("compose.yaml", """
            services:
              short:
                image: nginx:1.27
              full:
                image: docker.io/library/nginx:1.27
              official:
                image: postgres:16.4
              team:
                image: ghcr.io/acme/api:1.0.0
              nested:
                image: ghcr.io/acme/team/api:1.0.0    # expect: image-allowlist
              vendor:
                image: bitnami/charts/redis:7.4
              registry:
                image: registry.example.com:5000/tools/curl:8.10.1
              other:
                image: redis:7.4                      # expect: image-allowlist
              lookalike:
                image: ghcr.io/acme-evil/api:1.0.0    # expect: image-allowlist
              built:
                build: .
                image: quay.io/acme/app:1.0.0
            """)
        .expectMarkedFindings()
        .forEach(f -> assertThat(f.message()).contains("is not allowed"));
  }

  @Test
  void withoutOptionsThereIsNothingToCheck() {
    RuleTester.of(new ImageAllowlist())
        .file("compose.yaml", """
            services:
              other:
                image: redis:7.4
            """)
        .expectNoFindings();
  }

  @Test
  void followsAnchorsExtendsOverridesAndVariables() {
    RuleTester.of(new ImageAllowlist())
        .options(Map.of("trusted_registries", "ghcr.io"))
        .file("compose.yaml", """
            x-image: &image docker.io/library/redis:7.4   # expect: image-allowlist
            services:
              a:
                image: *image
              b:
                extends:
                  file: base.yaml
                  service: b
              c:
                image: ${REGISTRY:-docker.io}/acme/app:1.0.0
              d:
                image: ghcr.io/acme/d:1.0.0
            """)
        .extraFile("base.yaml", """
            services:
              b:
                image: quay.io/acme/b:1.0.0           # expect: image-allowlist
            """)
        .file("compose.override.yaml", """
            services:
              d:
                image: index.docker.io/acme/d:1.0.0   # expect: image-allowlist
            """)
        .environment(Map.of("REGISTRY", "ghcr.io"))
        .expectMarkedFindings();
  }
}
