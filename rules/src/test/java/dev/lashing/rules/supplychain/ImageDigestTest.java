package dev.lashing.rules.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.Severity;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageDigestTest {
  private static final String HEX = "0123456789abcdef".repeat(4);

  @Test
  void isHighUnderProductionAndOptInOtherwise() {
    var info = new ImageDigest().info();
    assertThat(RuleRegistry.severityUnder(info, Policy.PRODUCTION)).isEqualTo(Severity.HIGH);
    assertThat(RuleRegistry.severityUnder(info, Policy.DEFAULT)).isNull();
    assertThat(RuleRegistry.severityUnder(info, Policy.DEVELOPMENT)).isNull();
  }

  @Test
  void reportsImagesWithoutAValidDigest() {
    List<Finding> findings = RuleTester.of(new ImageDigest())
        .policy(Policy.PRODUCTION)
        .file("compose.yaml", """
            services:
              tagged:
                image: nginx:1.27.2                   # expect: image-digest
              upper:
                image: nginx@sha256:%2$s              # the engine refuses it: invalid-value's to report
              pinned:
                image: nginx@sha256:%1$s
              both:
                image: ghcr.io/acme/app:1.0.0@sha256:%1$s
              sha512:
                image: nginx@sha512:%1$s%1$s
              built:
                build: .
                image: ghcr.io/acme/app:1.0.0
            """.formatted(HEX, HEX.toUpperCase()))
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).contains("not pinned by digest").contains("--lock-image-digests");
    assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void followsAnchorsExtendsOverridesAndVariables() {
    RuleTester.of(new ImageDigest())
        .file("compose.yaml", """
            x-image: &image nginx:1.27.2              # expect: image-digest
            services:
              a:
                image: *image
              b:
                extends:
                  file: base.yaml
                  service: b
              c:
                image: nginx@${DIGEST}
              d:
                image: nginx:1.27.2
            """)
        .extraFile("base.yaml", """
            services:
              b:
                image: redis:7.4.1                    # expect: image-digest
            """)
        .file("compose.override.yaml", """
            services:
              d:
                image: nginx@sha256:%s
            """.formatted(HEX))
        .environment(Map.of("DIGEST", "sha256:" + HEX))
        .expectMarkedFindings();
  }
}
