package dev.lashing.rules.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Policy;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every image the project pulls is checked where it is written, not only services' images: volumes of
 * {@code type: image}, {@code pre_start} hook images, {@code docker-image://} build contexts and models.
 */
class EveryPulledImageTest {
  private static final String PROJECT = """
      services:
        app:
          build:
            context: .
            additional_contexts:
              base: docker-image://alpine:latest   # expect: image-digest, image-mutable-tag, image-allowlist
              src: ./src
          image: ghcr.io/acme/app:1.0.0
          pre_start:
            - image: ghcr.io/acme/migrate:2.1.0   # expect: image-digest
          volumes:
            - type: image
              source: busybox   # expect: image-digest, image-mutable-tag, image-allowlist
              target: /tools
            - ./data:/data
      models:
        llm:
          model: ai/smollm2:latest   # expect: image-digest, image-mutable-tag, image-allowlist
      """;

  @Test
  void eachRuleChecksEveryPulledImageWhereItIsWritten() {
    List<Finding> findings = RuleTester.of(new ImageDigest(), new ImageMutableTag(), new ImageAllowlist())
        .policy(Policy.PRODUCTION)
        .options(Map.of("trusted_registries", List.of("ghcr.io")))
        .file("compose.yaml", PROJECT)
        .expectMarkedFindings();
    assertThat(findings).filteredOn(f -> f.ruleId().equals("image-mutable-tag")).extracting(Finding::service)
        .containsExactly("app", "app", null);
    assertThat(findings).filteredOn(f -> f.ruleId().equals("image-mutable-tag")).extracting(Finding::message)
        .allSatisfy(m -> assertThat(m).doesNotContain("docker-image://"));
  }
}
