package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensitiveMountTest {

  @Test
  void systemDirectoriesTheirPartsAndTheirAncestors() {
    List<Finding> findings = RuleTester.of(new SensitiveMount())
        .file("compose.yaml", """
            services:
              agent:
                image: agent:1
                volumes:
                  - /:/rootfs:ro   # expect: sensitive-mount
                  - /etc:/host/etc   # expect: sensitive-mount
                  - /etc/shadow:/shadow:ro   # expect: sensitive-mount
                  - /proc:/host/proc:ro   # expect: sensitive-mount
                  - /sys/fs/cgroup:/sys/fs/cgroup   # expect: sensitive-mount
                  - /var/lib/docker/:/var/lib/docker:ro   # expect: sensitive-mount
                  - /var:/host/var   # expect: sensitive-mount
                  - /dev:/dev   # expect: sensitive-mount
                  - /boot:/boot:ro   # expect: sensitive-mount
                  - /usr/local/bin:/tools   # expect: sensitive-mount
                  - /lib/modules:/lib/modules:ro   # expect: sensitive-mount
                  - type: bind
                    source: /etc/../root   # expect: sensitive-mount
                    target: /root
              app:
                image: app:1
                volumes:
                  - ./config:/etc/app:ro
                  - data:/var/lib/app
                  - /srv/app/uploads:/uploads
                  - /var/log:/host/log:ro
                  - /dev/log:/dev/log
                  - /etc/localtime:/etc/localtime:ro
                  - /etc/ssl/certs:/etc/ssl/certs:ro
                  - /usr/share/zoneinfo/Europe/Berlin:/etc/localtime:ro
                  - /var/run/docker.sock:/var/run/docker.sock
                  - /etc/localtime:/etc/localtime   # expect: sensitive-mount
            volumes:
              data: {}
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'agent' mounts / read-only, but it is the host's"
        + " whole filesystem: the container can read all of it; mount only the file or directory the service"
        + " needs");
    assertThat(findings.get(1).message()).isEqualTo("service 'agent' mounts /etc writable, and it holds the host's"
        + " configuration, with users and password hashes, sudoers, cron jobs and SSH keys: the container can"
        + " change it and so take over the host; mount only the file or directory the service needs, read-only"
        + " (:ro)");
    assertThat(findings.get(6).message())
        .contains("mounts /var writable, and it contains /var/lib/docker, the container engine's data");
    assertThat(findings.get(11).message()).contains("mounts /root writable, and it is a home directory tree");
    assertThat(findings.get(11).at().column()).isEqualTo(17);
  }

  @Test
  void homesAndCredentialDirectories() {
    RuleTester.of(new SensitiveMount())
        .file("compose.yaml", """
            services:
              dev:
                image: dev:1
                volumes:
                  - /home:/home   # expect: sensitive-mount
                  - /home/alice:/alice   # expect: sensitive-mount
                  - /home/alice/projects/app:/app
                  - ~/.ssh:/root/.ssh:ro   # expect: sensitive-mount
                  - /home/alice/.aws/credentials:/creds:ro   # expect: sensitive-mount
                  - /root/.kube:/kube   # expect: sensitive-mount
                  - /root/app/data:/data
                  - /Users/bob/.docker/config.json:/config.json:ro   # expect: sensitive-mount
            """)
        .expectMarkedFindings();
  }

  @Test
  void aLocalVolumeBoundToAHostDirectory() {
    List<Finding> findings = RuleTester.of(new SensitiveMount())
        .file("compose.yaml", """
            services:
              backup:
                image: restic:1
                volumes:
                  - hostetc:/backup/etc:ro   # expect: sensitive-mount
                  - srv:/backup/srv
                  - shared:/shared
            volumes:
              hostetc:
                driver_opts: {type: none, o: "bind,ro", device: /etc}
              srv:
                driver_opts: {type: none, o: bind, device: /srv}
              shared:
                external: true
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message())
        .startsWith("service 'backup' mounts /etc (through volume 'hostetc') read-only, but it holds");
  }

  @Test
  void fromAnAnchorExtendsAndAnOverrideFile() {
    RuleTester.of(new SensitiveMount())
        .extraFile("base.yaml", """
            services:
              exporter:
                image: node-exporter:1
                volumes:
                  - /proc:/host/proc:ro   # expect: sensitive-mount
            """)
        .file("compose.yaml", """
            x-host-etc: &host-etc
              type: bind
              source: /etc   # expect: sensitive-mount
              target: /host/etc
            services:
              a:
                image: a:1
                volumes: [*host-etc]
              b:
                extends: {file: base.yaml, service: exporter}
            """)
        .file("compose.override.yaml", """
            services:
              b:
                volumes:
                  - /sys:/host/sys:ro   # expect: sensitive-mount
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolatedSource() {
    RuleTester.of(new SensitiveMount())
        .environment(Map.of("HOST_ROOT", "/"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                volumes:
                  - ${HOST_ROOT}:/host:ro   # expect: sensitive-mount
                  - ${CONF_DIR:-/etc}:/conf   # expect: sensitive-mount
                  - ${DATA_DIR:-./data}:/data
            """)
        .expectMarkedFindings();
  }
}
