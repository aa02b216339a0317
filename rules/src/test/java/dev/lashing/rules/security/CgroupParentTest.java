package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CgroupParentTest {

  @Test
  void cgroupParentSet() {
    List<Finding> findings = RuleTester.of(new CgroupParent())
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                cgroup_parent: m-executor-abcd   # expect: cgroup-parent
              b:
                image: b:1
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).startsWith("service 'a' sets cgroup_parent 'm-executor-abcd':");
    assertThat(findings.get(0).at().column()).isEqualTo(20);
  }

  @Test
  void fromAnAnchorExtendsAndAnOverrideFile() {
    RuleTester.of(new CgroupParent())
        .extraFile("base.yaml", """
            services:
              base:
                image: base:1
                cgroup_parent: batch.slice   # expect: cgroup-parent
            """)
        .file("compose.yaml", """
            x-slice: &slice
              cgroup_parent: web.slice   # expect: cgroup-parent
            services:
              a:
                <<: *slice
                image: a:1
              b:
                extends: {file: base.yaml, service: base}
              c:
                image: c:1
            """)
        .file("compose.override.yaml", """
            services:
              c:
                cgroup_parent: other.slice   # expect: cgroup-parent
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolated() {
    RuleTester.of(new CgroupParent())
        .environment(Map.of("SLICE", "app.slice"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                cgroup_parent: ${SLICE}   # expect: cgroup-parent
            """)
        .expectMarkedFindings();
  }
}
