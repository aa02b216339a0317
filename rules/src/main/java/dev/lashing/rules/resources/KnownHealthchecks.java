package dev.lashing.rules.resources;

import dev.lashing.model.Image;
import dev.lashing.model.KeyValue;
import dev.lashing.model.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Healthchecks for well-known images, using only tools those images ship. Keyed by the short name Docker shows
 * ({@code postgres}, {@code bitnami/redis}); the tag does not matter.
 */
final class KnownHealthchecks {
  private static final List<String> POSTGRES = List.of(
      "postgres", "postgis/postgis", "timescale/timescaledb", "timescale/timescaledb-ha", "pgvector/pgvector",
      "bitnami/postgresql");
  private static final Map<String, Check> CHECKS = checks();

  /** A test and how long the service may take to start before failures count. */
  record Check(List<String> test, String startPeriod) {

    /** The command the test runs, for people. */
    String command() {
      return String.join(" ", test.subList(1, test.size()));
    }

    /** The {@code healthcheck} mapping a fix writes. */
    Map<String, Object> toCompose() {
      Map<String, Object> healthcheck = new LinkedHashMap<>();
      healthcheck.put("test", test);
      healthcheck.put("interval", "10s");
      healthcheck.put("timeout", "5s");
      healthcheck.put("retries", 5L);
      healthcheck.put("start_period", startPeriod);
      return healthcheck;
    }
  }

  private KnownHealthchecks() {}

  private static Map<String, Check> checks() {
    Map<String, Check> checks = new LinkedHashMap<>();
    Check mysql = new Check(List.of("CMD", "mysqladmin", "ping", "-h", "localhost"), "30s");
    Check redis = new Check(List.of("CMD", "redis-cli", "ping"), "10s");
    Check valkey = new Check(List.of("CMD", "valkey-cli", "ping"), "10s");
    Check rabbitmq = new Check(List.of("CMD", "rabbitmq-diagnostics", "-q", "ping"), "30s");
    Check mongo = new Check(List.of("CMD", "mongosh", "--quiet", "--eval", "db.adminCommand('ping')"), "30s");
    Check minio = new Check(List.of("CMD", "mc", "ready", "local"), "10s");
    // Any HTTP answer counts: with security enabled the cluster answers 401 on plain HTTP.
    Check search = new Check(List.of("CMD-SHELL", "curl -s -o /dev/null http://localhost:9200/_cluster/health"
        + " || curl -sk -o /dev/null https://localhost:9200/_cluster/health"), "60s");
    checks.put("mysql", mysql);
    checks.put("bitnami/mysql", mysql);
    checks.put("mariadb", new Check(List.of("CMD", "healthcheck.sh", "--connect", "--innodb_initialized"), "30s"));
    checks.put("redis", redis);
    checks.put("bitnami/redis", redis);
    checks.put("valkey/valkey", valkey);
    checks.put("bitnami/valkey", valkey);
    checks.put("rabbitmq", rabbitmq);
    checks.put("bitnami/rabbitmq", rabbitmq);
    checks.put("mongo", mongo);
    checks.put("bitnami/mongodb", mongo);
    checks.put("minio/minio", minio);
    checks.put("bitnami/minio", minio);
    checks.put("elasticsearch", search);
    checks.put("docker.elastic.co/elasticsearch/elasticsearch", search);
    checks.put("opensearchproject/opensearch", search);
    checks.put("nginx", new Check(List.of("CMD-SHELL", "curl -s -o /dev/null http://localhost/ || exit 1"), "10s"));
    return Map.copyOf(checks);
  }

  /** The healthcheck for a service whose image is one we know. */
  static Optional<Check> forService(Service service) {
    Image image = service.image();
    if (image == null || !image.isValid()) {
      return Optional.empty();
    }
    String name = image.reference().familiarName();
    return Optional.ofNullable(POSTGRES.contains(name) ? postgres(service) : CHECKS.get(name));
  }

  /** pg_isready as the configured user, so the server does not log a failed login for a missing role. */
  private static Check postgres(Service service) {
    KeyValue user = service.environment().get("POSTGRES_USER");
    String name = user == null || user.text() == null || user.text().isEmpty() ? "postgres" : user.text();
    return new Check(List.of("CMD", "pg_isready", "-h", "localhost", "-U", name), "30s");
  }
}
