package dev.lashing.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Severity;
import dev.lashing.rules.testing.RuleTester;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortAllInterfacesTest {
  private static final List<String> WEB_PORTS = List.of("services", "web", "ports");

  @Test
  void reportsEverySpellingOfAllInterfaces() {
    RuleTester.of(new PortAllInterfaces())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                ports:
                  - "8080:80"                 # expect: port-all-interfaces
                  - "0.0.0.0:8081:80"         # expect: port-all-interfaces
                  - "[::]:8082:80"            # expect: port-all-interfaces
                  - "8083"                    # expect: port-all-interfaces
                  - 8084                      # expect: port-all-interfaces
                  - target: 85                # expect: port-all-interfaces
                    published: "8085"
                  - target: 86                # expect: port-all-interfaces
                    published: "8086"
                    host_ip: "::"
                  - "127.0.0.1:9000:9000"
                  - "[::1]:9001:9001"
                  - target: 92
                    published: "9002"
                    host_ip: 192.168.10.5
            """)
        .expectMarkedFindings();
  }

  @Test
  void reportsARangeOnceAndRebindsEachOfItsPorts() {
    List<Finding> findings = RuleTester.of(new PortAllInterfaces())
        .file("compose.yaml", """
            services:
              web:
                image: ghcr.io/acme/web:1.4
                ports:
                  - "127.0.0.1:443:443"
                  - "3000-3001:4000-4001/udp"   # expect: port-all-interfaces
            """)
        .expectMarkedFindings();
    Finding finding = findings.get(0);
    assertThat(finding.message()).contains("3000-3001:4000-4001/udp").contains("127.0.0.1");
    assertThat(finding.fix().safety()).isEqualTo(Fix.Safety.BEHAVIOUR_CHANGING);
    assertThat(finding.fix().changes()).containsExactly(
        new Fix.ReplaceItem(WEB_PORTS, 1, binding("127.0.0.1", 4000L, "3000", "udp")),
        new Fix.ReplaceItem(WEB_PORTS, 2, binding("127.0.0.1", 4001L, "3001", "udp")));
  }

  @Test
  void fixIsSafeUnderDevelopmentWhereTheRuleIsHigh() {
    Finding finding = RuleTester.of(new PortAllInterfaces())
        .policy(Policy.DEVELOPMENT)
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                ports: ["8080:80"]   # expect: port-all-interfaces
            """)
        .expectMarkedFindings().get(0);
    assertThat(finding.severity()).isEqualTo(Severity.HIGH);
    assertThat(finding.fix().safety()).isEqualTo(Fix.Safety.SAFE);
    assertThat(finding.fix().changes())
        .containsExactly(new Fix.ReplaceItem(WEB_PORTS, 0, binding("127.0.0.1", 80L, "8080", "tcp")));
  }

  @Test
  void rebindsIpv6ToLoopbackAndHonoursTheHostIpOption() {
    Finding ipv6 = RuleTester.of(new PortAllInterfaces())
        .file("compose.yaml", """
            services:
              web:
                image: ghcr.io/acme/web:1.4
                ports:
                  - target: 80   # expect: port-all-interfaces
                    published: "8080"
                    host_ip: "::"
            """)
        .expectMarkedFindings().get(0);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("mode", "ingress"); // Compose's defaults are part of the merged model
    expected.put("host_ip", "::1");
    expected.put("target", 80L);
    expected.put("published", "8080");
    expected.put("protocol", "tcp");
    assertThat(ipv6.fix().changes()).containsExactly(new Fix.ReplaceItem(WEB_PORTS, 0, expected));

    Finding configured = RuleTester.of(new PortAllInterfaces())
        .options(Map.of("host_ip", "10.0.0.5"))
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                ports: ["8080:80"]   # expect: port-all-interfaces
            """)
        .expectMarkedFindings().get(0);
    assertThat(configured.fix().changes())
        .containsExactly(new Fix.ReplaceItem(WEB_PORTS, 0, binding("10.0.0.5", 80L, "8080", "tcp")));
    assertThat(configured.message()).contains("bind it to 10.0.0.5");
  }

  /** A binding that, once bound, is already in the list (or becomes an earlier one's twin) is removed instead. */
  @Test
  void aPortWhoseBoundFormIsAlreadyListedIsRemovedNotDuplicated() {
    List<Finding> listed = RuleTester.of(new PortAllInterfaces())
        .file("compose.yaml", """
            services:
              web:
                image: ghcr.io/acme/web:1.4
                ports:
                  - "8080:80"              # expect: port-all-interfaces
                  - "127.0.0.1:8080:80"
                  - 9000                   # expect: port-all-interfaces
                  - "127.0.0.1::9000"
                  - "8443:443"             # expect: port-all-interfaces
            """)
        .expectMarkedFindings();
    assertThat(listed.get(0).fix().changes()).containsExactly(new Fix.RemoveItem(WEB_PORTS, 0));
    assertThat(listed.get(0).fix().description()).isEqualTo("remove port 8080:80, which is also listed bound to "
        + "127.0.0.1");
    assertThat(listed.get(1).fix().changes()).containsExactly(new Fix.RemoveItem(WEB_PORTS, 2));
    assertThat(listed.get(2).fix().changes())
        .containsExactly(new Fix.ReplaceItem(WEB_PORTS, 4, binding("127.0.0.1", 443L, "8443", "tcp")));

    List<Finding> twins = RuleTester.of(new PortAllInterfaces())
        .options(Map.of("host_ip", "10.0.0.5"))
        .file("compose.yaml", """
            services:
              web:
                image: ghcr.io/acme/web:1.4
                ports:
                  - "0.0.0.0:8080:80"      # expect: port-all-interfaces
                  - "[::]:8080:80"         # expect: port-all-interfaces
            """)
        .expectMarkedFindings();
    assertThat(twins.get(0).fix().changes())
        .containsExactly(new Fix.ReplaceItem(WEB_PORTS, 0, binding("10.0.0.5", 80L, "8080", "tcp")));
    assertThat(twins.get(1).fix().changes()).as("the first one bound is the same binding")
        .containsExactly(new Fix.RemoveItem(WEB_PORTS, 1));
  }

  /**
   * A range whose every binding is already listed bound (as a range, or as single ports) is removed whole; one of
   * which only some are is left to a person, without a fix: rebinding it whole would list those twice, and removing
   * it would stop publishing the others. Its ports stay as written for the entries after it.
   */
  @Test
  void aRangeWhoseBoundFormIsListedIsRemovedAndOnePartlyListedIsLeftAsItIs() {
    List<Finding> findings = RuleTester.of(new PortAllInterfaces())
        .file("compose.yaml", """
            services:
              web:
                image: ghcr.io/acme/web:1.4
                ports:
                  - "8000-8001:8000-8001"           # expect: port-all-interfaces
                  - "127.0.0.1:8000-8001:8000-8001"
                  - "9000-9001:9000-9001"           # expect: port-all-interfaces
                  - "127.0.0.1:9000:9000"
                  - "127.0.0.1:9001:9001"
                  - "7000-7002:7000-7002"           # expect: port-all-interfaces
                  - "127.0.0.1:7001:7001"
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).fix().changes())
        .containsExactly(new Fix.RemoveItem(WEB_PORTS, 0), new Fix.RemoveItem(WEB_PORTS, 1));
    assertThat(findings.get(0).fix().description())
        .isEqualTo("remove port 8000-8001:8000-8001, which is also listed bound to 127.0.0.1");
    assertThat(findings.get(1).fix().changes())
        .containsExactly(new Fix.RemoveItem(WEB_PORTS, 4), new Fix.RemoveItem(WEB_PORTS, 5));
    assertThat(findings.get(2).fix()).isNull();
    assertThat(findings.get(2).message()).endsWith("some of its ports (1 of 3) are already listed bound to 127.0.0.1,"
        + " so bind the others by hand: rebinding the whole range would list those twice");

    List<Finding> after = RuleTester.of(new PortAllInterfaces())
        .options(Map.of("host_ip", "10.0.0.5"))
        .file("compose.yaml", """
            services:
              web:
                image: ghcr.io/acme/web:1.4
                ports:
                  - "7000-7002:7000-7002"           # expect: port-all-interfaces
                  - "10.0.0.5:7001:7001"
                  - "[::]:7000:7000"                # expect: port-all-interfaces
            """)
        .expectMarkedFindings();
    assertThat(after.get(0).fix()).isNull();
    assertThat(after.get(1).fix().changes()).as("the range left as it is does not list 10.0.0.5:7000:7000")
        .containsExactly(new Fix.ReplaceItem(WEB_PORTS, 4, binding("10.0.0.5", 7000L, "7000", "tcp")));
  }

  @Test
  void aGatewayKeepsItsPortsOnEveryInterfaceOutsideDevelopment() {
    String stack = """
        services:
          proxy:
            image: nginx:1.27
            ports: ["80:80", "443:443"]   # expect: port-all-interfaces, port-all-interfaces
          api:
            image: ghcr.io/acme/api:1.4
            ports: ["8080:8080"]          # expect: port-all-interfaces
        """;
    for (Policy policy : List.of(Policy.DEFAULT, Policy.PRODUCTION)) {
      List<Finding> findings = RuleTester.of(new PortAllInterfaces()).policy(policy).file("compose.yaml", stack)
          .expectMarkedFindings();
      assertThat(findings).filteredOn(f -> f.service().equals("proxy"))
          .allSatisfy(f -> assertThat(f.fix()).as("no fix unpublishes a gateway").isNull())
          .allSatisfy(f -> assertThat(f.message()).contains("proxy is a gateway"));
      assertThat(findings).filteredOn(f -> f.service().equals("api")).singleElement()
          .satisfies(f -> assertThat(f.fix()).isNotNull());
    }
    Finding named = RuleTester.of(new PortAllInterfaces()).policy(Policy.PRODUCTION)
        .options(Map.of("host_ip", "203.0.113.7"))
        .file("compose.yaml", stack).expectMarkedFindings().get(0);
    assertThat(named.fix().changes()).as("a configured public address keeps it published")
        .containsExactly(new Fix.ReplaceItem(List.of("services", "proxy", "ports"), 0,
            binding("203.0.113.7", 80L, "80", "tcp")));
    assertThat(RuleTester.of(new PortAllInterfaces()).policy(Policy.DEVELOPMENT).file("compose.yaml", stack)
        .expectMarkedFindings()).allSatisfy(f -> assertThat(f.fix()).isNotNull());
  }

  @Test
  void ignoresPortsThatNetworkModeMakesMoot() {
    RuleTester.of(new PortAllInterfaces())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                ports: ["127.0.0.1:8080:80"]
              sidecar:
                image: envoyproxy/envoy:v1.31.0
                network_mode: "service:web"
                ports: ["9901:9901"]
              isolated:
                image: busybox:1.36
                network_mode: none
                ports: ["7000:7000"]
            """)
        .expectNoFindings();
  }

  @Test
  void trustsANetworkThatBindsPublishedPortsToOneAddress() {
    RuleTester.of(new PortAllInterfaces())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                networks: [local]
                ports:
                  - "8080:80"
                  - "0.0.0.0:8081:80"   # expect: port-all-interfaces
              api:
                image: nginx:1.27
                networks: [local, open]
                ports:
                  - "8082:80"           # expect: port-all-interfaces
            networks:
              local:
                driver_opts:
                  com.docker.network.bridge.host_binding_ipv4: "127.0.0.1"
              open:
                driver_opts:
                  com.docker.network.bridge.host_binding_ipv4: "0.0.0.0"
            """)
        .expectMarkedFindings();
  }

  @Test
  void pointsAtAnchorsExtendsAndOverrideFiles() {
    List<Finding> findings = RuleTester.of(new PortAllInterfaces())
        .file("compose.yaml", """
            x-ports: &ports
              - "8080:80"          # expect: port-all-interfaces
            services:
              web:
                image: nginx:1.27
                ports: *ports
              api:
                extends:
                  file: base.yaml
                  service: api
            """)
        .extraFile("base.yaml", """
            services:
              api:
                image: nginx:1.27
                ports:
                  - "9000:9000"    # expect: port-all-interfaces
            """)
        .file("compose.override.yaml", """
            services:
              web:
                ports:
                  - "0.0.0.0:8443:443"   # expect: port-all-interfaces
            """)
        .expectMarkedFindings();
    assertThat(findings).filteredOn(f -> f.at().file().equals("compose.yaml"))
        .singleElement().satisfies(f -> assertThat(f.via()).isNotEmpty());
  }

  @Test
  void readsTheInterpolatedHostAddress() {
    String compose = """
        services:
          web:
            image: nginx:1.27
            ports:
              - "${BIND:-0.0.0.0}:8080:80"   # expect: port-all-interfaces
        """;
    RuleTester.of(new PortAllInterfaces()).file("compose.yaml", compose).expectMarkedFindings();
    RuleTester.of(new PortAllInterfaces())
        .environment(Map.of("BIND", "127.0.0.1"))
        .file("compose.yaml", compose)
        .expectNoFindings();
  }

  private static Map<String, Object> binding(String hostIp, long target, String published, String protocol) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("mode", "ingress");
    item.put("host_ip", hostIp);
    item.put("target", target);
    item.put("published", published);
    item.put("protocol", protocol);
    return item;
  }
}
