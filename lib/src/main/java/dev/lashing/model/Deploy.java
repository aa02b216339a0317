package dev.lashing.model;

import dev.lashing.source.Origin;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A service's {@code deploy}. docker compose honours resources, restart_policy and replicas locally. */
public record Deploy(
    Located<String> mode,
    Located<Long> replicas,
    Map<String, KeyValue> labels,
    UpdateConfig updateConfig,
    UpdateConfig rollbackConfig,
    Resources resources,
    RestartPolicy restartPolicy,
    Placement placement,
    Located<String> endpointMode,
    Origin origin) {

  public Deploy {
    labels = Frozen.map(labels);
  }

  /** Nothing but a {@code restart_policy} is set (removing it would leave {@code deploy} empty). */
  public boolean hasOnlyRestartPolicy() {
    return restartPolicy != null && mode == null && replicas == null && labels.isEmpty() && updateConfig == null
        && rollbackConfig == null && resources == null && placement == null && endpointMode == null;
  }

  /** {@code update_config} or {@code rollback_config}. */
  public record UpdateConfig(
      Located<Long> parallelism,
      Located<Duration> delay,
      Located<String> failureAction,
      Located<Duration> monitor,
      Located<Double> maxFailureRatio,
      Located<String> order,
      Origin origin) {}

  /** {@code resources}. */
  public record Resources(Resource limits, Resource reservations, Origin origin) {}

  /** {@code limits} or {@code reservations}. */
  public record Resource(
      Located<Double> cpus,
      Located<ByteCount> memory,
      Located<Long> pids,
      List<DeviceRequest> devices,
      List<GenericResource> genericResources,
      Origin origin) {

    public Resource {
      devices = Frozen.list(devices);
      genericResources = Frozen.list(genericResources);
    }
  }

  /** A {@code generic_resources} entry ({@code discrete_resource_spec}). */
  public record GenericResource(Located<String> kind, Located<Long> value, Origin origin) {}

  /** {@code restart_policy}; when present it wins over the service's {@code restart}. */
  public record RestartPolicy(
      Located<String> condition,
      Located<Duration> delay,
      Located<Long> maxAttempts,
      Located<Duration> window,
      Origin origin) {}

  /** {@code placement}; {@code preferences} holds the {@code spread} values. */
  public record Placement(
      List<Located<String>> constraints,
      List<Located<String>> preferences,
      Located<Long> maxReplicasPerNode,
      Origin origin) {

    public Placement {
      constraints = Frozen.list(constraints);
      preferences = Frozen.list(preferences);
    }
  }
}
