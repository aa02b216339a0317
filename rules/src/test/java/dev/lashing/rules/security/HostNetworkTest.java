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

  /** The engine publishes nothing for a host-networked container: the finding names the ports it ignores. */
  @Test
  void theMessageNamesThePortsTheHostNetworkIgnores() {
    List<Finding> findings = RuleTester.of(new HostNetwork())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                network_mode: host   # expect: host-network
                ports:
                  - "127.0.0.1:8080:80"
                  - "443"
                  - target: 53
                    published: "5353"
                    protocol: udp
              metrics:
                image: exporter:1
                network_mode: host   # expect: host-network
                ports: ["9100:9100"]
              many:
                image: many:1
                network_mode: host   # expect: host-network
                ports: ["1:1", "2:2", "3000-3002:3000-3002", "4:4", "5:5", "6:6"]
              plain:
                image: plain:1
                network_mode: host   # expect: host-network
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).contains("; its ports 8080:80, 443, 5353:53/udp are ignored, since the"
        + " engine publishes nothing for a container on the host's network; put it on a project network");
    assertThat(findings.get(1).message()).contains("; its port 9100:9100 is ignored");
    assertThat(findings.get(2).message()).contains("; its ports 1:1, 2:2, 3000-3002:3000-3002, 4:4 and 2 more are"
        + " ignored");
    assertThat(findings.get(3).message()).doesNotContain("ignored");
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
