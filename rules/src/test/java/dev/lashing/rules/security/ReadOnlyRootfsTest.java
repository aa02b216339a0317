package dev.lashing.rules.security;

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

class ReadOnlyRootfsTest {

  @Test
  void writableRootFilesystems() {
    List<Finding> findings = RuleTester.of(new ReadOnlyRootfs())
        .file("compose.yaml", """
            services:
              web:   # expect: read-only-rootfs
                image: nginx:1.27
              api:
                image: api:1
                read_only: false   # expect: read-only-rootfs
                tmpfs: ["/tmp:size=64m"]
              cache:   # expect: read-only-rootfs
                image: redis:7
                volumes:
                  - type: tmpfs
                    target: /tmp/
              hardened:
                image: x:1
                read_only: true
              model:
                provider: {type: model, options: {model: ai/smollm2}}
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'web' has a writable root filesystem, so an"
        + " intruder can replace its programs and keep tools and backdoors there; set read_only: true and give"
        + " the paths it writes a tmpfs or a volume");
    // nginx writes its temporary files and its pid file outside /tmp
    assertThat(findings.get(0).fix()).isEqualTo(new Fix(
        "set read_only: true and mount a tmpfs at /tmp, /var/cache/nginx, /var/run",
        Fix.Safety.BEHAVIOUR_CHANGING, List.of(
            new Fix.Set(List.of("services", "web", "read_only"), true),
            new Fix.Append(List.of("services", "web", "tmpfs"), "/tmp"),
            new Fix.Append(List.of("services", "web", "tmpfs"), "/var/cache/nginx"),
            new Fix.Append(List.of("services", "web", "tmpfs"), "/var/run"))));
    assertThat(findings.get(1).message()).startsWith("service 'api' sets read_only: false");
    // an image Lashing does not know may write anywhere: the fix says so
    assertThat(findings.get(1).fix()).isEqualTo(new Fix("set read_only: true; Lashing does not know where else the"
        + " image writes", Fix.Safety.BEHAVIOUR_CHANGING,
        List.of(new Fix.Set(List.of("services", "api", "read_only"), true))));
    assertThat(findings.get(2).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "cache", "read_only"), true));
  }

  @Test
  void fromAnAnchorExtendsAndAnOverrideFile() {
    RuleTester.of(new ReadOnlyRootfs())
        .extraFile("base.yaml", """
            services:
              base:
                image: base:1
                read_only: true
            """)
        .file("compose.yaml", """
            x-ro: &ro
              read_only: true
            services:
              a:
                <<: *ro
                image: a:1
              b:
                extends: {file: base.yaml, service: base}
              c:
                <<: *ro
                image: c:1
            """)
        .file("compose.override.yaml", """
            services:
              c:
                read_only: false   # expect: read-only-rootfs
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolated() {
    RuleTester.of(new ReadOnlyRootfs())
        .environment(Map.of("RO", "true"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                read_only: ${RO}
              b:
                image: b:1
                read_only: ${B_RO:-false}   # expect: read-only-rootfs
            """)
        .expectMarkedFindings();
  }

  @Test
  void aKnownImageGetsTheTmpfsPathsGenerateGivesIt() {
    List<Finding> findings = RuleTester.of(new ReadOnlyRootfs())
        .file("compose.yaml", """
            services:
              db:              # expect: read-only-rootfs
                image: pgvector/pgvector:pg16
              cached:          # expect: read-only-rootfs
                image: postgres:16.4
                tmpfs: [/tmp]
              app:             # expect: read-only-rootfs
                image: ghcr.io/acme/app:1.0
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "db", "read_only"), true),
        new Fix.Append(List.of("services", "db", "tmpfs"), "/tmp"),
        new Fix.Append(List.of("services", "db", "tmpfs"), "/var/run/postgresql"));
    assertThat(findings.get(1).fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "cached", "read_only"), true),
        new Fix.Append(List.of("services", "cached", "tmpfs"), "/var/run/postgresql"));
    assertThat(findings.get(2).fix().changes()).containsExactly(
        new Fix.Set(List.of("services", "app", "read_only"), true),
        new Fix.Append(List.of("services", "app", "tmpfs"), "/tmp"));
  }

  @Test
  void offUnderTheDevelopmentPolicy() {
    assertThat(RuleRegistry.severityUnder(new ReadOnlyRootfs().info(), Policy.DEFAULT)).isEqualTo(Severity.MEDIUM);
    assertThat(RuleRegistry.severityUnder(new ReadOnlyRootfs().info(), Policy.DEVELOPMENT)).isNull();
  }
}
