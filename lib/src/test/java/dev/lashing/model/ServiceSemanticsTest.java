package dev.lashing.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the accessors rules use mean, as docker compose applies the attributes at run time. */
class ServiceSemanticsTest {

  private static Service service(String attributes) {
    return Bound.service(attributes).clean().s();
  }

  @Test
  void memoryLimitComesFromDeployOverLegacy() {
    assertThat(service("mem_limit: 1g\n").effectiveMemoryLimit().orElseThrow().value()).isEqualTo(1L << 30);

    Bound both = Bound.service("""
        mem_limit: 1g
        deploy:
          resources:
            limits:
              memory: 512m
        """).clean();
    Located<Long> limit = both.s().effectiveMemoryLimit().orElseThrow();
    assertThat(limit.value()).isEqualTo(512L << 20);
    both.assertAt(limit, "512m");

    Service zeroDeploy = service("mem_limit: 1g\ndeploy:\n  resources:\n    limits:\n      memory: 0\n");
    assertThat(zeroDeploy.effectiveMemoryLimit().orElseThrow().value()).isEqualTo(1L << 30);

    assertThat(service("image: x\n").effectiveMemoryLimit()).isEmpty();
    assertThat(service("mem_limit: 0\n").effectiveMemoryLimit()).as("zero means no limit").isEmpty();
    assertThat(service("deploy:\n  resources:\n    reservations:\n      memory: 1g\n").effectiveMemoryLimit())
        .as("a reservation is not a limit").isEmpty();
  }

  @Test
  void memoryReservationComesFromDeployOverLegacy() {
    assertThat(service("mem_reservation: 64m\n").effectiveMemoryReservation().orElseThrow().value())
        .isEqualTo(64L << 20);
    assertThat(service("mem_reservation: 64m\ndeploy:\n  resources:\n    reservations:\n      memory: 32m\n")
        .effectiveMemoryReservation().orElseThrow().value()).isEqualTo(32L << 20);
  }

  @Test
  void cpuLimitComesFromDeployOverLegacy() {
    assertThat(service("cpus: 2\n").effectiveCpuLimit().orElseThrow().value()).isEqualTo(2.0);
    assertThat(service("cpus: 2\ndeploy:\n  resources:\n    limits:\n      cpus: '0.5'\n")
        .effectiveCpuLimit().orElseThrow().value()).isEqualTo(0.5);
    assertThat(service("cpus: 2\ndeploy:\n  resources:\n    limits:\n      cpus: 0\n")
        .effectiveCpuLimit().orElseThrow().value()).isEqualTo(2.0);
    assertThat(service("cpus: 0\n").effectiveCpuLimit()).isEmpty();
    assertThat(service("cpu_shares: 512\n").effectiveCpuLimit()).as("shares are a weight, not a limit").isEmpty();
  }

  @Test
  void pidsLimitComesFromPositiveDeployOverLegacy() {
    assertThat(service("pids_limit: 100\n").effectivePidsLimit().orElseThrow().value()).isEqualTo(100);
    assertThat(service("pids_limit: -1\n").effectivePidsLimit().orElseThrow().value())
        .as("-1 is written, meaning unlimited").isEqualTo(-1);
    assertThat(service("pids_limit: 100\ndeploy:\n  resources:\n    limits:\n      pids: 50\n")
        .effectivePidsLimit().orElseThrow().value()).isEqualTo(50);
    assertThat(service("pids_limit: 100\ndeploy:\n  resources:\n    limits:\n      pids: -1\n")
        .effectivePidsLimit().orElseThrow().value()).as("only a positive deploy value overrides").isEqualTo(100);
    assertThat(service("pids_limit: 0\n").effectivePidsLimit()).isEmpty();
  }

  @Test
  void replicasComeFromScaleOrDeploy() {
    assertThat(service("scale: 3\n").effectiveReplicas().orElseThrow().value()).isEqualTo(3);
    assertThat(service("deploy:\n  replicas: 2\n").effectiveReplicas().orElseThrow().value()).isEqualTo(2);
    assertThat(service("image: x\n").effectiveReplicas()).isEmpty();
  }

  @ParameterizedTest(name = "restart: {0}")
  @CsvSource({
    "'\"no\"', NO, ", "always, ALWAYS, ", "unless-stopped, UNLESS_STOPPED, ", "on-failure, ON_FAILURE, ",
    "'on-failure:3', ON_FAILURE, 3", "'on-failure:x', ON_FAILURE, 0", "sometimes, OTHER, "
  })
  void readsTheRestartAttribute(String written, Restart.Policy policy, Long retries) {
    Restart restart = service("restart: " + written + "\n").effectiveRestart().orElseThrow();
    assertThat(restart.policy()).isEqualTo(policy);
    assertThat(restart.maxRetries()).isEqualTo(retries);
  }

  @ParameterizedTest(name = "condition: {0}")
  @CsvSource({"none, NO", "any, ALWAYS", "on-failure, ON_FAILURE"})
  void deployRestartPolicyWins(String condition, Restart.Policy policy) {
    Bound b = Bound.service("""
        restart: unless-stopped
        deploy:
          restart_policy:
            condition: %s
            max_attempts: 5
        """.formatted(condition)).clean();
    Restart effective = b.s().effectiveRestart().orElseThrow();
    assertThat(effective.policy()).isEqualTo(policy);
    assertThat(effective.maxRetries()).isEqualTo(5);
    assertThat(effective.text()).isEqualTo(condition);
    b.assertAt(new Located<>("", effective.origin()), "condition: " + condition, condition);
    assertThat(b.s().restart().policy()).as("the written attribute stays visible").isEqualTo(Restart.Policy.UNLESS_STOPPED);
  }

  @Test
  void aRestartPolicyWithoutConditionMeansNo() {
    Bound b = Bound.service("restart: always\ndeploy:\n  restart_policy:\n    delay: 5s\n").clean();
    Restart effective = b.s().effectiveRestart().orElseThrow();
    assertThat(effective.policy()).isEqualTo(Restart.Policy.NO);
    assertThat(effective.restarts()).isFalse();
    assertThat(effective.origin()).isEqualTo(b.s().deploy().restartPolicy().origin());
  }

  @Test
  void noRestartWrittenIsEmpty() {
    Service s = service("image: x\ndeploy:\n  replicas: 1\n");
    assertThat(s.restart()).isNull();
    assertThat(s.effectiveRestart()).isEmpty();
    assertThat(service("restart: \"\"\n").effectiveRestart()).as("an empty string is unset").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "image: x\n", "networks: {}\n", "networks: null\n", "networks:\n  default: null\n", "network_mode: \"\"\n",
    "networks:\n  front: null\n  default: null\n"
  })
  void joinsTheDefaultNetwork(String attributes) {
    assertThat(service(attributes).usesDefaultNetwork()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "networks:\n  front: null\n", "network_mode: host\n", "network_mode: none\n", "network_mode: bridge\n",
    "network_mode: service:db\n", "provider:\n  type: model\n"
  })
  void doesNotJoinTheDefaultNetwork(String attributes) {
    assertThat(service(attributes).usesDefaultNetwork()).isFalse();
  }

  @Test
  void readsNetworkModes() {
    assertThat(service("network_mode: bridge\n").networkMode().kind()).isEqualTo(NamespaceMode.Kind.BRIDGE);
    NamespaceMode container = service("network_mode: container:abc\n").networkMode();
    assertThat(container.kind()).isEqualTo(NamespaceMode.Kind.CONTAINER);
    assertThat(container.reference()).isEqualTo("abc");
    assertThat(service("network_mode: my_net\n").networkMode().kind()).isEqualTo(NamespaceMode.Kind.OTHER);
    assertThat(service("pid: service:db\n").pid().reference()).isEqualTo("db");
  }

  @ParameterizedTest(name = "network_mode: {0}")
  @CsvSource({"host, 0", "none, 0", "service:db, 0", "container:x, 0", "bridge, 1", "my_net, 1"})
  void publishesPortsOnlyFromItsOwnNetworkNamespace(String mode, int published) {
    Service s = service("network_mode: \"" + mode + "\"\nports:\n  - target: 80\n");
    assertThat(s.publishedPorts()).hasSize(published);
    assertThat(s.ports()).hasSize(1);
    assertThat(service("ports:\n  - target: 80\n").publishedPorts()).hasSize(1);
  }

  @ParameterizedTest(name = "host_ip: \"{0}\" all interfaces: {1}")
  @CsvSource({
    "'', true", "0.0.0.0, true", "::, true", "[::], true", "0:0:0:0:0:0:0:0, true", "::ffff:0.0.0.0, true",
    "127.0.0.1, false", "::1, false", "192.168.1.5, false", "10.0.0.0, false", "fe80::, false", "::ffff:10.0.0.1, false"
  })
  void tellsPortsBoundToAllInterfaces(String hostIp, boolean all) {
    Port port = service("ports:\n  - target: 80\n    host_ip: \"" + hostIp + "\"\n").ports().get(0);
    assertThat(port.isBoundToAllInterfaces()).isEqualTo(all);
    assertThat(port.protocolOrDefault()).isEqualTo("tcp");
  }

  @Test
  void disabledHealthchecksTestNone() {
    Healthcheck disabled = service("healthcheck:\n  test: [CMD, true]\n  disable: true\n").healthcheck();
    assertThat(disabled.isDisabled()).isTrue();
    assertThat(disabled.effectiveTest()).containsExactly("NONE");
    Healthcheck none = service("healthcheck:\n  test: [NONE]\n").healthcheck();
    assertThat(none.isDisabled()).isTrue();
    assertThat(service("healthcheck:\n  interval: 5s\n").healthcheck().effectiveTest()).isEmpty();
  }

  @Test
  void emptyCommandIsNotAbsentCommand() {
    Service cleared = service("command: []\n");
    assertThat(cleared.command()).isNotNull();
    assertThat(cleared.command().isEmpty()).isTrue();
    assertThat(service("image: x\n").command()).isNull();
  }

  @Test
  void defaultsAreNotFilledIn() {
    Service s = service("""
        depends_on:
          db:
            condition: service_started
        env_file:
          - path: .env
        volumes:
          - type: volume
            target: /data
          - type: bind
            source: /etc
            target: /etc
            bind:
              propagation: rslave
        """);
    Dependency db = s.dependsOn().get("db");
    assertThat(db.required()).isNull();
    assertThat(db.isRequired()).isTrue();
    assertThat(s.envFile().get(0).required()).isNull();
    assertThat(s.envFile().get(0).isRequired()).isTrue();
    assertThat(s.volumes().get(0).isAnonymousVolume()).isTrue();
    assertThat(s.volumes().get(0).readOnly()).isNull();
    assertThat(s.volumes().get(1).bind().createHostPath()).as("Compose's default true is not invented").isNull();
  }
}
