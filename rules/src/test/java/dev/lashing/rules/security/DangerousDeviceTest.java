package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DangerousDeviceTest {

  @Test
  void memoryDisksAndEveryDevice() {
    List<Finding> findings = RuleTester.of(new DangerousDevice())
        .file("compose.yaml", """
            services:
              disk:
                image: tool:1
                devices:
                  - /dev/mem:/dev/mem   # expect: dangerous-device
                  - /dev/sda   # expect: dangerous-device
                  - /dev/nvme0n1:/dev/disk0:r   # expect: dangerous-device
                  - /dev/disk/by-id/ata-X:/dev/x   # expect: dangerous-device
                  - /dev/mapper/vg-root:/dev/root   # expect: dangerous-device
                  - /dev/fuse   # expect: dangerous-device
                  - source: /dev/kmem   # expect: dangerous-device
                    target: /dev/kmem
                    permissions: r
                  - /dev/dri:/dev/dri
                  - /dev/snd
                  - /dev/net/tun
                  - /dev/ttyUSB0:/dev/ttyUSB0
              cgroup:
                image: tool:1
                device_cgroup_rules:
                  - "a *:* rwm"   # expect: dangerous-device
                  - "b *:* rw"   # expect: dangerous-device
                  - "c *:* rwm"   # expect: dangerous-device
                  - "b 8:* rw"   # expect: dangerous-device
                  - "c 1:1 r"   # expect: dangerous-device
                  - "b 259:0 r"   # expect: dangerous-device
                  - "c 189:* rwm"
                  - "c 1:3 rw"
                  - "b *:* m"
                  - "c 116:* rmw"
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'disk' maps device /dev/mem, which gives it the"
        + " host's physical memory or I/O ports; remove the mapping, or map only the one device the service"
        + " needs");
    assertThat(findings.get(1).message()).contains("raw access to a host disk, beneath the file permissions");
    assertThat(findings.get(7).message()).isEqualTo("service 'cgroup' has device_cgroup_rules 'a *:* rwm', which"
        + " allows every host device; allow only the major and minor numbers of the device the service needs");
    assertThat(findings.get(11).message()).contains("which allows the host's memory");
  }

  @Test
  void fromAnAnchorExtendsAndAnOverrideFile() {
    RuleTester.of(new DangerousDevice())
        .extraFile("base.yaml", """
            services:
              base:
                image: base:1
                devices: [/dev/sdb]   # expect: dangerous-device
            """)
        .file("compose.yaml", """
            x-dev: &dev /dev/mem:/dev/mem   # expect: dangerous-device
            services:
              a:
                image: a:1
                devices: [*dev]
              b:
                extends: {file: base.yaml, service: base}
            """)
        .file("compose.override.yaml", """
            services:
              a:
                device_cgroup_rules: ["a *:* rwm"]   # expect: dangerous-device
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolated() {
    RuleTester.of(new DangerousDevice())
        .environment(Map.of("DISK", "/dev/sdc"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                devices:
                  - ${DISK}:/dev/data   # expect: dangerous-device
                  - ${GPU:-/dev/dri}:/dev/dri
            """)
        .expectMarkedFindings();
  }
}
