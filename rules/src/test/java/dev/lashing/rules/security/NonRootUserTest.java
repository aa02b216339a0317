package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Severity;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NonRootUserTest {

  @Test
  void missingOrRootUser() {
    List<Finding> findings = RuleTester.of(new NonRootUser())
        .file("compose.yaml", """
            services:
              web:   # expect: non-root-user
                image: nginx:1.27
              a:
                image: a:1
                user: root   # expect: non-root-user
              b:
                image: b:1
                user: "0"   # expect: non-root-user
              c:
                image: c:1
                user: "0:0"   # expect: non-root-user
              d:
                image: d:1
                user: root:staff   # expect: non-root-user
              e:
                image: e:1
                user: "1000:1000"
              f:
                image: f:1
                user: app
              g:
                image: g:1
                user: "1000:0"
              h:
                image: h:1
                user: rootless
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'web' sets no user, so it runs as the image's default"
        + " user, which is root unless the image says otherwise: a process that breaks out of the application,"
        + " or out of the container, is root; set user: to an unprivileged UID:GID the image can run as (e.g."
        + " \"1000:1000\")");
    assertThat(findings.get(1).message()).startsWith("service 'a' runs as user 'root', which is root");
  }

  @Test
  void fromAnAnchorExtendsAndAnOverrideFile() {
    RuleTester.of(new NonRootUser())
        .extraFile("base.yaml", """
            services:
              base:
                image: base:1
                user: "0"   # expect: non-root-user
            """)
        .file("compose.yaml", """
            x-user: &user
              user: "1000"
            services:
              a:
                <<: *user
                image: a:1
              b:
                extends: {file: base.yaml, service: base}
              c:
                <<: *user
                image: c:1
            """)
        .file("compose.override.yaml", """
            services:
              c:
                user: root   # expect: non-root-user
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolated() {
    List<Finding> findings = RuleTester.of(new NonRootUser())
        .environment(Map.of("UID", "1000"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                user: "${UID}:${GID:-1000}"
              b:
                image: b:1
                user: ${RUN_AS:-root}   # expect: non-root-user
              c:
                image: c:1
                user: ${UNSET_USER}   # expect: non-root-user
            """)
        .expectMarkedFindings();
    assertThat(findings.get(1).message()).contains("sets user to an empty value");
  }

  @Test
  void lowUnderTheDevelopmentPolicy() {
    List<Finding> findings = RuleTester.of(new NonRootUser())
        .policy(Policy.DEVELOPMENT)
        .file("compose.yaml", """
            services:
              web:   # expect: non-root-user
                image: nginx:1.27
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).severity()).isEqualTo(Severity.LOW);
  }
}
