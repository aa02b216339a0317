package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedPropagationTest {

  @Test
  void sharedAndSlavePropagationInShortAndLongSyntax() {
    List<Finding> findings = RuleTester.of(new SharedPropagation())
        .file("compose.yaml", """
            services:
              csi:
                image: csi:1
                volumes:
                  - /var/lib/csi:/var/lib/csi:rshared   # expect: shared-propagation
                  - /mnt/a:/a:ro,shared   # expect: shared-propagation
                  - /mnt/b:/b:slave   # expect: shared-propagation
                  - type: bind
                    source: /mnt/c
                    target: /c
                    bind:
                      propagation: rslave   # expect: shared-propagation
                  - /mnt/d:/d:rprivate
                  - /mnt/e:/e:private
                  - /mnt/f:/f
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'csi' mounts /var/lib/csi with rshared propagation:"
        + " mounts the container makes there appear on the host, and the host's in the container; use the"
        + " default (rprivate), or rslave if the service must see the host's later mounts");
    assertThat(findings.get(2).message()).contains("mounts the host makes later there appear in the container");
    assertThat(findings.get(3).at().column()).isEqualTo(24);
  }

  @Test
  void fromAnAnchorExtendsAndAnOverrideFile() {
    RuleTester.of(new SharedPropagation())
        .extraFile("base.yaml", """
            services:
              base:
                image: base:1
                volumes: ["/:/rootfs:ro,rslave"]   # expect: shared-propagation
            """)
        .file("compose.yaml", """
            x-mnt: &mnt /mnt:/mnt:rshared   # expect: shared-propagation
            services:
              a:
                image: a:1
                volumes: [*mnt]
              b:
                extends: {file: base.yaml, service: base}
            """)
        .file("compose.override.yaml", """
            services:
              a:
                volumes: ["/media:/media:shared"]   # expect: shared-propagation
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolated() {
    RuleTester.of(new SharedPropagation())
        .environment(Map.of("PROPAGATION", "rshared"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                volumes:
                  - /mnt:/mnt:${PROPAGATION}   # expect: shared-propagation
                  - /media:/media:${MEDIA_PROPAGATION:-rprivate}
            """)
        .expectMarkedFindings();
  }
}
