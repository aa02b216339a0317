package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivilegedPortTest {

  @Test
  void privilegedHostPortsAndRanges() {
    List<Finding> findings = RuleTester.of(new PrivilegedPort())
        .file("compose.yaml", """
            services:
              proxy:
                image: traefik:3
                ports:
                  - "80:8080"   # expect: privileged-port
                  - "127.0.0.1:443:8443"   # expect: privileged-port
                  - "8080:80"
                  - "80"
                  - "1000-1030:1000-1030"   # expect: privileged-port
                  - "53:53/udp"   # expect: privileged-port
                  - target: 22
                    published: 22   # expect: privileged-port
                  - target: 25
                    published: "1025"
                  - "900-2000:9000"   # expect: privileged-port
              host:
                image: x:1
                network_mode: host
                ports: ["80:80"]
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'proxy' publishes host port 80/tcp, below 1024:"
        + " those are reserved for the host's system services, and clients may trust whatever answers there;"
        + " publish an unprivileged port (such as 8080 for 80), or, if the service is meant to be the host's"
        + " front door, suppress this with that reason");
    assertThat(findings.get(2).message()).startsWith("service 'proxy' publishes host ports 1000-1023/tcp, below");
    assertThat(findings.get(3).message()).contains("host port 53/udp");
    assertThat(findings.get(4).at().column()).isEqualTo(20);
    assertThat(findings.get(5).message()).contains("host ports 900-1023/tcp");
  }

  @Test
  void fromAnAnchorExtendsAndAnOverrideFile() {
    RuleTester.of(new PrivilegedPort())
        .extraFile("base.yaml", """
            services:
              base:
                image: base:1
                ports: ["443:443"]   # expect: privileged-port
            """)
        .file("compose.yaml", """
            x-http: &http "80:80"   # expect: privileged-port
            services:
              a:
                image: a:1
                ports: [*http]
              b:
                extends: {file: base.yaml, service: base}
            """)
        .file("compose.override.yaml", """
            services:
              a:
                ports: ["127.0.0.1:25:25"]   # expect: privileged-port
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolated() {
    RuleTester.of(new PrivilegedPort())
        .environment(Map.of("HTTP_PORT", "80"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                ports:
                  - "${HTTP_PORT}:8080"   # expect: privileged-port
                  - "${HTTPS_PORT:-8443}:8443"
            """)
        .expectMarkedFindings();
  }
}
