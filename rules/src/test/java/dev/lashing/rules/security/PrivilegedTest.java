package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivilegedTest {

  @Test
  void privilegedServicesAndHooks() {
    List<Finding> findings = RuleTester.of(new Privileged())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                privileged: true   # expect: privileged
              api:
                image: api:1
                privileged: false
              worker:
                image: worker:1
                post_start:
                  - command: ["chown", "-R", "app", "/data"]
                    privileged: true   # expect: privileged
                  - command: ["true"]
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).contains("service 'web' runs privileged");
    assertThat(findings.get(0).fix()).isEqualTo(new Fix("set privileged: false", Fix.Safety.BEHAVIOUR_CHANGING,
        List.of(new Fix.Set(List.of("services", "web", "privileged"), false))));
    assertThat(findings.get(1).message()).contains("post_start hook of service 'worker'");
    assertThat(findings.get(1).fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "worker", "post_start", "[0]", "privileged"), false));
  }

  @Test
  void throughAnAnchorTheValueIsReportedWhereItIsWritten() {
    List<Finding> findings = RuleTester.of(new Privileged())
        .file("compose.yaml", """
            x-base: &base
              privileged: true   # expect: privileged, privileged
            services:
              a:
                <<: *base
                image: a:1
              b:
                <<: *base
                image: b:1
            """)
        .expectMarkedFindings();
    assertThat(findings).extracting(Finding::service).containsExactlyInAnyOrder("a", "b");
    assertThat(findings).allSatisfy(f -> assertThat(f.via()).isNotEmpty());
  }

  @Test
  void inheritedThroughExtendsFromAnotherFile() {
    RuleTester.of(new Privileged())
        .extraFile("base.yaml", """
            services:
              base:
                image: tools:1
                privileged: true   # expect: privileged
            """)
        .file("compose.yaml", """
            services:
              app:
                extends: {file: base.yaml, service: base}
            """)
        .expectMarkedFindings();
  }

  @Test
  void anOverrideFileCanTurnItOnAndOff() {
    RuleTester.of(new Privileged())
        .file("compose.yaml", """
            services:
              a: {image: a:1, privileged: true}
              b: {image: b:1}
            """)
        .file("compose.override.yaml", """
            services:
              a: {privileged: false}
              b: {privileged: true}   # expect: privileged
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolatedValue() {
    RuleTester.of(new Privileged())
        .environment(Map.of("PRIVILEGED", "true"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                privileged: ${PRIVILEGED}   # expect: privileged
              b:
                image: b:1
                privileged: ${UNPRIVILEGED:-false}
            """)
        .expectMarkedFindings();
  }
}
