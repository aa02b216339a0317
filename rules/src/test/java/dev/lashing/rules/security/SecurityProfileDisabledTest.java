package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityProfileDisabledTest {

  @Test
  void eachDisabledConfinementIsReported() {
    List<Finding> findings = RuleTester.of(new SecurityProfileDisabled())
        .file("compose.yaml", """
            services:
              debug:
                image: debug:1
                security_opt:
                  - seccomp:unconfined   # expect: security-profile-disabled
                  - apparmor=unconfined   # expect: security-profile-disabled
                  - label:disable   # expect: security-profile-disabled
                  - no-new-privileges:true
              more:
                image: x:1
                security_opt:
                  - seccomp=unconfined   # expect: security-profile-disabled
                  - label=type:spc_t   # expect: security-profile-disabled
                  - systempaths=unconfined   # expect: security-profile-disabled
                  - writable-cgroups=true   # expect: security-profile-disabled
                  - label=disable   # expect: security-profile-disabled
              confined:
                image: x:1
                security_opt:
                  - seccomp=./seccomp.json
                  - apparmor=docker-default
                  - label=type:container_t
                  - label:level:s0:c100,c200
                  - writable-cgroups=false
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).startsWith("service 'debug' sets seccomp:unconfined: every system call"
        + " reaches the host kernel");
    assertThat(findings.get(2).message()).contains("SELinux separation is off");
    assertThat(findings.get(4).message()).contains("unconfined SELinux type");
  }

  @Test
  void fromAnAnchorExtendsAndAnOverrideFile() {
    RuleTester.of(new SecurityProfileDisabled())
        .extraFile("base.yaml", """
            services:
              base:
                image: base:1
                security_opt: [apparmor:unconfined]   # expect: security-profile-disabled
            """)
        .file("compose.yaml", """
            x-debug: &debug
              security_opt: [seccomp:unconfined]   # expect: security-profile-disabled, security-profile-disabled
            services:
              a:
                <<: *debug
                image: a:1
              b:
                <<: *debug
                extends: {file: base.yaml, service: base}
            """)
        .file("compose.override.yaml", """
            services:
              a:
                security_opt: [label:disable]   # expect: security-profile-disabled
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolated() {
    RuleTester.of(new SecurityProfileDisabled())
        .environment(Map.of("SECCOMP", "unconfined"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                security_opt:
                  - seccomp:${SECCOMP}   # expect: security-profile-disabled
                  - apparmor:${APPARMOR:-docker-default}
            """)
        .expectMarkedFindings();
  }
}
