package dev.lashing.inventory;

import dev.lashing.syntax.ImageReference;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What Lashing knows about well-known images, so an inventory can stay short: the unprivileged user each
 * runs as (or why it must start as root), the capabilities it needs back, the paths it writes besides its
 * volumes, the port it listens on and a healthcheck that uses only tools the image ships. Images are keyed by
 * their repository path without registry ({@code postgres}, {@code valkey/valkey}, {@code minio/minio} also
 * for {@code quay.io/minio/minio}).
 */
public final class KnownImages {
  /** The image the backup job runs unless the inventory names another; tagged like the database's major version. */
  public static final String BACKUP_REPOSITORY = "prodrigestivill/postgres-backup-local";

  /**
   * Resource defaults by kind of image: the values lint's memory-limit and cpu-limit fixes propose too.
   *
   * @param noun "a database", for comments
   */
  public record ImageClass(String noun, long memory, double cpus) {}

  static final ImageClass DATABASE = new ImageClass("a database", 2L << 30, 1.0);
  static final ImageClass CACHE = new ImageClass("a cache", 512L << 20, 0.5);
  static final ImageClass OBJECT_STORE = new ImageClass("an object store", 1L << 30, 0.5);
  static final ImageClass GATEWAY = new ImageClass("a gateway", 512L << 20, 0.5);
  static final ImageClass OTHER = new ImageClass("any other image", 512L << 20, 0.5);

  private static final Map<ImageClass, Set<String>> CLASS_NAMES = Map.of(
      DATABASE, Set.of("postgres", "postgresql", "postgis", "timescaledb", "timescaledb-ha", "pgvector",
          "postgresql-repmgr", "mysql", "mysql-server", "mariadb", "percona-server", "mongo", "mongodb",
          "mongodb-community-server", "percona-server-mongodb", "cockroach", "clickhouse-server", "cassandra",
          "scylla", "couchdb", "neo4j", "influxdb", "elasticsearch", "opensearch", "mssql/server"),
      CACHE, Set.of("redis", "redis-stack", "redis-stack-server", "valkey", "memcached", "keydb", "dragonfly"),
      OBJECT_STORE, Set.of("minio", "seaweedfs", "garage"),
      GATEWAY, Set.of("nginx", "nginx-unprivileged", "openresty", "traefik", "caddy", "haproxy", "envoy", "kong",
          "httpd", "nginx-proxy", "nginx-proxy-manager", "varnish"));

  /**
   * How a known image runs.
   *
   * @param name how comments name it
   * @param user the unprivileged user it can run as, or null when it must start as root
   * @param rootReason why it must start as root (the reason of the generated lashing-ignore), or null
   * @param capAdd the capabilities it needs after {@code cap_drop: [ALL]}
   * @param tmpfs what it writes outside its volumes, given a tmpfs under a read-only root filesystem
   * @param port the port it listens on by default
   * @param test its healthcheck test, given the service
   * @param startPeriod how long it may take to start
   * @param postgres whether it is a PostgreSQL server the backup job can dump
   */
  public record Profile(
      String name,
      String user,
      String rootReason,
      List<String> capAdd,
      List<String> tmpfs,
      int port,
      Function<Inventory.Service, List<String>> test,
      String startPeriod,
      boolean postgres) {

    public List<String> test(Inventory.Service service) {
      return test.apply(service);
    }
  }

  private static final Profile POSTGRES = new Profile("postgres", null,
      "the postgres entrypoint starts as root to take ownership of its data and socket directories, then drops to"
          + " the postgres user (gosu)",
      List.of("CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID"), List.of("/tmp", "/var/run/postgresql"), 5432,
      s -> List.of("CMD", "pg_isready", "-h", "localhost", "-U", s.environment().getOrDefault("POSTGRES_USER",
          "postgres")),
      "30s", true);

  private static final Map<String, Profile> PROFILES = Map.ofEntries(
      Map.entry("postgres", POSTGRES),
      Map.entry("postgis/postgis", POSTGRES),
      Map.entry("timescale/timescaledb", POSTGRES),
      Map.entry("pgvector/pgvector", POSTGRES),
      Map.entry("valkey/valkey", new Profile("valkey/valkey", "valkey", null, List.of(), List.of("/tmp"), 6379,
          s -> List.of("CMD", "valkey-cli", "ping"), "10s", false)),
      Map.entry("redis", new Profile("redis", "redis", null, List.of(), List.of("/tmp"), 6379,
          s -> List.of("CMD", "redis-cli", "ping"), "10s", false)),
      Map.entry("rabbitmq", new Profile("rabbitmq", "rabbitmq", null, List.of(), List.of("/tmp"), 5672,
          s -> List.of("CMD", "rabbitmq-diagnostics", "-q", "ping"), "30s", false)),
      Map.entry("minio/minio", new Profile("minio/minio", null,
          "the minio image has no unprivileged user, and a new named volume belongs to root",
          List.of(), List.of("/tmp", "/root/.minio"), 9000,
          s -> List.of("CMD", "mc", "ready", "local"), "10s", false)),
      Map.entry("nginxinc/nginx-unprivileged", new Profile("nginxinc/nginx-unprivileged", "nginx", null, List.of(),
          List.of("/tmp"), 8080, KnownImages::httpProbe, "10s", false)),
      Map.entry("odoo", new Profile("odoo", "odoo", null, List.of(), List.of("/tmp"), 8069,
          s -> List.of("CMD", "curl", "-fs", "-o", "/dev/null", "http://localhost:" + port(s, 8069) + "/web/health"),
          "60s", false)),
      Map.entry(BACKUP_REPOSITORY, new Profile(BACKUP_REPOSITORY, "postgres", null, List.of(), List.of("/tmp"), 8080,
          s -> List.of("CMD", "curl", "-fs", "-o", "/dev/null", "http://localhost:8080/"), "30s", false)));

  private KnownImages() {}

  /** The profile of a known image. */
  public static Optional<Profile> of(ImageReference reference) {
    return Optional.ofNullable(PROFILES.get(key(reference)));
  }

  /** The repository path without registry and without Docker Hub's {@code library/}. */
  static String key(ImageReference reference) {
    String path = reference.path();
    return path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
  }

  /** The resource defaults for an image, by the last component of its repository ({@code bitnami/redis} is a cache). */
  public static ImageClass imageClass(ImageReference reference) {
    String path = key(reference);
    String last = path.substring(path.lastIndexOf('/') + 1);
    for (Map.Entry<ImageClass, Set<String>> e : CLASS_NAMES.entrySet()) {
      if (e.getValue().contains(last) || e.getValue().contains(path)) {
        return e.getKey();
      }
    }
    return OTHER;
  }

  /** The image the backup job of a stack runs, without digest: the inventory's, else the default for the database. */
  public static String backupImage(Inventory.Backup backup, Inventory.Service database) {
    if (backup.image() != null) {
      return backup.image();
    }
    String tag = database.reference().tag();
    String major = tag == null ? "" : tag.replaceFirst("^([0-9]+).*$", "$1");
    return BACKUP_REPOSITORY + ":" + (major.matches("[0-9]+") ? major : "latest");
  }

  /** An HTTP probe of the service's own port with the tool its variant ships: wget on Alpine, curl elsewhere. */
  private static List<String> httpProbe(Inventory.Service service) {
    String url = "http://127.0.0.1:" + port(service, 8080) + "/";
    String tag = service.reference().tag() == null ? "" : service.reference().tag().toLowerCase(Locale.ROOT);
    return tag.contains("alpine")
        ? List.of("CMD", "wget", "-q", "-O", "/dev/null", url)
        : List.of("CMD", "curl", "-fs", "-o", "/dev/null", url);
  }

  private static int port(Inventory.Service service, int fallback) {
    return service.port() != null ? service.port() : fallback;
  }
}
