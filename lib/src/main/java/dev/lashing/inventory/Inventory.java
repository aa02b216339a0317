package dev.lashing.inventory;

import dev.lashing.lint.Policy;
import dev.lashing.source.SourceRange;
import dev.lashing.syntax.ImageReference;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stack inventory ({@code schemas/lashing-inventory.schema.json}): environments, the stacks each runs and
 * their services, and per environment what may exist on the host. Read by {@link InventoryLoader}; every
 * value here has been validated. Optional values are null when the inventory does not give them, so the
 * generator can say where the value it uses comes from.
 *
 * @param file the name positions use for the inventory file
 */
public record Inventory(String file, Map<String, Environment> environments) {

  public Inventory {
    environments = Map.copyOf(environments);
  }

  /** The environments in the order the inventory lists them. */
  public List<Environment> ordered() {
    return environments.values().stream().sorted((a, b) -> Integer.compare(a.index(), b.index())).toList();
  }

  /** What a stack is for, which decides its lint policy, restart policy and exposure rules. */
  public enum Tier {
    /** Always on: restarted after a crash or reboot, linted with the production policy. */
    PRODUCTION,
    /** Started on demand on a developer's machine: never restarted by itself, linted with the development policy. */
    DEVELOPMENT;

    public Policy policy() {
      return this == PRODUCTION ? Policy.PRODUCTION : Policy.DEVELOPMENT;
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Glob patterns by resource kind. */
  public record Patterns(List<String> containers, List<String> images, List<String> volumes) {
    public static final Patterns NONE = new Patterns(List.of(), List.of(), List.of());

    public Patterns {
      containers = List.copyOf(containers);
      images = List.copyOf(images);
      volumes = List.copyOf(volumes);
    }

    public boolean isEmpty() {
      return containers.isEmpty() && images.isEmpty() && volumes.isEmpty();
    }
  }

  /**
   * One kind of host and the stacks it runs.
   *
   * @param index the environment's position in the inventory
   * @param production a production host: read-only for Lashing, never cleaned up
   * @param maxImageAge how long an unused image matching safe_to_delete is kept, or null
   * @param maxVolumeAge the same for volumes, or null
   */
  public record Environment(
      String name,
      int index,
      SourceRange at,
      boolean production,
      boolean cleanup,
      Patterns allowed,
      List<String> protectedNames,
      List<String> protectedTags,
      Patterns safeToDelete,
      Duration maxImageAge,
      Duration maxVolumeAge,
      Map<String, Stack> stacks) {

    public Environment {
      protectedNames = List.copyOf(protectedNames);
      protectedTags = List.copyOf(protectedTags);
      stacks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stacks));
    }
  }

  /** A stack's own bridge network. */
  public record Network(String name, boolean internal) {}

  /**
   * Log rotation for the json-file driver; null fields take Lashing's defaults.
   *
   * @param maxSize such as {@code 10m}, or null
   * @param maxFile the number of files kept, or null
   */
  public record LogRotation(String maxSize, Long maxFile) {
    public static final LogRotation DEFAULTS = new LogRotation(null, null);
  }

  /**
   * A stack: one compose project.
   *
   * @param services in the order the inventory lists them
   */
  public record Stack(
      String name,
      String environment,
      SourceRange at,
      Tier tier,
      Network network,
      List<String> gateways,
      LogRotation logging,
      Backup backup,
      Map<String, Service> services) {

    public Stack {
      gateways = List.copyOf(gateways);
      services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    }

    public boolean isGateway(String service) {
      return gateways.contains(service);
    }
  }

  /** Memory in bytes, CPUs and processes; null where not given. */
  public record Resources(Long memory, Double cpus, Long pids) {
    public static final Resources NONE = new Resources(null, null, null);
  }

  /** How a service's port is reached from outside its network. */
  public record Exposure(Kind kind, int hostPort, String written) {
    public static final Exposure INTERNAL = new Exposure(Kind.INTERNAL, 0, "internal");

    /** Where the port is published. */
    public enum Kind { INTERNAL, LOCALHOST, PUBLIC }

    public boolean isPublished() {
      return kind != Kind.INTERNAL;
    }
  }

  /** A Compose secret read from a file on the host, mounted at {@code /run/secrets/NAME} or {@code target}. */
  public record Secret(String name, String file, String target) {
    /** Where the container sees it. */
    public String path() {
      return target == null ? "/run/secrets/" + name : target.startsWith("/") ? target : "/run/secrets/" + target;
    }
  }

  /** A healthcheck written in the inventory; null fields take the defaults. */
  public record Healthcheck(List<String> test, String interval, String timeout, String startPeriod, Long retries) {
    public Healthcheck {
      test = List.copyOf(test);
    }
  }

  /** A command: a string Compose splits into words, or the words themselves. */
  public record Command(String shell, List<String> words) {}

  /**
   * One service of a stack.
   *
   * @param image the reference as written ({@code postgres:16.4-bookworm}), without digest
   * @param reference the parsed reference
   * @param digest {@code sha256:...}, or null
   * @param port the container port it listens on, or null
   * @param volumes short-syntax mounts as written
   * @param readOnly null when the inventory leaves it to Lashing
   */
  public record Service(
      String name,
      SourceRange at,
      String image,
      ImageReference reference,
      String digest,
      Integer port,
      Exposure exposure,
      Resources limits,
      Resources reservations,
      List<String> volumes,
      List<String> tmpfs,
      Map<String, String> environment,
      Map<String, Secret> secrets,
      Healthcheck healthcheck,
      List<String> dependsOn,
      String user,
      Command command,
      List<String> capAdd,
      Boolean readOnly) {

    public Service {
      volumes = List.copyOf(volumes);
      tmpfs = List.copyOf(tmpfs);
      environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
      secrets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secrets));
      dependsOn = List.copyOf(dependsOn);
      capAdd = List.copyOf(capAdd);
    }

    /** The image with its digest, as compose pulls it. */
    public String pinnedImage() {
      return digest == null ? image : image + "@" + digest;
    }
  }

  /**
   * A scheduled PostgreSQL dump.
   *
   * @param service the PostgreSQL service to dump
   * @param schedule a cron schedule, or null for {@code @daily}
   * @param directory the host directory the dumps go to
   * @param monthly null when not given (no monthly dumps kept)
   * @param image the job's image, or null for the default
   */
  public record Backup(
      SourceRange at,
      String service,
      String schedule,
      String directory,
      long daily,
      long weekly,
      Long monthly,
      String image,
      ImageReference reference,
      String digest,
      Resources limits) {}
}
