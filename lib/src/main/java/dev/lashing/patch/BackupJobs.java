package dev.lashing.patch;

import static dev.lashing.knowledge.ImageKind.DATABASE;
import static dev.lashing.patch.BackupCredentials.first;
import static dev.lashing.patch.BackupCredentials.isSet;

import dev.lashing.knowledge.BackupMethod;
import dev.lashing.knowledge.ImageCatalog;
import dev.lashing.knowledge.KnownImage;
import dev.lashing.knowledge.MinioReleases;
import dev.lashing.knowledge.Postgres;
import dev.lashing.lint.Policy;
import dev.lashing.load.LoadResult;
import dev.lashing.model.Healthcheck;
import dev.lashing.model.NamespaceMode;
import dev.lashing.model.Service;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Backup jobs for the stateful services a patch recognises by image: PostgreSQL ({@code pg_dumpall}), MySQL and
 * MariaDB ({@code mariadb-dump} or {@code mysqldump}) and MinIO ({@code mc mirror}, with the {@code mc} the MinIO
 * image ships). Each job is a long-running container with the database's own image, so the dump tool matches the
 * server; it dumps once at start and then every day at 03:00 UTC into a bind-mounted host directory, keeping the
 * last 7 daily and 4 weekly copies. Credentials are passed by referencing the same variables or env file as the
 * database; a password written literally in a compose file is never copied, and that database gets no job.
 */
final class BackupJobs {
  static final String DEFAULT_DIRECTORY = "./backups";

  /** A job, with what its header line should warn about (a variable it needs that is not set). */
  record Job(String name, String database, BackupMethod kind, PatchMap service, List<String> comments, List<String> notes) {}

  /** A stateful service that gets no job, and why. */
  record Skipped(String service, String reason) {}

  record Plan(List<Job> jobs, List<Skipped> skipped) {}

  private final LoadResult current;
  private final Templates templates;
  private final Policy policy;
  private final String directory;
  private final List<Job> jobs = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();

  private BackupJobs(LoadResult current, Templates templates, Policy policy, String directory) {
    this.current = current;
    this.templates = templates;
    this.policy = policy;
    this.directory = hostPath(stripSlash(directory == null ? DEFAULT_DIRECTORY : directory));
  }

  /**
   * The jobs for {@code current}, the user's project merged with the patch so far (so the jobs join the
   * networks the databases end up on and wait for the healthchecks the patch adds).
   */
  static Plan plan(LoadResult current, Templates templates, Policy policy, String directory) {
    BackupJobs planner = new BackupJobs(current, templates, policy, directory);
    for (Service service : current.project().services().values()) {
      planner.consider(service);
    }
    return new Plan(List.copyOf(planner.jobs), List.copyOf(planner.skipped));
  }

  /** How a service's image is backed up, or null when it is not a server Lashing backs up. */
  static BackupMethod kindOf(Service service) {
    if (service.image() == null || !service.image().isValid()) {
      return null;
    }
    return ImageCatalog.find(service.image().reference()).map(KnownImage::backup).orElse(null);
  }

  private void consider(Service db) {
    BackupMethod kind = kindOf(db);
    if (db.provider() != null || db.name().toLowerCase(Locale.ROOT).contains("backup")) {
      return; // not a server of its own (a backup job runs the database's image too)
    }
    if (kind == null) {
      if (db.image() != null && db.image().isValid() && ImageCatalog.kindOf(db.image().reference()) == DATABASE) {
        skip(db, "Lashing knows no backup method for its image " + db.image().text() + "; back it up with the "
            + "database's own tools");
      }
      return;
    }
    String name = db.name() + "-backup";
    if (current.project().services().containsKey(name)) {
      skip(db, "a service named " + name + " exists already");
      return;
    }
    String existing = existingBackup(db);
    if (existing != null) {
      skip(db, "the stack already backs it up (" + existing + ")");
      return;
    }
    if (db.networkMode() != null && db.networkMode().kind() != NamespaceMode.Kind.BRIDGE
        && db.networkMode().kind() != NamespaceMode.Kind.OTHER) {
      skip(db, "it uses network_mode " + db.networkMode().text() + ", so a job cannot reach it by name");
      return;
    }
    String withoutMc = kind == BackupMethod.MC_MIRROR
        ? MinioReleases.withoutMc(db.image().reference().effectiveTag()) : null;
    if (withoutMc != null) {
      skip(db, "its image " + db.image().text() + " may lack the mc client the job runs (" + withoutMc + ")");
      return;
    }
    MapNode environment = environmentNode(db);
    BackupCredentials credentials = new BackupCredentials(current, templates, db, serviceNode(db), environment, name);
    PatchMap env = new PatchMap();
    String script;
    switch (kind) {
      case PG_DUMPALL -> {
        credentials.copy(Postgres.USER_VARIABLE, false, env);
        if (!credentials.copyPassword(List.of("POSTGRES_PASSWORD_FILE", "POSTGRES_PASSWORD"), env, false)) {
          skip(db, credentials.failed);
          return;
        }
        script = BackupScripts.postgres(db, name);
      }
      case MYSQL_DUMP -> {
        String root = first(environment, "MARIADB_ROOT_PASSWORD_FILE", "MARIADB_ROOT_PASSWORD",
            "MYSQL_ROOT_PASSWORD_FILE", "MYSQL_ROOT_PASSWORD");
        boolean emptyRoot = isSet(environment, "MYSQL_ALLOW_EMPTY_PASSWORD")
            || isSet(environment, "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD");
        if (root != null || emptyRoot) {
          if (root != null && !credentials.copyPassword(List.of(root), env, false)) {
            skip(db, credentials.failed);
            return;
          }
          script = BackupScripts.mysql(db, name, "root", root, null);
        } else {
          String user = first(environment, "MARIADB_USER", "MYSQL_USER");
          String password = first(environment, "MARIADB_PASSWORD_FILE", "MARIADB_PASSWORD", "MYSQL_PASSWORD_FILE",
              "MYSQL_PASSWORD");
          String database = first(environment, "MARIADB_DATABASE", "MYSQL_DATABASE");
          if (user == null || password == null || database == null) {
            skip(db, "neither a root password nor a user, password and database are set in its environment");
            return;
          }
          credentials.copy(user, false, env);
          credentials.copy(database, false, env);
          if (!credentials.copyPassword(List.of(password), env, true)) {
            skip(db, credentials.failed);
            return;
          }
          script = BackupScripts.mysql(db, name, user, password, database);
        }
      }
      case MC_MIRROR -> {
        String user = first(environment, "MINIO_ROOT_USER_FILE", "MINIO_ROOT_USER", "MINIO_ACCESS_KEY_FILE",
            "MINIO_ACCESS_KEY");
        String password = first(environment, "MINIO_ROOT_PASSWORD_FILE", "MINIO_ROOT_PASSWORD",
            "MINIO_SECRET_KEY_FILE", "MINIO_SECRET_KEY");
        if (user == null || password == null) {
          skip(db, "its root user and password are not both set (MinIO's default credentials are not backed up)");
          return;
        }
        credentials.copy(user, false, env);
        if (!credentials.copyPassword(List.of(password), env, true)) {
          skip(db, credentials.failed);
          return;
        }
        script = BackupScripts.minio(db, name, user, password);
      }
      default -> throw new IllegalStateException(kind.name());
    }
    if (credentials.failed != null) {
      skip(db, credentials.failed);
      return;
    }
    jobs.add(new Job(name, db.name(), kind, service(db, kind, script, env, credentials), comments(db, kind),
        List.copyOf(credentials.notes)));
  }

  private void skip(Service db, String reason) {
    skipped.add(new Skipped(db.name(), reason));
  }

  /** Another service that depends on the database and looks like a backup job (by name or image). */
  private String existingBackup(Service db) {
    for (Service other : current.project().services().values()) {
      String image = other.image() == null ? "" : other.image().text().toLowerCase(Locale.ROOT);
      boolean looksLikeBackup = other.name().toLowerCase(Locale.ROOT).contains("backup")
          || image.contains("backup") || image.contains("pgbackrest") || image.contains("wal-g");
      if (looksLikeBackup && (other.dependsOn().containsKey(db.name()) || other.name().startsWith(db.name()))) {
        return other.name();
      }
    }
    return null;
  }

  // ---- the service ----

  private PatchMap service(Service db, BackupMethod kind, String script, PatchMap env, BackupCredentials credentials) {
    PatchMap job = new PatchMap();
    job.put("image", imageOf(db));
    if (!db.profiles().isEmpty()) {
      // started with the database, never without it
      job.put("profiles", db.profiles().stream().map(p -> p.value()).toList());
    }
    job.put("entrypoint", List.of("/bin/sh", "-c"));
    job.put("command", List.of(script));
    if (!env.isEmpty()) {
      job.put("environment", env);
    }
    if (!credentials.envFiles.isEmpty()) {
      job.put("env_file", new ArrayList<>(credentials.envFiles));
    }
    if (!credentials.secrets.isEmpty()) {
      job.put("secrets", new ArrayList<>(credentials.secrets));
    }
    job.put("volumes", List.of(directory + "/" + db.name() + ":/backups"));
    PatchMap dependsOn = new PatchMap();
    Healthcheck healthcheck = db.healthcheck();
    dependsOn.child(db.name()).put("condition",
        healthcheck != null && !healthcheck.isDisabled() ? "service_healthy" : "service_started");
    job.put("depends_on", dependsOn);
    List<String> networks = new ArrayList<>(db.networks().keySet());
    if (!networks.isEmpty() && !networks.equals(List.of("default"))) {
      job.put("networks", networks);
    }
    job.put("restart", policy == Policy.DEVELOPMENT ? "no" : "unless-stopped");
    PatchMap limits = job.child("deploy").child("resources").child("limits");
    limits.put("cpus", 0.25);
    limits.put("memory", kind == BackupMethod.MC_MIRROR ? "512m" : "256m");
    limits.put("pids", 64L);
    PatchMap check = job.child("healthcheck");
    // healthy while the last successful copy is at most 26 hours old
    check.put("test", List.of("CMD-SHELL",
        "test $(( $(date +%s) - $(stat -c %Y /backups/.last-success 2>/dev/null || echo 0) )) -lt 93600"));
    check.put("interval", "10m");
    check.put("timeout", "10s");
    check.put("retries", 3L);
    check.put("start_period", "1h");
    PatchMap logging = job.child("logging");
    logging.put("driver", "json-file");
    PatchMap options = logging.child("options");
    options.put("max-size", "10m");
    options.put("max-file", "3");
    job.put("read_only", true);
    job.put("tmpfs", List.of("/tmp"));
    job.put("cap_drop", List.of("ALL"));
    job.put("security_opt", List.of("no-new-privileges:true"));
    return job;
  }

  private Object imageOf(Service db) {
    Node node = serviceNode(db).get("image");
    Object value = node == null ? db.image().text() : templates.value(node);
    return value;
  }

  private List<String> comments(Service db, BackupMethod kind) {
    String where = directory + "/" + db.name();
    List<String> lines = new ArrayList<>();
    lines.add("Backup job for " + db.name() + ": " + kind.tool() + " once at start, then every day at 03:00 UTC,");
    lines.add("into " + where + "/daily (the last 7 copies) and " + where + "/weekly (the last 4).");
    switch (kind) {
      case PG_DUMPALL -> {
        lines.add("Same image as " + db.name() + ", so pg_dumpall matches the server. Restore with:");
        lines.add("  gunzip -c " + where + "/daily/FILE | docker compose exec -T " + db.name()
            + " psql -U USER -d postgres");
      }
      case MYSQL_DUMP -> {
        lines.add("Same image as " + db.name() + ", so the dump tool matches the server. Restore with:");
        lines.add("  gunzip -c " + where + "/daily/FILE | docker compose exec -T " + db.name()
            + " mysql -uroot -pPASSWORD");
      }
      case MC_MIRROR -> {
        lines.add("Each copy is a full mirror of every bucket (plan for 11 times the data). Restore with");
        lines.add("  mc mirror " + where + "/daily/DIR/BUCKET ALIAS/BUCKET");
      }
    }
    lines.add("Healthy while the last copy is less than 26 hours old. Leave it out with --no-backup.");
    return lines;
  }

  private MapNode serviceNode(Service db) {
    return current.tree().get("services") instanceof MapNode services && services.get(db.name()) instanceof MapNode s
        ? s : MapNode.empty(db.origin());
  }

  private MapNode environmentNode(Service db) {
    return serviceNode(db).get("environment") instanceof MapNode env ? env : MapNode.empty(db.origin());
  }

  /**
   * The directory as a bind mount's source: Compose takes a source that does not start with '.', '/' or '~' for
   * a named volume, so {@code backups} becomes {@code ./backups}.
   */
  private static String hostPath(String dir) {
    return dir.startsWith(".") || dir.startsWith("/") || dir.startsWith("~") ? dir : "./" + dir;
  }

  private static String stripSlash(String dir) {
    String d = dir;
    while (d.length() > 1 && d.endsWith("/")) {
      d = d.substring(0, d.length() - 1);
    }
    return d;
  }

}
