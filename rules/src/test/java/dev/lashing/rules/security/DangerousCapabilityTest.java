package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DangerousCapabilityTest {

  @Test
  void eachDangerousCapabilityInAnySpelling() {
    List<Finding> findings = RuleTester.of(new DangerousCapability())
        .file("compose.yaml", """
            services:
              vpn:
                image: vpn:1
                cap_add:
                  - NET_ADMIN   # expect: dangerous-capability
                  - NET_BIND_SERVICE
                  - CHOWN
              debug:
                image: debug:1
                cap_add: [CAP_SYS_PTRACE, sys_admin, SYS_NICE]   # expect: dangerous-capability, dangerous-capability
              module:
                image: x:1
                cap_add: [Cap_Sys_Module]   # expect: dangerous-capability
              all:
                image: x:1
                cap_add:
                  - ALL   # expect: dangerous-capability
                  - DAC_READ_SEARCH   # expect: dangerous-capability
                  - SYS_RAWIO   # expect: dangerous-capability
                  - sys_time   # expect: dangerous-capability
                  - BPF   # expect: dangerous-capability
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).startsWith("service 'vpn' adds capability NET_ADMIN: it grants"
        + " reconfiguring interfaces");
    assertThat(findings).extracting(f -> f.at().column()).startsWith(9, 15, 31, 15);
    assertThat(findings.get(2).message()).contains("adds capability sys_admin");
  }

  @Test
  void fromAnAnchorExtendsAndAnOverrideFile() {
    RuleTester.of(new DangerousCapability())
        .extraFile("base.yaml", """
            services:
              base:
                image: base:1
                cap_add: [SYS_ADMIN]   # expect: dangerous-capability
            """)
        .file("compose.yaml", """
            x-caps: &caps [NET_ADMIN]   # expect: dangerous-capability
            services:
              a:
                image: a:1
                cap_add: *caps
              b:
                extends: {file: base.yaml, service: base}
            """)
        .file("compose.override.yaml", """
            services:
              a:
                cap_add: [SYS_PTRACE]   # expect: dangerous-capability
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolated() {
    RuleTester.of(new DangerousCapability())
        .environment(Map.of("EXTRA_CAP", "SYS_ADMIN"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                cap_add:
                  - ${EXTRA_CAP}   # expect: dangerous-capability
                  - ${OTHER_CAP:-NET_BIND_SERVICE}
            """)
        .expectMarkedFindings();
  }
}
