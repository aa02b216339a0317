package dev.lashing.rules.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Severity;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageMutableTagTest {
  private static final String DIGEST = "sha256:" + "a".repeat(64);

  @Test
  void reportsMissingChannelAndVersionlessTags() {
    List<Finding> findings = RuleTester.of(new ImageMutableTag())
        .file("compose.yaml", """
            services:
              untagged:
                image: redis                          # expect: image-mutable-tag
              latest:
                image: nginx:latest                   # expect: image-mutable-tag
              flavour:
                image: nginx:alpine                   # expect: image-mutable-tag
              channel:
                image: node:lts-alpine                # expect: image-mutable-tag
              versionedChannel:
                image: nginx:stable-alpine3.20-perl   # expect: image-mutable-tag
              nightly:
                image: ghcr.io/acme/app:nightly-20240901   # expect: image-mutable-tag
              versioned:
                image: nginx:1.27.2-alpine
              major:
                image: postgres:16
              release:
                image: quay.io/minio/minio:RELEASE.2024-10-13T13-34-11Z
              pinned:
                image: redis@%1$s
              pinnedLatest:
                image: nginx:latest@%1$s
              built:
                build: .
                image: ghcr.io/acme/app:latest
              buildOnly:
                build: .
            """.formatted(DIGEST))
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).contains("has no tag, so Docker pulls latest").contains("redis:<version>");
    assertThat(findings.get(2).message()).contains("tag alpine, which names no version");
    assertThat(findings.get(4).message()).contains("follows the stable channel");
  }

  @Test
  void reportsTheTagAVariableFallsBackTo() {
    String compose = """
        services:
          web:
            image: "nginx:${TAG:-latest}"             # expect: image-mutable-tag
          api:
            image: ${API_IMAGE:-ghcr.io/acme/api}     # expect: image-mutable-tag
          worker:
            image: ${REGISTRY}/acme/worker:${WORKER_TAG:-2.1.0}
          job:
            image: 'ghcr.io/acme/job:${JOB_TAG-1.0.0}'
        """;
    List<Finding> findings = RuleTester.of(new ImageMutableTag())
        .environment(Map.of("TAG", "1.27", "API_IMAGE", "ghcr.io/acme/api:3.0.0", "REGISTRY", "ghcr.io"))
        .file("compose.yaml", compose)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).contains("falls back to tag latest").contains("wherever TAG is unset");
    assertThat(findings.get(1).message()).contains("wherever API_IMAGE is unset");

    RuleTester.of(new ImageMutableTag())
        .environment(Map.of("REGISTRY", "ghcr.io"))
        .file("compose.yaml", compose)
        .expectMarkedFindings()
        .forEach(f -> assertThat(f.message()).doesNotContain("falls back"));
  }

  @Test
  void followsAnchorsExtendsAndOverrideFiles() {
    RuleTester.of(new ImageMutableTag())
        .policy(Policy.PRODUCTION)
        .file("compose.yaml", """
            x-image: &image nginx:edge                # expect: image-mutable-tag, image-mutable-tag
            services:
              a:
                image: *image
              b:
                image: *image
              c:
                extends:
                  file: base.yaml
                  service: c
              d:
                image: nginx:latest
            """)
        .extraFile("base.yaml", """
            services:
              c:
                image: busybox                        # expect: image-mutable-tag
            """)
        .file("compose.override.yaml", """
            services:
              d:
                image: nginx:1.27.2
            """)
        .expectMarkedFindings()
        .forEach(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
  }
}
