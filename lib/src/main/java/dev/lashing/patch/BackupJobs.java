package dev.lashing.patch;

import dev.lashing.api.LoadResult;
import dev.lashing.lint.Policy;
import dev.lashing.model.Healthcheck;
import dev.lashing.model.NamespaceMode;
import dev.lashing.model.Service;
import dev.lashing.patch.PatchMap.Raw;
import dev.lashing.source.SourceRange;
import dev.lashing.syntax.ImageReference;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  private static final Set<String> POSTGRES = Set.of(
      "postgres", "postgis/postgis", "timescale/timescaledb", "pgvector/pgvector");
  private static final Set<String> MYSQL = Set.of("mysql", "mariadb");
  private static final Set<String> MINIO = Set.of("minio/minio");
  /** MinIO images ship {@code mc} since well before this release; older explicit releases may not. */
  private static final String MINIO_WITH_MC = "RELEASE.2023-09-01";
  private static final Pattern MINIO_RELEASE = Pattern.compile("RELEASE\\.(\\d{4}-\\d{2}-\\d{2}).*");

  /** What each job runs and how it is described. */
  enum Kind {
    POSTGRES("pg_dumpall", "sql.gz"),
    MYSQL("mariadb-dump or mysqldump", "sql.gz"),
    MINIO("mc mirror", "");

    final String tool;
    final String extension;

    Kind(String tool, String extension) {
      this.tool = tool;
      this.extension = extension;
    }
  }

  /** A job, with what its header line should warn about (a variable it needs that is not set). */
  record Job(String name, String database, Kind kind, PatchMap service, List<String> comments, List<String> notes) {}

  /** A stateful service that gets no job, and why. */
  record Skipped(String service, String reason) {}

  record Plan(List<Job> jobs, List<Skipped> skipped) {}

  private final LoadResult current;
  private final Templates templates;
  private final Policy policy;
  private final String directory;
  private final String firstFile;
  private final List<Job> jobs = new ArrayList<>();
  private final List<Skipped> skipped = new ArrayList<>();

  private BackupJobs(LoadResult current, Templates templates, Policy policy, String directory) {
    this.current = current;
    this.templates = templates;
    this.policy = policy;
    this.directory = stripSlash(directory == null ? DEFAULT_DIRECTORY : directory);
    this.firstFile = current.composeFiles().isEmpty() ? null : current.composeFiles().get(0);
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

  static Kind kindOf(Service service) {
    if (service.image() == null || !service.image().isValid()) {
      return null;
    }
    String name = service.image().reference().familiarName();
    if (POSTGRES.contains(name)) {
      return Kind.POSTGRES;
    }
    if (MYSQL.contains(name)) {
      return Kind.MYSQL;
    }
    return MINIO.contains(name) ? Kind.MINIO : null;
  }

  private void consider(Service db) {
    Kind kind = kindOf(db);
    if (kind == null || db.provider() != null || db.name().toLowerCase(Locale.ROOT).contains("backup")) {
      return; // not a database server (a backup job runs the database's image too)
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
    if (kind == Kind.MINIO && !hasMc(db.image().reference())) {
      skip(db, "its image " + db.image().text() + " may predate the mc client MinIO images ship");
      return;
    }
    MapNode environment = environmentNode(db);
    Credentials credentials = new Credentials(db, name, environment);
    PatchMap env = new PatchMap();
    String script;
    switch (kind) {
      case POSTGRES -> {
        credentials.copy("POSTGRES_USER", false, env);
        if (!credentials.copyPassword(List.of("POSTGRES_PASSWORD_FILE", "POSTGRES_PASSWORD"), env, false)) {
          return;
        }
        script = postgres(db, name);
      }
      case MYSQL -> {
        String root = first(environment, "MARIADB_ROOT_PASSWORD_FILE", "MARIADB_ROOT_PASSWORD",
            "MYSQL_ROOT_PASSWORD_FILE", "MYSQL_ROOT_PASSWORD");
        boolean emptyRoot = isSet(environment, "MYSQL_ALLOW_EMPTY_PASSWORD")
            || isSet(environment, "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD");
        if (root != null || emptyRoot) {
          if (root != null && !credentials.copyPassword(List.of(root), env, false)) {
            return;
          }
          script = mysql(db, name, "root", root, null);
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
            return;
          }
          script = mysql(db, name, user, password, database);
        }
      }
      case MINIO -> {
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
          return;
        }
        script = minio(db, name, user, password);
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

  private static boolean hasMc(ImageReference image) {
    String tag = image.effectiveTag();
    if (tag == null || tag.equals("latest")) {
      return true;
    }
    Matcher m = MINIO_RELEASE.matcher(tag);
    return m.matches() && ("RELEASE." + m.group(1)).compareTo(MINIO_WITH_MC) >= 0;
  }

  // ---- the service ----

  private PatchMap service(Service db, Kind kind, String script, PatchMap env, Credentials credentials) {
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
    limits.put("memory", kind == Kind.MINIO ? "512m" : "256m");
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

  private List<String> comments(Service db, Kind kind) {
    String where = directory + "/" + db.name();
    List<String> lines = new ArrayList<>();
    lines.add("Backup job for " + db.name() + ": " + kind.tool + " once at start, then every day at 03:00 UTC,");
    lines.add("into " + where + "/daily (the last 7 copies) and " + where + "/weekly (the last 4).");
    switch (kind) {
      case POSTGRES -> {
        lines.add("Same image as " + db.name() + ", so pg_dumpall matches the server. Restore with:");
        lines.add("  gunzip -c " + where + "/daily/FILE | docker compose exec -T " + db.name()
            + " psql -U USER -d postgres");
      }
      case MYSQL -> {
        lines.add("Same image as " + db.name() + ", so the dump tool matches the server. Restore with:");
        lines.add("  gunzip -c " + where + "/daily/FILE | docker compose exec -T " + db.name()
            + " mysql -uroot -pPASSWORD");
      }
      case MINIO -> {
        lines.add("Each copy is a full mirror of every bucket (plan for 11 times the data). Restore with");
        lines.add("  mc mirror " + where + "/daily/DIR/BUCKET ALIAS/BUCKET");
      }
      default -> { }
    }
    lines.add("Healthy while the last copy is less than 26 hours old. Leave it out with --no-backup.");
    return lines;
  }

  // ---- the scripts (POSIX sh: busybox, dash and bash alike) ----

  private static String postgres(Service db, String name) {
    String password = """
        if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
          PGPASSWORD=$(cat "$POSTGRES_PASSWORD_FILE")
          export PGPASSWORD
        elif [ -n "${POSTGRES_PASSWORD:-}" ]; then
          PGPASSWORD=$POSTGRES_PASSWORD
          export PGPASSWORD
        fi
        """;
    String dump = "pg_dumpall --host=" + db.name() + " --username=\"${POSTGRES_USER:-postgres}\" --clean --if-exists";
    return fileScript(name, db.name(), password, dump, "pg_dumpall");
  }

  private static String mysql(Service db, String name, String user, String password, String database) {
    String userText = user.equals("root") ? "root" : "$" + user;
    StringBuilder setup = new StringBuilder();
    if (password == null) {
      setup.append("password=\n");
    } else if (password.endsWith("_FILE")) {
      setup.append("password=$(cat \"$").append(password).append("\")\n");
    } else {
      setup.append("password=$").append(password).append('\n');
    }
    setup.append("printf '[client]\\nuser=\"%s\"\\npassword=\"%s\"\\n' \"").append(userText)
        .append("\" \"$password\" > /tmp/backup.cnf\n");
    setup.append("if command -v mariadb-dump >/dev/null 2>&1; then dump=mariadb-dump; else dump=mysqldump; fi\n");
    String what = database == null ? "--all-databases" : "--no-tablespaces --databases \"$" + database + "\"";
    String dump = "\"$dump\" --defaults-extra-file=/tmp/backup.cnf --host=" + db.name()
        + " --single-transaction --routines --events " + what;
    return fileScript(name, db.name(), setup.toString(), dump, "the dump");
  }

  /** A dump written to a compressed file per day. */
  private static String fileScript(String name, String db, String setup, String dump, String tool) {
    String backup = """
        backup() {
          day=$(date -u +%Y-%m-%d)
          out=/backups/daily/@DB@-$day.$ext
          rm -f /tmp/failed
          { @DUMP@ || touch /tmp/failed; } | $compress > "$out.partial"
          if [ -e /tmp/failed ]; then
            rm -f "$out.partial"
            echo "@NAME@: @TOOL@ failed" >&2
            return 1
          fi
          mv "$out.partial" "$out"
          keep "$out"
        }
        """.replace("@NAME@", name).replace("@DB@", db).replace("@TOOL@", tool).replace("@DUMP@", dump);
    String compress = """
        if command -v gzip >/dev/null 2>&1; then compress=gzip; ext=sql.gz; else compress=cat; ext=sql; fi
        """;
    return common(setup + compress, backup, name);
  }

  private static String minio(Service db, String name, String user, String password) {
    String port = minioPort(db);
    String setup = """
        mc() { command mc --config-dir /tmp/.mc "$@"; }
        mc alias set source http://@HOST@:@PORT@ "@USER@" "@PASSWORD@" >/dev/null
        """.replace("@HOST@", db.name()).replace("@PORT@", port)
        .replace("@USER@", valueOf(user)).replace("@PASSWORD@", valueOf(password));
    String backup = """
        backup() {
          day=$(date -u +%Y-%m-%d)
          out=/backups/daily/@DB@-$day
          rm -rf "$out.partial"
          mkdir -p "$out.partial"
          if ! mc ls source > /tmp/buckets; then
            echo "@NAME@: cannot list the buckets" >&2
            return 1
          fi
          while read -r _ _ _ _ bucket; do
            [ -n "$bucket" ] || continue
            if ! mc mirror --quiet "source/${bucket%/}" "$out.partial/${bucket%/}"; then
              echo "@NAME@: mc mirror of ${bucket%/} failed" >&2
              rm -rf "$out.partial"
              return 1
            fi
          done < /tmp/buckets
          rm -rf "$out"
          mv "$out.partial" "$out"
          keep "$out"
        }
        """.replace("@NAME@", name).replace("@DB@", db.name());
    return common(setup, backup, name);
  }

  /** {@code "$NAME"} for a variable, or a read of the file a {@code _FILE} variable names. */
  private static String valueOf(String variable) {
    return variable.endsWith("_FILE") ? "$(cat \"$" + variable + "\")" : "$" + variable;
  }

  /** The port of MinIO's S3 API: its {@code --address}, else 9000. */
  private static String minioPort(Service db) {
    List<String> words = db.command() == null ? List.of() : db.command().texts();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String address = w.equals("--address") && i + 1 < words.size() ? words.get(i + 1)
          : w.startsWith("--address=") ? w.substring("--address=".length()) : null;
      if (address != null && address.lastIndexOf(':') >= 0) {
        String port = address.substring(address.lastIndexOf(':') + 1);
        if (port.matches("[0-9]{1,5}")) {
          return port;
        }
      }
    }
    return "9000";
  }

  /** Retention, the schedule and the loop every job shares. */
  private static String common(String setup, String backup, String name) {
    String keep = """
        keep() {
          if [ "$(date -u +%u)" = 7 ] || [ -z "$(ls -A /backups/weekly)" ]; then
            rm -rf "/backups/weekly/${1##*/}"
            cp -a "$1" /backups/weekly/
          fi
          ls -1t /backups/daily | tail -n +8 | while read -r old; do rm -rf "/backups/daily/$old"; done
          ls -1t /backups/weekly | tail -n +5 | while read -r old; do rm -rf "/backups/weekly/$old"; done
          touch /backups/.last-success
          echo "@NAME@: wrote $1"
        }
        """.replace("@NAME@", name);
    String loop = """
        backup || true
        while :; do
          now=$(date -u +%s)
          sleep $(( (97200 - now % 86400) % 86400 + 1 ))
          backup || true
        done
        """;
    return "set -u\numask 077\nmkdir -p /backups/daily /backups/weekly\n" + setup + keep + backup + loop;
  }

  // ---- credentials ----

  private MapNode serviceNode(Service db) {
    return current.tree().get("services") instanceof MapNode services && services.get(db.name()) instanceof MapNode s
        ? s : MapNode.empty(db.origin());
  }

  private MapNode environmentNode(Service db) {
    return serviceNode(db).get("environment") instanceof MapNode env ? env : MapNode.empty(db.origin());
  }

  /** The first of the variables the environment has: with a value, or as a bare key (set from outside). */
  private static String first(MapNode environment, String... names) {
    for (String n : names) {
      if (has(environment, n)) {
        return n;
      }
    }
    return null;
  }

  private static boolean has(MapNode environment, String name) {
    return environment.get(name) instanceof ScalarNode s && (s.text() == null || !s.text().isEmpty());
  }

  private static boolean isSet(MapNode environment, String name) {
    return environment.get(name) instanceof ScalarNode s && s.text() != null && !s.text().isEmpty()
        && !s.text().equals("0") && !s.text().equalsIgnoreCase("false") && !s.text().equalsIgnoreCase("no");
  }

  /** How the job gets the database's variables: the same templates, env files or secrets. */
  private final class Credentials {
    private final Service db;
    private final String job;
    private final MapNode environment;
    private final List<String> notes = new ArrayList<>();
    private final List<String> envFiles = new ArrayList<>();
    private final List<Object> secrets = new ArrayList<>();
    private String failed;

    Credentials(Service db, String job, MapNode environment) {
      this.db = db;
      this.job = job;
      this.environment = environment;
    }

    /** Copies the variable's reference into {@code env}; a literal only when {@code secret} is false. */
    void copy(String variable, boolean secret, PatchMap env) {
      Node node = environment.get(variable);
      if (!(node instanceof ScalarNode value)) {
        return;
      }
      if (value.text() == null) {
        // a bare key the project environment does not set: the job gets the same bare key
        env.put(variable, null);
        if (secret) {
          notes.add(variable + " is not set, so neither " + db.name() + " nor " + job + " gets a value: set "
              + variable + " (in .env)");
        }
        return;
      }
      String template = templates.templateOf(value, variable);
      if (template != null) {
        if (secret) {
          // refer to the same variables, never repeat a literal default
          template = Templates.withoutDefaults(template);
          for (String unset : templates.unsetVariables(template)) {
            notes.add(unset + " is not set, so " + db.name() + " uses the default written in "
                + value.origin().file() + " and " + job + " gets no password: set " + unset + " (in .env)");
          }
        }
        env.put(variable, new Raw(template));
        return;
      }
      String written = templates.writtenText(value, variable);
      if (templates.isWrittenLiterally(value, variable) && isInComposeFile(value)) {
        if (secret) {
          failed = db.name() + " writes " + variable + " literally in " + value.origin().file()
              + "; move it to a variable or an env file and run lashing patch again";
        } else {
          env.put(variable, value.text());
        }
        return;
      }
      boolean bare = written == null || written.isEmpty() || written.equals(variable);
      if (bare && value.text().equals(templates.variable(variable))) {
        env.put(variable, null); // a bare key, set from the project environment as for the database
        return;
      }
      String envFile = envFileOf(value, written);
      if (envFile != null) {
        if (!envFiles.contains(envFile)) {
          envFiles.add(envFile);
        }
        return;
      }
      failed = "cannot tell where " + db.name() + " gets " + variable + " from";
    }

    /**
     * Copies the first of the password variables that is set (a literal one fails the job); false, the
     * database skipped, when none is set and one is required.
     */
    boolean copyPassword(List<String> candidates, PatchMap env, boolean required) {
      for (String variable : candidates) {
        if (has(environment, variable)) {
          boolean file = variable.endsWith("_FILE");
          copy(variable, !file, env);
          if (file) {
            copySecrets();
          }
          return true;
        }
      }
      if (required) {
        skip(db, "no password variable is set in its environment");
        return false;
      }
      return true;
    }

    /** The secrets the database mounts, so a {@code _FILE} variable finds its file in the job too. */
    private void copySecrets() {
      MapNode service = serviceNode(db);
      if (service.get("secrets") instanceof SeqNode list) {
        for (Node item : list.items()) {
          Object secret = templates.value(item);
          // {source: x} alone is the short form x
          secrets.add(secret instanceof PatchMap m && m.size() == 1 && m.get("source") instanceof String source
              ? source : secret);
        }
      }
    }

    private boolean isInComposeFile(ScalarNode value) {
      return current.composeFiles().contains(value.origin().file());
    }

    /**
     * The env file a value was read from, as written in the compose file, when that file sits in the project
     * directory (so the path means the same in the patch); null otherwise.
     */
    private String envFileOf(ScalarNode value, String written) {
      SourceRange at = value.origin().at();
      if (written == null || at.isSynthetic() || !current.composeFiles().contains(at.file())
          || written.equals(value.text())) {
        return null;
      }
      Path declaring = Path.of(at.file()).getParent();
      Path main = firstFile == null ? null : Path.of(firstFile).getParent();
      if (!Objects.equals(declaring, main)) {
        return null;
      }
      String template = written.indexOf('$') >= 0 ? null : written;
      return template != null && isEnvFilePath(template) ? template : null;
    }

    private boolean isEnvFilePath(String text) {
      return !text.contains("=") && !text.contains(" ") && !text.isEmpty();
    }
  }

  private static String stripSlash(String dir) {
    String d = dir;
    while (d.length() > 1 && d.endsWith("/")) {
      d = d.substring(0, d.length() - 1);
    }
    return d;
  }

}
