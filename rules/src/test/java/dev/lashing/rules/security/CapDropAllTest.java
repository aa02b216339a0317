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

class CapDropAllTest {

  @Test
  void missingOrIncompleteCapDrop() {
    List<Finding> findings = RuleTester.of(new CapDropAll())
        .file("compose.yaml", """
            services:
              web:   # expect: cap-drop-all
                image: nginx:1.27
              api:
                image: api:1
                cap_drop:   # expect: cap-drop-all
                  - NET_RAW
                  - MKNOD
              db:
                image: postgres:16
                cap_drop: [ALL]
                cap_add: [CHOWN, SETUID, SETGID]
              lower:
                image: x:1
                cap_drop: [cap_all]
              mixed:
                image: x:1
                cap_drop: [NET_RAW, all]
              model:
                provider:
                  type: model
                  options: {model: ai/smollm2}
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).startsWith("service 'web' keeps the engine's default capabilities");
    // nginx's master process starts as root, listens on port 80 and hands its files to its workers' user
    assertThat(findings.get(0).fix()).isEqualTo(new Fix("add ALL to cap_drop and add back CHOWN, NET_BIND_SERVICE,"
        + " SETGID, SETUID, which the image needs", Fix.Safety.BEHAVIOUR_CHANGING, List.of(
            new Fix.Append(List.of("services", "web", "cap_drop"), "ALL"),
            new Fix.Append(List.of("services", "web", "cap_add"), "CHOWN"),
            new Fix.Append(List.of("services", "web", "cap_add"), "NET_BIND_SERVICE"),
            new Fix.Append(List.of("services", "web", "cap_add"), "SETGID"),
            new Fix.Append(List.of("services", "web", "cap_add"), "SETUID"))));
    assertThat(findings.get(1).message()).startsWith("service 'api' drops only some capabilities");
    assertThat(findings.get(1).fix().changes())
        .containsExactly(new Fix.Append(List.of("services", "api", "cap_drop"), "ALL"));
  }

  @Test
  void capDropFromAnAnchorExtendsOrAnOverrideFileCounts() {
    RuleTester.of(new CapDropAll())
        .extraFile("base.yaml", """
            services:
              hardened:
                image: base:1
                cap_drop: [ALL]
            """)
        .file("compose.yaml", """
            x-hardened: &hardened
              cap_drop: [ALL]
            services:
              a:
                <<: *hardened
                image: a:1
              b:
                extends: {file: base.yaml, service: hardened}
              c:
                image: c:1
              d:   # expect: cap-drop-all
                image: d:1
            """)
        .file("compose.override.yaml", """
            services:
              c:
                cap_drop: [ALL]
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolatedItem() {
    RuleTester.of(new CapDropAll())
        .environment(Map.of("DROP", "ALL"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                cap_drop: ["${DROP}"]
              b:
                image: b:1
                cap_drop: ["${B_DROP:-NET_RAW}"]   # expect: cap-drop-all
            """)
        .expectMarkedFindings();
  }

  @Test
  void aKnownImageGetsBackTheCapabilitiesGenerateGivesIt() {
    List<Finding> findings = RuleTester.of(new CapDropAll())
        .file("compose.yaml", """
            services:
              db:              # expect: cap-drop-all
                image: postgres:16.4
                cap_add: [CAP_CHOWN]
              chosen:          # expect: cap-drop-all
                image: postgres:16.4
                user: "999:999"
              cache:           # expect: cap-drop-all
                image: redis:7.4
            """)
        .expectMarkedFindings();
    List<String> capAdd = List.of("services", "db", "cap_add");
    assertThat(findings.get(0).fix().changes()).containsExactly(
        new Fix.Append(List.of("services", "db", "cap_drop"), "ALL"),
        new Fix.Append(capAdd, "DAC_OVERRIDE"), new Fix.Append(capAdd, "FOWNER"),
        new Fix.Append(capAdd, "SETGID"), new Fix.Append(capAdd, "SETUID"));
    assertThat(findings.get(1).fix().changes()).as("under a chosen user the capabilities would do nothing")
        .containsExactly(new Fix.Append(List.of("services", "chosen", "cap_drop"), "ALL"));
    assertThat(findings.get(2).fix().changes())
        .containsExactly(new Fix.Append(List.of("services", "cache", "cap_drop"), "ALL"));
  }

  @Test
  void severityByPolicy() {
    assertThat(RuleRegistry.severityUnder(new CapDropAll().info(), Policy.DEFAULT)).isEqualTo(Severity.MEDIUM);
    assertThat(RuleRegistry.severityUnder(new CapDropAll().info(), Policy.PRODUCTION)).isEqualTo(Severity.HIGH);
    assertThat(RuleRegistry.severityUnder(new CapDropAll().info(), Policy.DEVELOPMENT)).isEqualTo(Severity.LOW);
  }
}
