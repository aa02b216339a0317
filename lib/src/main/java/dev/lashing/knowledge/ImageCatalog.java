package dev.lashing.knowledge;

import static dev.lashing.knowledge.ImageKind.CACHE;
import static dev.lashing.knowledge.ImageKind.DATABASE;
import static dev.lashing.knowledge.ImageKind.GATEWAY;
import static dev.lashing.knowledge.ImageKind.OBJECT_STORE;
import static dev.lashing.knowledge.ImageKind.OTHER;

import dev.lashing.knowledge.KnownImage.Runtime;
import dev.lashing.syntax.ImageReference;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Lashing knows about well-known images, each fact once: lint's healthcheck and resource fixes, a
 * patch's backup jobs and an inventory's generated services all read it here. An image is found by its
 * repository path whatever the registry ({@code quay.io/minio/minio} is {@code minio/minio}); its kind by the
 * last component of that path ({@code bitnami/redis} is a cache) or the whole path.
 */
public final class ImageCatalog {
  private static final KnownHealthcheck PG_ISREADY = KnownHealthcheck.always(
      // as the configured user, so the server does not log a failed login for a missing role
      s -> List.of("CMD", "pg_isready", "-h", "localhost", "-U", Postgres.user(s.environment())), "30s");
  private static final KnownHealthcheck MYSQLADMIN =
      KnownHealthcheck.always(s -> List.of("CMD", "mysqladmin", "ping", "-h", "localhost"), "30s");
  private static final KnownHealthcheck REDIS_CLI = KnownHealthcheck.always(s -> List.of("CMD", "redis-cli", "ping"), "10s");
  private static final KnownHealthcheck VALKEY_CLI =
      KnownHealthcheck.always(s -> List.of("CMD", "valkey-cli", "ping"), "10s");
  private static final KnownHealthcheck RABBITMQ_DIAGNOSTICS =
      KnownHealthcheck.always(s -> List.of("CMD", "rabbitmq-diagnostics", "-q", "ping"), "30s");
  private static final List<String> MC_READY_LOCAL = List.of("CMD", "mc", "ready", "local");
  /** mc ready, in the releases of the image that ship mc. */
  private static final KnownHealthcheck MC_READY = new KnownHealthcheck(
      s -> mcReady(MinioReleases.withoutMc(s.tag())), "10s");
  private static final KnownHealthcheck BITNAMI_MC_READY = new KnownHealthcheck(
      s -> mcReady(MinioReleases.withoutMcReady(s.tag())), "10s");
  /**
   * MongoDB's shell pings the server: mongosh where the image ships it, else the legacy mongo shell, which 6.0
   * removed (https://www.mongodb.com/docs/manual/release-notes/6.0-compatibility/#legacy-mongo-shell-removed). The
   * official image ships mongosh from 5.0 ("It's definitely been in the 5.0 builds since some of the early 5.0 RCs",
   * docker-library/mongo#497; "mongosh is only available in 5+", docker-library/docs#2183) beside the legacy shell,
   * which its 5.0 Dockerfile still installs (mongodb-org-shell), and 4.4 only the legacy shell. Bitnami's image is
   * built from MongoDB's own archives, which carry the legacy shell up to 5.0: it takes mongosh from 6.0 only.
   */
  private static final KnownHealthcheck MONGO_PING = new KnownHealthcheck(s -> mongoPing(s.tag(), 5), "30s");
  private static final KnownHealthcheck BITNAMI_MONGO_PING =
      new KnownHealthcheck(s -> mongoPing(s.tag(), 6), "30s");

  /** The image that backs up an inventory's PostgreSQL database. */
  public static final KnownImage POSTGRES_BACKUP = new KnownImage("prodrigestivill/postgres-backup-local", OTHER,
      List.of("prodrigestivill/postgres-backup-local"), List.of(),
      // its scheduler answers on its health port
      KnownHealthcheck.always(s -> List.of("CMD", "curl", "-fs", "-o", "/dev/null", "http://localhost:8080/"), "30s"),
      new Runtime(Postgres.DEFAULT_USER, null, List.of(), List.of("/tmp"), 8080), null, false);

  private static final List<KnownImage> IMAGES = List.of(
      new KnownImage("postgres", DATABASE,
          // images built on the official one: its entrypoint, its environment, its pg_dumpall
          List.of("postgres", "postgis/postgis", "timescale/timescaledb", "timescale/timescaledb-postgis",
              "pgvector/pgvector", "ankane/pgvector", "tensorchord/pgvecto-rs", "immich-app/postgres",
              "citusdata/citus", "paradedb/paradedb", "apache/age"), List.of(), PG_ISREADY,
          new Runtime(null, "the postgres entrypoint starts as root to take ownership of its data and socket"
              + " directories, then drops to the postgres user (gosu)",
              List.of("CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID"), List.of("/tmp", "/var/run/postgresql"),
              5432),
          BackupMethod.PG_DUMPALL, true),
      // PostgreSQL-compatible with their own entrypoints: both read POSTGRES_USER and POSTGRES_PASSWORD
      new KnownImage("timescale/timescaledb-ha", DATABASE, List.of("timescale/timescaledb-ha"), List.of(), PG_ISREADY,
          null, BackupMethod.PG_DUMPALL, true),
      new KnownImage("bitnami/postgresql", DATABASE, List.of("bitnami/postgresql"), List.of(), PG_ISREADY, null,
          BackupMethod.PG_DUMPALL, true),
      new KnownImage("mysql", DATABASE, List.of("mysql"), List.of(), MYSQLADMIN, null, BackupMethod.MYSQL_DUMP, false),
      known("bitnami/mysql", DATABASE, MYSQLADMIN, false),
      new KnownImage("mariadb", DATABASE, List.of("mariadb"), List.of(), KnownHealthcheck.always(
          s -> List.of("CMD", "healthcheck.sh", "--connect", "--innodb_initialized"), "30s"), null,
          BackupMethod.MYSQL_DUMP, false),
      new KnownImage("mongo", DATABASE, List.of("mongo"), List.of(), MONGO_PING, null, null, false),
      known("bitnami/mongodb", DATABASE, BITNAMI_MONGO_PING, false),
      // Any HTTP answer counts: with security enabled the cluster answers 401 on plain HTTP.
      new KnownImage("elasticsearch", DATABASE,
          List.of("elasticsearch", "elasticsearch/elasticsearch", "opensearchproject/opensearch"), List.of(),
          KnownHealthcheck.always(s -> List.of("CMD-SHELL", "curl -s -o /dev/null http://localhost:9200/_cluster/health"
              + " || curl -sk -o /dev/null https://localhost:9200/_cluster/health"), "60s"), null, null, false),
      new KnownImage("redis", CACHE, List.of("redis"), List.of(), REDIS_CLI,
          new Runtime("redis", null, List.of(), List.of("/tmp"), 6379), null, false),
      known("bitnami/redis", CACHE, REDIS_CLI, false),
      new KnownImage("valkey/valkey", CACHE, List.of("valkey/valkey"), List.of(), VALKEY_CLI,
          new Runtime("valkey", null, List.of(), List.of("/tmp"), 6379), null, false),
      known("bitnami/valkey", CACHE, VALKEY_CLI, false),
      new KnownImage("minio/minio", OBJECT_STORE, List.of("minio/minio"), List.of(), MC_READY,
          new Runtime(null, "the minio image has no unprivileged user, and a new named volume belongs to root",
              List.of(), List.of("/tmp", "/root/.minio"), 9000),
          BackupMethod.MC_MIRROR, false),
      known("bitnami/minio", OBJECT_STORE, BITNAMI_MC_READY, false),
      new KnownImage("rabbitmq", OTHER, List.of("rabbitmq"), List.of(), RABBITMQ_DIAGNOSTICS,
          new Runtime("rabbitmq", null, List.of(), List.of("/tmp"), 5672), null, false),
      known("bitnami/rabbitmq", OTHER, RABBITMQ_DIAGNOSTICS, false),
      new KnownImage("nginx", GATEWAY, List.of("nginx"), List.of(), KnownHealthcheck.always(
          s -> List.of("CMD-SHELL", "curl -s -o /dev/null http://localhost/ || exit 1"), "10s"),
          // The master process starts as root and listens on port 80 (NET_BIND_SERVICE where the engine does not
          // open low ports to every user, as under network_mode: host), creates its *_temp directories in
          // /var/cache/nginx and hands them to the nginx user (CHOWN) that its workers switch to (SETGID, SETUID),
          // and writes its pid file in /var/run (a link to /run). The image's "Running nginx as a non-root user"
          // moves exactly these paths to /tmp to run without root.
          new Runtime(null, "the nginx master process starts as root to listen on port 80 and hand its temporary"
              + " directories to the nginx user its workers run as",
              List.of("CHOWN", "NET_BIND_SERVICE", "SETGID", "SETUID"), List.of("/tmp", "/var/cache/nginx", "/var/run"),
              80),
          null, false),
      // nginx's unprivileged build (github.com/nginx/docker-nginx-unprivileged) runs as the nginx user, listens on
      // 8080, and keeps its pid file and *_temp directories in /tmp: no capability, one tmpfs
      new KnownImage("nginxinc/nginx-unprivileged", GATEWAY, List.of("nginxinc/nginx-unprivileged"), List.of(),
          KnownHealthcheck.always(ImageCatalog::httpProbe, "10s"),
          new Runtime("nginx", null, List.of(), List.of("/tmp"), 8080), null, false),
      new KnownImage("odoo", OTHER, List.of("odoo"), List.of(), KnownHealthcheck.always(
          s -> List.of("CMD", "curl", "-fs", "-o", "/dev/null", "http://localhost:" + s.portOr(8069) + "/web/health"),
          "60s"),
          new Runtime("odoo", null, List.of(), List.of("/tmp"), 8069), null, false),
      POSTGRES_BACKUP,
      byKind(DATABASE, "postgresql-repmgr", "mysql-server", "percona-server", "mongodb-community-server",
          "percona-server-mongodb", "cockroach", "clickhouse-server", "cassandra", "scylla", "couchdb", "neo4j",
          "influxdb", "mssql/server"),
      byKind(CACHE, "redis-stack", "redis-stack-server", "memcached", "keydb", "dragonfly"),
      byKind(OBJECT_STORE, "seaweedfs", "garage"),
      byKind(GATEWAY, "openresty", "traefik", "caddy", "haproxy", "envoy", "kong", "httpd", "nginx-proxy",
          "nginx-proxy-manager", "varnish"));

  private static final Map<String, KnownImage> BY_REPOSITORY = byRepository();
  private static final Map<String, ImageKind> KIND_BY_NAME = kindByName();

  private ImageCatalog() {}

  /** Every entry, in catalog order. */
  public static List<KnownImage> all() {
    return IMAGES;
  }

  /** What Lashing knows about an image, found by its repository path whatever the registry and tag. */
  public static Optional<KnownImage> find(ImageReference reference) {
    return Optional.ofNullable(BY_REPOSITORY.get(key(reference)));
  }

  /**
   * A Docker Hub official image the catalog knows ({@code nginx}, {@code postgres:16},
   * {@code docker.io/library/redis}): a name the registry certainly has, so never the name of a project's own
   * build. Empty for any other name, even one the catalog knows under another registry or an organisation.
   */
  public static Optional<KnownImage> findOfficial(ImageReference reference) {
    return reference.isOfficial() ? find(reference) : Optional.empty();
  }

  /** The kind of an image, by the last component of its repository ({@code bitnami/redis}) or its whole path. */
  public static ImageKind kindOf(ImageReference reference) {
    String path = key(reference);
    ImageKind kind = KIND_BY_NAME.get(lastComponent(path));
    return kind != null ? kind : KIND_BY_NAME.getOrDefault(path, OTHER);
  }

  /** The repository path without registry and without Docker Hub's {@code library/}. */
  static String key(ImageReference reference) {
    String path = reference.path();
    return path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
  }

  /** The names that tell an entry's kind: its own kind names, else the last component of each repository. */
  static List<String> kindNames(KnownImage image) {
    return image.repositories().isEmpty() ? image.kindNames()
        : image.repositories().stream().map(ImageCatalog::lastComponent).distinct().toList();
  }

  private static String lastComponent(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static KnownImage known(String repository, ImageKind kind, KnownHealthcheck healthcheck,
      boolean postgresql) {
    return new KnownImage(repository, kind, List.of(repository), List.of(), healthcheck, null, null, postgresql);
  }

  private static KnownImage byKind(ImageKind kind, String... names) {
    return new KnownImage(kind.noun(), kind, List.of(), List.of(names), null, null, null, false);
  }

  private static Map<String, KnownImage> byRepository() {
    Map<String, KnownImage> index = new HashMap<>();
    for (KnownImage image : IMAGES) {
      for (String repository : image.repositories()) {
        index.put(repository, image);
      }
    }
    return Map.copyOf(index);
  }

  private static Map<String, ImageKind> kindByName() {
    Map<String, ImageKind> index = new HashMap<>();
    for (KnownImage image : IMAGES) {
      for (String name : kindNames(image)) {
        index.put(name, image.kind());
      }
    }
    return Map.copyOf(index);
  }

  /** mc ready local, or none with the reason the image may lack mc. */
  private static KnownHealthcheck.Test mcReady(String withoutMc) {
    return withoutMc == null ? KnownHealthcheck.Test.of(MC_READY_LOCAL)
        : KnownHealthcheck.Test.none("mc ready needs mc, and " + withoutMc);
  }

  /** A ping with the shell the image of this tag ships: mongosh from {@code mongoshSince}.0, else mongo. */
  private static KnownHealthcheck.Test mongoPing(String tag, int mongoshSince) {
    String shells = "mongosh from " + mongoshSince + ".0, only the legacy mongo shell before";
    return switch (TagVersions.order(tag, mongoshSince, 0)) {
      case SINCE, CURRENT -> KnownHealthcheck.Test.of(
          List.of("CMD", "mongosh", "--quiet", "--eval", "db.adminCommand('ping')"));
      case BEFORE -> KnownHealthcheck.Test.of(List.of("CMD", "mongo", "--quiet", "--eval", "db.adminCommand('ping')"));
      case UNKNOWN -> KnownHealthcheck.Test.none((tag == null ? "a digest alone does not tell"
          : "its tag '" + tag + "' does not tell") + " which shell the image ships (" + shells + ")");
    };
  }

  /** An HTTP probe of the service's own port with the tool its variant ships: wget on Alpine, curl elsewhere. */
  private static List<String> httpProbe(KnownHealthcheck.Subject subject) {
    String url = "http://127.0.0.1:" + subject.portOr(8080) + "/";
    String tag = subject.tag() == null ? "" : subject.tag().toLowerCase(Locale.ROOT);
    return tag.contains("alpine")
        ? List.of("CMD", "wget", "-q", "-O", "/dev/null", url)
        : List.of("CMD", "curl", "-fs", "-o", "/dev/null", url);
  }
}
