package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoNewPrivilegesTest {

  @Test
  void missingDisabledOrInvalid() {
    List<Finding> findings = RuleTester.of(new NoNewPrivileges())
        .file("compose.yaml", """
            services:
              web:   # expect: no-new-privileges
                image: nginx:1.27
              api:
                image: api:1
                security_opt:   # expect: no-new-privileges
                  - apparmor:docker-default
              off:
                image: x:1
                security_opt:
                  - no-new-privileges:false   # expect: no-new-privileges
              typo:
                image: x:1
                security_opt: ["no-new-privileges:yes"]   # expect: no-new-privileges
              colon:
                image: x:1
                security_opt: ["no-new-privileges:true"]
              equals:
                image: x:1
                security_opt: ["no-new-privileges=true"]
              bare:
                image: x:1
                security_opt: [no-new-privileges]
              goBool:
                image: x:1
                security_opt: ["no-new-privileges=1"]
              lastWins:
                image: x:1
                security_opt: ["no-new-privileges:false", "no-new-privileges:true"]
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'web' does not set no-new-privileges:true: a setuid"
        + " binary or file capability in the image (su, sudo, ping...) can raise a process's privileges; add it"
        + " to security_opt");
    assertThat(findings.get(0).fix()).isEqualTo(new Fix("add no-new-privileges:true to security_opt",
        Fix.Safety.SAFE, List.of(new Fix.Append(List.of("services", "web", "security_opt"),
            "no-new-privileges:true"))));
    assertThat(findings.get(1).fix().changes())
        .containsExactly(new Fix.Append(List.of("services", "api", "security_opt"), "no-new-privileges:true"));
    assertThat(findings.get(2).message()).contains("turns no-new-privileges off");
    assertThat(findings.get(2).fix()).isEqualTo(new Fix("write no-new-privileges:true",
        Fix.Safety.BEHAVIOUR_CHANGING, List.of(new Fix.ReplaceItem(List.of("services", "off", "security_opt"), 0,
            "no-new-privileges:true"))));
    assertThat(findings.get(3).message()).contains("'no-new-privileges:yes', which the engine rejects");
  }

  @Test
  void fromAnAnchorExtendsAndAnOverrideFile() {
    RuleTester.of(new NoNewPrivileges())
        .extraFile("base.yaml", """
            services:
              base:
                image: base:1
                security_opt: [no-new-privileges:true]
            """)
        .file("compose.yaml", """
            x-secure: &secure
              security_opt: [no-new-privileges:true]
            services:
              a:
                <<: *secure
                image: a:1
              b:
                extends: {file: base.yaml, service: base}
              c:
                <<: *secure
                image: c:1
            """)
        .file("compose.override.yaml", """
            services:
              c:
                security_opt: [no-new-privileges:false]   # expect: no-new-privileges
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolated() {
    RuleTester.of(new NoNewPrivileges())
        .environment(Map.of("NNP", "true"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                security_opt: ["no-new-privileges:${NNP}"]
              b:
                image: b:1
                security_opt: ["no-new-privileges:${B_NNP:-false}"]   # expect: no-new-privileges
            """)
        .expectMarkedFindings();
  }
}
