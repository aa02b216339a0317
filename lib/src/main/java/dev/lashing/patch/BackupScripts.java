package dev.lashing.patch;

import dev.lashing.model.Service;
import java.util.List;

/**
 * The shell scripts backup jobs run (POSIX sh: busybox, dash and bash alike): a dump at start and then every day
 * at 03:00 UTC, keeping the last 7 daily and 4 weekly copies, and touching a marker the job's healthcheck reads.
 */
final class BackupScripts {
  private BackupScripts() {}

  static String postgres(Service db, String name) {
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

  static String mysql(Service db, String name, String user, String password, String database) {
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

  static String minio(Service db, String name, String user, String password) {
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
}
