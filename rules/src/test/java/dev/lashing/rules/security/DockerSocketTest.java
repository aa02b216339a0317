package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerSocketTest {

  @Test
  void engineSocketsInShortAndLongSyntax() {
    List<Finding> findings = RuleTester.of(new DockerSocket())
        .file("compose.yaml", """
            services:
              ci:
                image: ci:1
                volumes:
                  - /var/run/docker.sock:/var/run/docker.sock   # expect: docker-socket
                  - /run/docker.sock:/docker.sock:ro   # expect: docker-socket
                  - ./docker.sock.bak:/backup/docker.sock
                  - cache:/cache
                  - type: bind
                    source: /run/podman/podman.sock   # expect: docker-socket
                    target: /run/podman/podman.sock
                  - type: bind
                    source: //run/containerd//containerd.sock   # expect: docker-socket
                    target: /containerd.sock
              agent:
                image: agent:1
                volumes:
                  - /var/run:/host/run:ro   # expect: docker-socket
                  - /var/log:/host/log:ro
                  - ~/.docker/run/docker.sock:/var/run/docker.sock   # expect: docker-socket
                  - /run/user/1000/podman:/podman   # expect: docker-socket
            volumes:
              cache: {}
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'ci' mounts the Docker socket /var/run/docker.sock:"
        + " anyone in the container can start a privileged container and so controls the host; remove the"
        + " mount, or put a socket proxy that allows only the API calls the service needs in between");
    assertThat(findings.get(1).message()).contains("read-only does not help");
    assertThat(findings.get(2).message()).contains("the Podman socket /run/podman/podman.sock");
    assertThat(findings.get(3).message()).contains("the containerd socket /run/containerd/containerd.sock");
    assertThat(findings.get(4).message()).contains("mounts /var/run, which holds the container engine's socket");
  }

  @Test
  void aLocalVolumeBoundToTheRunDirectory() {
    List<Finding> findings = RuleTester.of(new DockerSocket())
        .file("compose.yaml", """
            services:
              agent:
                image: agent:1
                volumes:
                  - hostrun:/host/run   # expect: docker-socket
                  - data:/data
            volumes:
              hostrun:
                driver: local
                driver_opts: {type: none, o: bind, device: /var/run}
              data:
                driver_opts: {type: nfs, o: "addr=10.0.0.1", device: ":/export"}
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).contains("/var/run (through volume 'hostrun')");
  }

  @Test
  void useApiSocket() {
    RuleTester.of(new DockerSocket())
        .file("compose.yaml", """
            services:
              builder:
                image: docker:27-cli
                use_api_socket: true   # expect: docker-socket
              other:
                image: x:1
                use_api_socket: false
            """)
        .expectMarkedFindings();
  }

  @Test
  void throughAnAnchorExtendsAndAnOverrideFile() {
    RuleTester.of(new DockerSocket())
        .extraFile("base.yaml", """
            services:
              monitored:
                image: base:1
                volumes:
                  - /var/run/docker.sock:/var/run/docker.sock:ro   # expect: docker-socket
            """)
        .file("compose.yaml", """
            x-socket: &socket /var/run/docker.sock:/var/run/docker.sock   # expect: docker-socket
            services:
              a:
                image: a:1
                volumes: [*socket]
              b:
                extends: {file: base.yaml, service: monitored}
              c:
                image: c:1
            """)
        .file("compose.override.yaml", """
            services:
              c:
                volumes:
                  - type: bind
                    source: /var/run/docker.sock   # expect: docker-socket
                    target: /sock
            """)
        .expectMarkedFindings();
  }

  @Test
  void interpolatedSource() {
    RuleTester.of(new DockerSocket())
        .environment(Map.of("SOCKET", "/run/docker.sock"))
        .file("compose.yaml", """
            services:
              a:
                image: a:1
                volumes:
                  - ${SOCKET}:/var/run/docker.sock   # expect: docker-socket
                  - ${DOCKER_SOCK:-/var/run/docker.sock}:/docker.sock   # expect: docker-socket
                  - ${DATA_DIR:-./data}:/data
            """)
        .expectMarkedFindings();
  }
}
