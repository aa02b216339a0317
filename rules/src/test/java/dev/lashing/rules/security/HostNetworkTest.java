package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostNetworkTest {

  @Test
  void networkModeHostAndTheHostNetworkByName() {
    List<Finding> findings = RuleTester.of(new HostNetwork())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                network_mode: host   # expect: host-network
              api:
                image: api:1
                network_mode: bridge
              sidecar:
                image: envoy:1
                network_mode: service:api
              swarm:
                image: x:1
                networks:
                  hostnet:   # expect: host-network
                  backend:
            networks:
              hostnet:
                external: true
                name: host
              backend: {}
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).startsWith("service 'web' uses network_mode: host: it can listen on any"
        + " host port");
    assertThat(findings.get(0).at().column()).isEqualTo(19);
    assertThat(findings.get(1).message()).contains("joins network 'hostnet', which is the host's network");
  }

  @Test
  void fromAnAnchorExtendsAndAnOverrideFile() {
    RuleTester.of(new HostNetwork())
        .extraFile("base.yaml", """
            services:
              agent:
                image: agent:1
                network_mode: host   # expect: host-network
            """)
        .file("compose.yaml", """
            x-host: &host
              network_mode: host   # expect: host-network
            services:
              a:
                <<: *host
                image: a:1
              b:
                extends: {file: base.yaml, service: agent}
              c:
                image: c:1
            """)
        .file("compose.override.yaml", """
            services:
              c:
                network_mode: host   # expect: host-network
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolated() {
    RuleTester.of(new HostNetwork())
        .environment(Map.of("NET", "host"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                network_mode: ${NET}   # expect: host-network
              b:
                image: b:1
                network_mode: ${B_NET:-none}
            """)
        .expectMarkedFindings();
  }
}
