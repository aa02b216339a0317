package dev.lashing.rules.resources;

import dev.lashing.lint.RuleOptions;
import dev.lashing.model.Image;
import dev.lashing.model.Service;
import dev.lashing.syntax.ByteSize;
import dev.lashing.syntax.SyntaxException;
import java.util.Set;

/**
 * What a service's image is, recognised by the last component of its repository ({@code postgres},
 * {@code bitnami/redis}, {@code ghcr.io/acme/minio}) or its whole path ({@code mssql/server}), with the resource
 * limits a fix proposes for it. Each class's defaults can be overridden by a rule option named after the class
 * ({@code database: 4g}).
 */
enum ImageClass {
  DATABASE("database", "a database", "2g", 1.0, Set.of(
      "postgres", "postgresql", "postgis", "timescaledb", "timescaledb-ha", "pgvector", "postgresql-repmgr",
      "mysql", "mysql-server", "mariadb", "percona-server", "mongo", "mongodb", "mongodb-community-server",
      "percona-server-mongodb", "cockroach", "clickhouse-server", "cassandra", "scylla", "couchdb", "neo4j",
      "influxdb", "elasticsearch", "opensearch", "mssql/server")),
  CACHE("cache", "a cache", "512m", 0.5, Set.of(
      "redis", "redis-stack", "redis-stack-server", "valkey", "memcached", "keydb", "dragonfly")),
  OBJECT_STORE("object_store", "an object store", "1g", 0.5, Set.of("minio", "seaweedfs", "garage")),
  GATEWAY("gateway", "a gateway", "512m", 0.5, Set.of(
      "nginx", "nginx-unprivileged", "openresty", "traefik", "caddy", "haproxy", "envoy", "kong", "httpd",
      "nginx-proxy", "nginx-proxy-manager", "varnish")),
  OTHER("other", null, "512m", 0.5, Set.of());

  private final String option;
  private final String noun;
  private final String memory;
  private final double cpus;
  private final Set<String> names;

  ImageClass(String option, String noun, String memory, double cpus, Set<String> names) {
    this.option = option;
    this.noun = noun;
    this.memory = memory;
    this.cpus = cpus;
    this.names = names;
  }

  static ImageClass of(Service service) {
    Image image = service.image();
    if (image == null || !image.isValid()) {
      return OTHER;
    }
    String path = image.reference().path();
    String name = path.substring(path.lastIndexOf('/') + 1);
    for (ImageClass c : values()) {
      if (c.names.contains(name) || c.names.contains(path)) {
        return c;
      }
    }
    return OTHER;
  }

  /** "for example 2g, the default for a database", or just the value for other images. */
  String example(Object value) {
    return "for example " + value + (noun == null ? "" : ", the default for " + noun);
  }

  /** The memory limit to propose, in bytes. */
  long memory(RuleOptions options) {
    String text = options.string(option, memory);
    long bytes;
    try {
      bytes = ByteSize.parse(text);
    } catch (SyntaxException e) {
      bytes = 0;
    }
    if (bytes <= 0) {
      throw new IllegalArgumentException("option " + option + ": '" + text + "' is not a positive byte size");
    }
    return bytes;
  }

  /** The CPU limit to propose. */
  double cpus(RuleOptions options) {
    String text = options.string(option, Double.toString(cpus));
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      value = 0;
    }
    if (!(value > 0)) {
      throw new IllegalArgumentException("option " + option + ": '" + text + "' is not a positive number of CPUs");
    }
    return value;
  }
}
