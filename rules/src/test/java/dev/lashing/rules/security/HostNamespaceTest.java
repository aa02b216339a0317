package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostNamespaceTest {

  @Test
  void eachHostNamespaceIsReported() {
    List<Finding> findings = RuleTester.of(new HostNamespace())
        .file("compose.yaml", """
            services:
              agent:
                image: agent:1
                pid: host   # expect: host-namespace
                ipc: host   # expect: host-namespace
                uts: host   # expect: host-namespace
                userns_mode: host   # expect: host-namespace
                cgroup: host   # expect: host-namespace
                network_mode: host
              app:
                image: app:1
                pid: service:agent
                ipc: shareable
                cgroup: private
            """)
        .expectMarkedFindings();
    assertThat(findings).extracting(Finding::message).allMatch(m -> m.startsWith("service 'agent' sets "));
    assertThat(findings.get(0).message()).contains("pid: host: it sees every process on the host");
    assertThat(findings.get(3).message()).contains("root in the container is root on the host");
  }

  @Test
  void fromAnAnchorExtendsAndAnOverrideFile() {
    RuleTester.of(new HostNamespace())
        .extraFile("base.yaml", """
            services:
              base:
                image: base:1
                ipc: host   # expect: host-namespace
            """)
        .file("compose.yaml", """
            x-debug: &debug
              pid: host   # expect: host-namespace
            services:
              a:
                <<: *debug
                image: a:1
              b:
                extends: {file: base.yaml, service: base}
            """)
        .file("compose.override.yaml", """
            services:
              b:
                uts: host   # expect: host-namespace
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolated() {
    RuleTester.of(new HostNamespace())
        .environment(Map.of("PID_MODE", "host"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                pid: ${PID_MODE}   # expect: host-namespace
                ipc: ${IPC_MODE:-private}
            """)
        .expectMarkedFindings();
  }
}
