package dev.lashing.model;

import dev.lashing.source.Origin;
import dev.lashing.tree.Node;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service, every attribute typed, in alphabetical order. A scalar or single-record attribute that is not
 * written is null; a collection that is not written is empty ({@link #has} tells an empty one from an
 * absent one). {@code nameOrigin} is where the service's key is written, the place to point at when an
 * attribute is missing. {@code extensions} holds {@code x-*} keys and {@code unknown} every other node the
 * model did not bind, both keyed by their path in the service ({@code deploy.x-foo}, {@code ports[2]}).
 */
public record Service(
    String name,
    Origin nameOrigin,
    Origin origin,
    Map<String, Origin> attributeKeys,
    Map<String, KeyValue> annotations,
    Located<Boolean> attach,
    Blkio blkioConfig,
    Build build,
    List<Located<String>> capAdd,
    List<Located<String>> capDrop,
    NamespaceMode cgroup,
    Located<String> cgroupParent,
    Command command,
    List<FileRef> configs,
    Located<String> containerName,
    Located<Long> cpuCount,
    Located<Double> cpuPercent,
    Located<Long> cpuPeriod,
    Located<Long> cpuQuota,
    Located<Long> cpuRtPeriod,
    Located<Long> cpuRtRuntime,
    Located<Double> cpus,
    Located<String> cpuset,
    Located<Long> cpuShares,
    CredentialSpec credentialSpec,
    Map<String, Dependency> dependsOn,
    Deploy deploy,
    Develop develop,
    List<Located<String>> deviceCgroupRules,
    List<Device> devices,
    List<Located<String>> dns,
    List<Located<String>> dnsOpt,
    List<Located<String>> dnsSearch,
    Located<String> domainname,
    Command entrypoint,
    Map<String, KeyValue> environment,
    List<EnvFile> envFile,
    List<Located<String>> expose,
    List<Located<String>> externalLinks,
    List<ExtraHost> extraHosts,
    List<DeviceRequest> gpus,
    List<Located<String>> groupAdd,
    Healthcheck healthcheck,
    Located<String> hostname,
    Image image,
    Located<Boolean> init,
    NamespaceMode ipc,
    Located<String> isolation,
    Map<String, KeyValue> labels,
    List<Located<String>> labelFile,
    List<Located<String>> links,
    Logging logging,
    Located<String> macAddress,
    Located<ByteCount> memLimit,
    Located<ByteCount> memReservation,
    Located<Long> memSwappiness,
    Located<ByteCount> memswapLimit,
    Map<String, ServiceModel> models,
    NamespaceMode networkMode,
    Map<String, ServiceNetwork> networks,
    Located<Boolean> oomKillDisable,
    Located<Long> oomScoreAdj,
    NamespaceMode pid,
    Located<Long> pidsLimit,
    Located<String> platform,
    List<Port> ports,
    List<Hook> postStart,
    List<Hook> preStart,
    List<Hook> preStop,
    Located<Boolean> privileged,
    List<Located<String>> profiles,
    Provider provider,
    Located<String> pullPolicy,
    Located<Boolean> readOnly,
    Restart restart,
    Located<String> runtime,
    Located<Long> scale,
    List<FileRef> secrets,
    List<Located<String>> securityOpt,
    Located<ByteCount> shmSize,
    Located<Boolean> stdinOpen,
    Located<Duration> stopGracePeriod,
    Located<String> stopSignal,
    Map<String, KeyValue> storageOpt,
    Map<String, KeyValue> sysctls,
    List<Located<String>> tmpfs,
    Located<Boolean> tty,
    Map<String, Ulimit> ulimits,
    Located<Boolean> useApiSocket,
    Located<String> user,
    NamespaceMode usernsMode,
    NamespaceMode uts,
    Located<String> volumeDriver,
    List<Mount> volumes,
    List<Located<String>> volumesFrom,
    Located<String> workingDir,
    Map<String, Node> extensions,
    Map<String, Node> unknown) {

  public Service {
    attributeKeys = Frozen.map(attributeKeys);
    annotations = Frozen.map(annotations);
    capAdd = Frozen.list(capAdd);
    capDrop = Frozen.list(capDrop);
    configs = Frozen.list(configs);
    dependsOn = Frozen.map(dependsOn);
    deviceCgroupRules = Frozen.list(deviceCgroupRules);
    devices = Frozen.list(devices);
    dns = Frozen.list(dns);
    dnsOpt = Frozen.list(dnsOpt);
    dnsSearch = Frozen.list(dnsSearch);
    environment = Frozen.map(environment);
    envFile = Frozen.list(envFile);
    expose = Frozen.list(expose);
    externalLinks = Frozen.list(externalLinks);
    extraHosts = Frozen.list(extraHosts);
    gpus = Frozen.list(gpus);
    groupAdd = Frozen.list(groupAdd);
    labels = Frozen.map(labels);
    labelFile = Frozen.list(labelFile);
    links = Frozen.list(links);
    models = Frozen.map(models);
    networks = Frozen.map(networks);
    ports = Frozen.list(ports);
    postStart = Frozen.list(postStart);
    preStart = Frozen.list(preStart);
    preStop = Frozen.list(preStop);
    profiles = Frozen.list(profiles);
    secrets = Frozen.list(secrets);
    securityOpt = Frozen.list(securityOpt);
    storageOpt = Frozen.map(storageOpt);
    sysctls = Frozen.map(sysctls);
    tmpfs = Frozen.list(tmpfs);
    ulimits = Frozen.map(ulimits);
    volumes = Frozen.list(volumes);
    volumesFrom = Frozen.list(volumesFrom);
    extensions = Frozen.map(extensions);
    unknown = Frozen.map(unknown);
  }

  /** Whether the attribute is written (even as null or empty), e.g. {@code has("networks")}. */
  public boolean has(String attribute) {
    return attributeKeys.containsKey(attribute);
  }

  /** Where the attribute's key is written. */
  public Optional<Origin> keyOrigin(String attribute) {
    return Optional.ofNullable(attributeKeys.get(attribute));
  }

  public boolean isPrivileged() {
    return privileged != null && privileged.value();
  }

  public boolean isReadOnly() {
    return readOnly != null && readOnly.value();
  }

  /**
   * The ports that get a host binding. Every {@code ports} entry does (an ephemeral host port when
   * {@code published} is absent), unless the container has no network namespace of its own: with
   * {@code network_mode} host, none, {@code service:} or {@code container:} the engine binds nothing.
   */
  public List<Port> publishedPorts() {
    if (networkMode == null) {
      return ports;
    }
    return switch (networkMode.kind()) {
      case HOST, NONE, SERVICE, CONTAINER -> List.of();
      case BRIDGE, OTHER -> ports;
    };
  }

  /**
   * Joins the project's implicit {@code default} network: no {@code network_mode} and no provider, and
   * {@code networks} absent, empty, or listing {@code default}.
   */
  public boolean usesDefaultNetwork() {
    return networkMode == null && provider == null && (networks.isEmpty() || networks.containsKey("default"));
  }

  /**
   * The restart policy the engine gets: {@code deploy.restart_policy} when present (it wins), else
   * {@code restart}; empty when neither is written, which means the engine's default, "no".
   */
  public Optional<Restart> effectiveRestart() {
    if (deploy != null && deploy.restartPolicy() != null) {
      return Optional.of(Restart.of(deploy.restartPolicy()));
    }
    return Optional.ofNullable(restart);
  }

  /**
   * The memory limit in bytes the container runs with: a non-zero {@code deploy.resources.limits.memory}
   * overrides {@code mem_limit}, as docker compose applies them; zero means no limit.
   */
  public Optional<Located<Long>> effectiveMemoryLimit() {
    return writtenMemoryLimit().map(limit -> limit.map(ByteCount::bytes));
  }

  /** {@link #effectiveMemoryLimit()} as written ({@code 512m}): the value, of the two, that the container gets. */
  public Optional<Located<ByteCount>> writtenMemoryLimit() {
    return effectiveBytes(limits() == null ? null : limits().memory(), memLimit);
  }

  /** The memory reservation: a non-zero {@code reservations.memory} overrides {@code mem_reservation}. */
  public Optional<Located<Long>> effectiveMemoryReservation() {
    return writtenMemoryReservation().map(reservation -> reservation.map(ByteCount::bytes));
  }

  /** {@link #effectiveMemoryReservation()} as written: the value, of the two, that the container gets. */
  public Optional<Located<ByteCount>> writtenMemoryReservation() {
    return effectiveBytes(reservations() == null ? null : reservations().memory(), memReservation);
  }

  /** The CPU limit: a non-zero {@code deploy.resources.limits.cpus} overrides {@code cpus}. */
  public Optional<Located<Double>> effectiveCpuLimit() {
    Located<Double> deployed = limits() == null ? null : limits().cpus();
    if (deployed != null && deployed.value() != 0) {
      return Optional.of(deployed);
    }
    return Optional.ofNullable(cpus != null && cpus.value() != 0 ? cpus : null);
  }

  /**
   * The PIDs limit: a positive {@code deploy.resources.limits.pids} overrides a non-zero {@code pids_limit};
   * -1 means unlimited.
   */
  public Optional<Located<Long>> effectivePidsLimit() {
    Located<Long> deployed = limits() == null ? null : limits().pids();
    if (deployed != null && deployed.value() > 0) {
      return Optional.of(deployed);
    }
    return Optional.ofNullable(pidsLimit != null && pidsLimit.value() != 0 ? pidsLimit : null);
  }

  /** The number of containers: {@code scale}, else {@code deploy.replicas}; empty means one. */
  public Optional<Located<Long>> effectiveReplicas() {
    if (scale != null) {
      return Optional.of(scale);
    }
    return Optional.ofNullable(deploy == null ? null : deploy.replicas());
  }

  private Deploy.Resource limits() {
    return deploy == null || deploy.resources() == null ? null : deploy.resources().limits();
  }

  private Deploy.Resource reservations() {
    return deploy == null || deploy.resources() == null ? null : deploy.resources().reservations();
  }

  private static Optional<Located<ByteCount>> effectiveBytes(Located<ByteCount> deployed,
      Located<ByteCount> legacy) {
    if (deployed != null && deployed.value().bytes() != 0) {
      return Optional.of(deployed);
    }
    return Optional.ofNullable(legacy != null && legacy.value().bytes() != 0 ? legacy : null);
  }
}
