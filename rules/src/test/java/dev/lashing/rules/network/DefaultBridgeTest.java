package dev.lashing.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Severity;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultBridgeTest {

  @Test
  void reportsNetworkModeBridgeOnly() {
    Finding finding = RuleTester.of(new DefaultBridge())
        .file("compose.yaml", """
            services:
              legacy:
                image: nginx:1.27
                network_mode: bridge   # expect: default-bridge
              host:
                image: nginx:1.27
                network_mode: host
              shared:
                image: nginx:1.27
                network_mode: "service:legacy"
              plain:
                image: nginx:1.27
            """)
        .expectMarkedFindings().get(0);
    assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(finding.fix()).isEqualTo(new Fix("remove network_mode: bridge", Fix.Safety.BEHAVIOUR_CHANGING,
        List.of(new Fix.Remove(List.of("services", "legacy", "network_mode")))));
  }

  @Test
  void followsAnchorsExtendsOverridesAndVariables() {
    RuleTester.of(new DefaultBridge())
        .policy(Policy.PRODUCTION)
        .file("compose.yaml", """
            x-net: &net
              network_mode: bridge   # expect: default-bridge
            services:
              a:
                <<: *net
                image: nginx:1.27
              b:
                extends:
                  file: base.yaml
                  service: b
              c:
                image: nginx:1.27
                network_mode: ${MODE}   # expect: default-bridge
            """)
        .extraFile("base.yaml", """
            services:
              b:
                image: nginx:1.27
                network_mode: bridge   # expect: default-bridge
            """)
        .file("compose.override.yaml", """
            services:
              d:
                image: nginx:1.27
                network_mode: bridge   # expect: default-bridge
            """)
        .environment(Map.of("MODE", "bridge"))
        .expectMarkedFindings()
        .forEach(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
  }
}
