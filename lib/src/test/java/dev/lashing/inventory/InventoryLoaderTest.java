package dev.lashing.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lashing.inventory.Inventory.Exposure;
import dev.lashing.inventory.Inventory.Stack;
import dev.lashing.inventory.Inventory.Tier;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InventoryLoaderTest {
  static final Path EXAMPLE = Path.of(System.getProperty("lashing.root", ".."), "examples/inventory/inventory.yml");

  static Inventory read(String yaml) {
    return InventoryLoader.read(new SourceFile("inventory.yml", yaml));
  }

  /** The messages of every problem, as {@code line:col: message}. */
  static List<String> problems(String yaml) {
    try {
      read(yaml);
    } catch (ComposeException e) {
      return e.diagnostics().stream().map(Diagnostic::toString).map(s -> s.replace("inventory.yml:", "")).toList();
    }
    throw new AssertionError("expected the inventory to be rejected");
  }

  /** A development stack around one service, indented under {@code services:}. */
  static String devStack(String service) {
    return """
        environments:
          desktop:
            stacks:
              app:
                tier: development
                network: app
                services:
        """ + service.stripTrailing().indent(10);
  }

  @Test
  void readsTheExample() {
    Inventory inventory = InventoryLoader.load(EXAMPLE, "inventory.yml");
    assertThat(inventory.ordered()).extracting(Inventory.Environment::name)
        .containsExactly("desktop", "staging", "production");

    Inventory.Environment production = inventory.environments().get("production");
    assertThat(production.production()).isTrue();
    assertThat(production.cleanup()).isFalse();
    assertThat(production.protectedNames()).containsExactly("prod-*", "stable-*");
    Stack plane = production.stacks().get("plane");
    assertThat(plane.tier()).isEqualTo(Tier.PRODUCTION);
    assertThat(plane.network().name()).isEqualTo("plane");
    assertThat(plane.gateways()).containsExactly("proxy");
    assertThat(plane.services().keySet()).containsExactly("proxy", "db", "mq", "minio", "valkey");
    assertThat(plane.services().get("db").limits())
        .isEqualTo(new Inventory.Resources(2L << 30, 1.0, null));
    assertThat(plane.services().get("valkey").limits().memory()).isEqualTo(512L << 20);
    assertThat(plane.services().get("minio").limits()).isEqualTo(new Inventory.Resources(1L << 30, 0.5, null));
    assertThat(plane.services().get("proxy").exposure())
        .isEqualTo(new Exposure(Exposure.Kind.PUBLIC, 80, "public:80"));
    assertThat(plane.backup().daily()).isEqualTo(7);
    assertThat(plane.backup().weekly()).isEqualTo(4);
    assertThat(plane.services().get("mq").secrets().get("plane_mq_credentials").path())
        .isEqualTo("/etc/rabbitmq/conf.d/90-credentials.conf");

    Inventory.Environment desktop = inventory.environments().get("desktop");
    assertThat(desktop.cleanup()).isTrue();
    assertThat(desktop.maxImageAge()).isEqualTo(Duration.ofDays(7));
    assertThat(desktop.maxVolumeAge()).isNull();
    Stack odoo = desktop.stacks().get("odoo");
    assertThat(odoo.tier()).isEqualTo(Tier.DEVELOPMENT);
    assertThat(odoo.backup()).isNull();
    assertThat(odoo.services().get("odoo").exposure().written()).isEqualTo("localhost:9069");
    assertThat(odoo.services().get("db").exposure().hostPort()).isEqualTo(5433);
    assertThat(odoo.services().get("db").limits()).isEqualTo(new Inventory.Resources(1L << 30, 0.5, null));

    // staging runs the very same Plane stack, through a YAML alias
    assertThat(inventory.environments().get("staging").stacks().get("plane").services().values())
        .extracting(Inventory.Service::pinnedImage)
        .containsExactlyElementsOf(plane.services().values().stream().map(Inventory.Service::pinnedImage).toList());
  }

  @Test
  void schemaErrorsArePositionedWithSuggestions() {
    assertThat(problems(devStack("""
        web:
          image: "nginxinc/nginx-unprivileged:1.27.3"
          expsoe: internal
        """))).containsExactly(
            "10:13: environments.desktop.stacks.app.services.web additional properties 'expsoe' not allowed"
                + " (did you mean 'expose'?)");
    assertThat(problems("""
        environments:
          desktop:
            stacks:
              app: {tier: staging, network: app, services: {web: {image: "redis:7.2"}}}
        """)).singleElement().asString()
        .startsWith("4:19: environments.desktop.stacks.app.tier must be one of 'production', 'development'");
    // no variable is expanded in an inventory: one is held to the enum like any text (it crashed the loader)
    assertThat(problems("""
        environments:
          desktop:
            stacks:
              app: {tier: "pr$duction", network: app, services: {web: {image: "redis:7.2"}}}
        """)).singleElement().asString()
        .startsWith("4:19: environments.desktop.stacks.app.tier must be one of 'production', 'development'");
    assertThat(problems("environments: {}\nstacks: {}\n")).singleElement().asString()
        .startsWith("2:1: additional properties 'stacks' not allowed");
  }

  /**
   * A generated file would hold the mount and fail its own lint (sensitive-mount, docker-socket): refused where it is
   * written.
   */
  @Test
  void aSensitiveHostDirectoryOrAnEngineSocketIsRefused() throws IOException {
    assertThat(problems(devStack("""
        web:
          image: "nginx:1.27"
          volumes: [/lib32/./html:/usr/share/nginx/html:ro, /etc/localtime:/etc/localtime:ro, ./html:/srv]
        """))).containsExactly("10:23: environments.desktop.stacks.app.services.web.volumes: /lib32/html is a"
            + " sensitive host directory: it holds libraries the host runs as root; mount only the file or directory"
            + " the service needs");
    assertThat(problems(devStack("""
        web:
          image: "nginx:1.27"
          volumes: ["/home/dev/.ssh:/root/.ssh"]
        """))).singleElement().asString().endsWith(": /home/dev/.ssh is a sensitive host directory: it holds"
            + " credentials (SSH keys, cloud, cluster or registry tokens); mount only the file or directory the service"
            + " needs, read-only (:ro)");
    assertThat(problems(devStack("""
        web:
          image: "nginx:1.27"
          volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]
        """))).singleElement().asString().endsWith(": /var/run/docker.sock gives the container engine's API"
            + " socket: anyone in the container could start a privileged container and so control the host; a"
            + " generated stack does not mount it (put a socket proxy that allows only the calls the service needs"
            + " in between)");
    // the backup job mounts its directory writable
    String backup = Files.readString(EXAMPLE).replace("directory: /srv/backups/plane", "directory: /var/lib/kubelet/x");
    assertThat(problems(backup)).isNotEmpty().allSatisfy(p -> assertThat(p).endsWith(".backup.directory:"
        + " /var/lib/kubelet/x is a sensitive host directory: it holds the kubelet's data, with the secrets of every"
        + " pod; mount only the file or directory the service needs, read-only (:ro)"));
  }

  /** A generated file would hold the password and fail its own lint (secret-in-command): refused where it is written. */
  @Test
  void aPasswordOnACommandLineIsRefused() {
    assertThat(problems(devStack("""
        cache:
          image: "valkey/valkey:8.0"
          command: [valkey-server, --requirepass, "Xk8#pLm2vQ9"]
          healthcheck: {test: "valkey-cli -a 'Xk8#pLm2vQ9' ping"}
        """))).containsExactly(
            "10:53: environments.desktop.stacks.app.services.cache.command: --requirepass gives a password on the"
                + " command line, which the generated file would show to everyone who can read it or run docker"
                + " inspect; have the service read it from a secret (its *_FILE variable, or a file option)",
            "11:33: environments.desktop.stacks.app.services.cache.healthcheck.test: -a gives a password on the"
                + " command line, which the generated file would show to everyone who can read it or run docker"
                + " inspect; have the service read it from a secret (its *_FILE variable, or a file option)");
    // the container's shell reading it from a secret is what the message asks for
    assertThat(read(devStack("""
        cache:
          image: "valkey/valkey:8.0"
          command: [sh, -c, 'valkey-server --requirepass "$$(cat /run/secrets/pass)"']
        """)).environments()).containsKey("desktop");
  }

  /** Compose splits a command written as one text as a shell would; one it cannot split would not load. */
  @Test
  void aCommandComposeCannotSplitIsRefused() {
    assertThat(problems(devStack("""
        store:
          image: "minio/minio:RELEASE.2025-01-20T14-49-07Z"
          command: ([server, /data]
        """))).containsExactly("10:22: environments.desktop.stacks.app.services.store.command: invalid command line"
            + " string: Compose splits a command written as one text into words as a shell would, and refuses this"
            + " one; write the command as a list of words");
  }

  @Test
  void onlyGatewaysArePublic() {
    assertThat(problems(devStack("""
        web:
          image: "redis:7.2"
          expose: public:6379
        """))).containsExactly("10:21: environments.desktop.stacks.app.services.web.expose: only the stack's"
            + " gateways may be public; add the service to gateways, or expose it on localhost:6379");
  }

  @Test
  void productionPinsDigestsAndMovingTagsAreRefused() {
    assertThat(problems("""
        environments:
          prod:
            stacks:
              app:
                tier: production
                network: app
                services:
                  cache: {image: "redis:7.2"}
                  web: {image: "nginxinc/nginx-unprivileged:latest", digest: "sha256:%s"}
                  db: {image: "postgres", digest: "sha256:%s"}
                  job: {image: "valkey/valkey:alpine", user: "1000:1000"}
        """.formatted("a".repeat(64), "b".repeat(64))))
        .anySatisfy(p -> assertThat(p).startsWith("8:26: environments.prod.stacks.app.services.cache.image: a"
            + " production stack pins every image by digest"))
        .anySatisfy(p -> assertThat(p).startsWith("11:24: environments.prod.stacks.app.services.job.image: tag"
            + " alpine names no version"))
        .noneSatisfy(p -> assertThat(p).contains("services.web.image: tag"))
        .anySatisfy(p -> assertThat(p).startsWith("10:23: environments.prod.stacks.app.services.db.image:"
            + " 'postgres' has no tag"));
  }

  @Test
  void credentialsBelongInSecrets() {
    assertThat(problems(devStack("""
        db:
          image: "postgres:16.4"
          environment:
            POSTGRES_PASSWORD: hunter2
            DATABASE_URL: "postgresql://app:hunter2@db/app"
            POSTGRES_PASSWORD_FILE: /run/secrets/db
            POSTGRES_HOST_AUTH_METHOD: scram-sha-256
            BASE_IMAGE: "docker-image://postgres:16.4@sha256:0123456789abcdef0123456789abcdef"
        """)))
        .hasSize(2) // a tag before a digest is no password, as secret-in-url judges
        .anySatisfy(p -> assertThat(p).startsWith("11:34: environments.desktop.stacks.app.services.db.environment"
            + ".POSTGRES_PASSWORD: a credential written into the environment"))
        .anySatisfy(p -> assertThat(p).startsWith("12:29: environments.desktop.stacks.app.services.db.environment"
            + ".DATABASE_URL: the URL carries a password"));
  }

  /** A known image whose check depends on its version needs one written when its tag does not tell the version. */
  @Test
  void aKnownImageOfAnUnreadableVersionNeedsAHealthcheck() {
    assertThat(problems(devStack("""
        store:
          image: "minio/minio:RELEASE.2021-06-17T00-10-46Z"
        docs:
          image: "mongo:4.4"
          user: "999"
        """)))
        .singleElement().satisfies(p -> assertThat(p).contains("services.store: Lashing writes no healthcheck for"
            + " minio/minio:RELEASE.2021-06-17T00-10-46Z: mc ready needs mc, and release").contains("write one"));
  }

  @Test
  void unknownImagesNeedAUserAndAHealthcheck() {
    assertThat(problems(devStack("""
        app:
          image: "ghcr.io/acme/app:1.4.2"
        """)))
        .anySatisfy(p -> assertThat(p).contains("ghcr.io/acme/app:1.4.2 is not an image Lashing knows a"
            + " healthcheck for"))
        .anySatisfy(p -> assertThat(p).contains("is not an image Lashing knows the user of"));
    assertThat(problems(devStack("""
        app:
          image: "ghcr.io/acme/app:1.4.2"
          user: "0:0"
          healthcheck: {test: [CMD, /app/healthz]}
          cap_add: [SYS_ADMIN]
        """)))
        .containsExactly(
            "10:19: environments.desktop.stacks.app.services.app.user: '0:0' is root; name an unprivileged user"
                + " the image can run as",
            "12:23: environments.desktop.stacks.app.services.app.cap_add: SYS_ADMIN opens a way to the host; a"
                + " generated stack never adds it");
  }

  @Test
  void referencesBetweenServicesAreChecked() {
    assertThat(problems("""
        environments:
          desktop:
            stacks:
              app:
                tier: development
                network: app
                gateways: [prxy]
                services:
                  proxy: {image: "nginxinc/nginx-unprivileged:1.27.3", depends_on: [web]}
                  web: {image: "redis:7.2", depends_on: [db, proxy]}
                  cache: {image: "redis:7.2", depends_on: [cache]}
        """))
        .anySatisfy(p -> assertThat(p).startsWith("7:20: environments.desktop.stacks.app.gateways: 'prxy' is not a"
            + " service of the stack (did you mean 'proxy'?)"))
        .anySatisfy(p -> assertThat(p).startsWith("10:50: environments.desktop.stacks.app.services.web.depends_on:"
            + " 'db' is not a service of the stack"))
        .anySatisfy(p -> assertThat(p).startsWith("11:52: environments.desktop.stacks.app.services.cache.depends_on:"
            + " a service cannot depend on itself"))
        .anySatisfy(p -> assertThat(p).contains("services depend on each other in a circle: proxy -> web -> proxy"));
  }

  @Test
  void oneHostCannotPublishAPortTwiceOrShareNames() {
    assertThat(problems("""
        environments:
          desktop:
            stacks:
              a:
                tier: development
                network: shared
                services:
                  db: {image: "postgres:16.4", expose: "localhost:5432"}
              b:
                tier: development
                network: shared
                services:
                  db: {image: "postgres:16.4", expose: "localhost:5432"}
        """))
        .anySatisfy(p -> assertThat(p).startsWith("11:18: environments.desktop.stacks.b.network: network 'shared'"
            + " is already stack a's"))
        .anySatisfy(p -> assertThat(p).startsWith("13:48: environments.desktop.stacks.b.services.db.expose: host"
            + " port 5432 is already published by a.db"));
  }

  @Test
  void productionHostsAreReadOnly() {
    assertThat(problems("""
        environments:
          production:
            production: true
            cleanup: true
            safe_to_delete: {images: ["ci-*"]}
            max_unused_age: {images: 0s}
        """)).containsExactly(
            "4:14: environments.production.cleanup: a production host is read-only for Lashing; cleanup must be"
                + " false",
            "5:21: environments.production.safe_to_delete: nothing on a production host is ever safe to delete;"
                + " remove it",
            "6:30: environments.production.max_unused_age.images: '0s' is not a positive duration (30d, 12h, 2w)");
  }

  @Test
  void backupsDumpPostgresWithItsPasswordSecret() {
    assertThat(problems("""
        environments:
          desktop:
            stacks:
              app:
                tier: development
                network: app
                backup: {service: cache, directory: /srv/backups, daily: 7, weekly: 4}
                services:
                  cache: {image: "redis:7.2"}
        """)).singleElement().asString().isEqualTo("7:27: environments.desktop.stacks.app.backup.service: the backup"
            + " job dumps PostgreSQL, and cache runs redis:7.2");
    assertThat(problems("""
        environments:
          desktop:
            stacks:
              app:
                tier: development
                network: app
                backup: {service: db, directory: /srv/backups, daily: 7, weekly: 4}
                services:
                  db: {image: "postgres:16.4", environment: {POSTGRES_USER: app}}
        """)).singleElement().asString().contains("db must read its password from a secret");
    assertThat(problems("""
        environments:
          desktop:
            stacks:
              app:
                tier: development
                network: app
                backup: {service: db, directory: backups, daily: 0, weekly: 4}
                services:
                  db: {image: "postgres:16.4"}
        """)).hasSize(2);
  }

  @Test
  void limitsAndReservationsAreChecked() {
    assertThat(problems(devStack("""
        cache:
          image: "redis:7.2"
          limits: {memory: 512m, cpus: 0.5}
          reservations: {memory: 1g, cpus: 1}
          volumes: ["/data", "bad name:/x"]
        """)))
        .anySatisfy(p -> assertThat(p).contains("reservations.memory: more than the memory limit (512m)"))
        .anySatisfy(p -> assertThat(p).contains("reservations.cpus: more than the CPU limit (0.5)"))
        .anySatisfy(p -> assertThat(p).contains("'/data' is an anonymous volume"))
        .anySatisfy(p -> assertThat(p).contains("'bad name' is not a valid volume name"));
  }

  /**
   * Limits the engine refuses when it creates the container are refused here, at their place; it sets no minimum
   * on the number of processes, nor on a CPU reservation (which Compose passes to Swarm only).
   */
  @Test
  void limitsBelowTheEnginesMinimumsAreRefused() {
    assertThat(problems(devStack("""
        cache:
          image: "redis:7.2"
          limits: {memory: 1k, cpus: 0.001, pids: 1}
        queue:
          image: "redis:7.2"
          reservations: {memory: 5m, cpus: 0.001}
        """))).containsExactly(
            "10:30: environments.desktop.stacks.app.services.cache.limits.memory: 1k is below 6m, the least the"
                + " engine accepts",
            "10:40: environments.desktop.stacks.app.services.cache.limits.cpus: 0.001 is below 0.01, the least CPU"
                + " limit the engine accepts",
            "13:36: environments.desktop.stacks.app.services.queue.reservations.memory: 5m is below 6m, the least"
                + " the engine accepts");
    assertThat(read(devStack("""
        cache:
          image: "redis:7.2"
          limits: {memory: 6m, cpus: 0.01, pids: 1.0}
        """)).environments().get("desktop").stacks().get("app").services().get("cache").limits())
        .isEqualTo(new Inventory.Resources(6L << 20, 0.01, 1L));
    assertThat(problems(devStack("""
        cache:
          image: "redis:7.2"
          limits: {pids: 99999999999999999999}
        """))).containsExactly("10:28: environments.desktop.stacks.app.services.cache.limits.pids: expected a"
            + " positive whole number up to 9223372036854775807, not 99999999999999999999");
  }

  /**
   * docker compose passes a CPU limit to the engine as cpus × 10^9 in a 64-bit integer (worked out in 32-bit
   * floating point): a limit beyond it, or a reservation the generator would take for the limit, is refused where
   * it is written, not written into a file no engine can run.
   */
  @Test
  void aCpuLimitTheEngineCannotBeGivenIsRefused() {
    assertThat(problems(devStack("""
        cache:
          image: "redis:7.2"
          limits: {cpus: 99999999999}
        queue:
          image: "redis:7.2"
          reservations: {cpus: 1e10}
        """))).containsExactly(
            "10:28: environments.desktop.stacks.app.services.cache.limits.cpus: 99999999999 is more CPUs than the"
                + " engine can be given: docker compose passes cpus × 10^9 to it as a 64-bit integer (NanoCPUs),"
                + " which this overflows",
            "13:34: environments.desktop.stacks.app.services.queue.reservations.cpus: 1e10 is more CPUs than the"
                + " engine can be given: docker compose passes cpus × 10^9 to it as a 64-bit integer (NanoCPUs),"
                + " which this overflows");
    // the largest a float32 holds whose product stays below 2^63; the next float32 up overflows
    assertThat(read(devStack("""
        cache:
          image: "redis:7.2"
          limits: {cpus: 9223370752}
        """)).environments().get("desktop").stacks().get("app").services().get("cache").limits().cpus())
        .isEqualTo(9223370752d);
    assertThat(problems(devStack("""
        cache:
          image: "redis:7.2"
          limits: {cpus: 9223371776}
        """))).singleElement().asString().contains("is more CPUs than the engine can be given");
  }

  private static final String COUNTS = """
      environments:
        desktop:
          stacks:
            app:
              tier: development
              network: app
              logging: {max_file: %s}
              backup: {service: db, directory: /srv/backups, daily: %s, weekly: %s, monthly: %s}
              services:
                db:
                  image: "postgres:16.4"
                  port: %s
                  limits: {pids: %s}
                  healthcheck: {test: [CMD, pg_isready], retries: %s}
                  environment: {POSTGRES_PASSWORD_FILE: /run/secrets/pw}
                  secrets: {pw: /srv/pw}
      """;

  /**
   * A whole number is read as .lashing.yml reads an option's: written 5.0 or 1e1, as YAML writes a float, it is its
   * value (the schema takes it for an integer), not the default in its place; one beyond 64 bits is refused where it
   * is written, never capped.
   */
  @Test
  void wholeNumbersAreTheirValueOrRefusedWhereWritten() {
    Inventory.Stack stack = read(COUNTS.formatted("5.0", "7.0", "0.0", "1e1", "5432.0", "1e12", "99999999999"))
        .environments().get("desktop").stacks().get("app");
    assertThat(stack.logging().maxFile()).isEqualTo(5L);
    assertThat(stack.backup().daily()).isEqualTo(7L);
    assertThat(stack.backup().weekly()).isZero();
    assertThat(stack.backup().monthly()).isEqualTo(10L);
    Inventory.Service db = stack.services().get("db");
    assertThat(db.port()).isEqualTo(5432);
    assertThat(db.limits().pids()).isEqualTo(1_000_000_000_000L);
    assertThat(db.healthcheck().retries()).isEqualTo(99_999_999_999L);
    assertThat(read(COUNTS.formatted("99999999999", "1", "1", "1", "1", "1", "1"))
        .environments().get("desktop").stacks().get("app").logging().maxFile()).isEqualTo(99_999_999_999L);
    String tooLarge = ": expected a positive whole number up to 9223372036854775807, not ";
    assertThat(problems(COUNTS.formatted("1e30", "9223372036854775808", "1e19", "1e20", "1", "1e100",
        "18446744073709551616"))).containsExactly(
            "7:29: environments.desktop.stacks.app.logging.max_file" + tooLarge + "1e30",
            "8:63: environments.desktop.stacks.app.backup.daily" + tooLarge + "9223372036854775808",
            "8:92: environments.desktop.stacks.app.backup.weekly: expected a whole number of 0 or more up to"
                + " 9223372036854775807, not 1e19",
            "8:107: environments.desktop.stacks.app.backup.monthly: expected a whole number of 0 or more up to"
                + " 9223372036854775807, not 1e20",
            "13:28: environments.desktop.stacks.app.services.db.limits.pids" + tooLarge + "1e100",
            "14:61: environments.desktop.stacks.app.services.db.healthcheck.retries" + tooLarge
                + "18446744073709551616");
  }

  private static final String SCHEDULED = COUNTS.replace("directory: /srv/backups,",
      "schedule: %s, directory: /srv/backups,");

  /** The backup job's scheduler exits at start on a schedule it cannot read, and then no backup is ever taken. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"'@daily'", "'@every 6h30m'", "'0 30 2 * * *'", "'30 2 * * *'", "'*/15 0-6 1,15 jan-jun ?'",
      "'0 0 3 * * SUN'", "'@Weekly'"})
  void aScheduleTheSchedulerReadsIsTaken(String schedule) {
    assertThat(read(SCHEDULED.formatted("3", schedule, "7", "4", "1", "5432", "100", "3")).environments()
        .get("desktop").stacks().get("app").backup().schedule()).isEqualTo(schedule.substring(1, schedule.length() - 1));
  }

  @Test
  void aScheduleTheSchedulerCannotReadIsRefusedWhereWritten() {
    String where = "8:41: environments.desktop.stacks.app.backup.schedule: ";
    String noBackup = "; the backup job would exit at start and take no backup";
    assertThat(problems(SCHEDULED.formatted("3", "'99 99 99'", "7", "4", "1", "5432", "100", "3")))
        .containsExactly(where + "a cron schedule has 5 fields (minute hour day-of-month month day-of-week), or 6"
            + " with seconds first, not 3" + noBackup);
    assertThat(problems(SCHEDULED.formatted("3", "'0 25 * * *'", "7", "4", "1", "5432", "100", "3")))
        .containsExactly(where + "hour '25' is not a value or range from 0 to 23" + noBackup);
    assertThat(problems(SCHEDULED.formatted("3", "'0 2 * * mon-fry'", "7", "4", "1", "5432", "100", "3")))
        .containsExactly(where + "day of week 'mon-fry' is not a name or a value or range from 0 to 6" + noBackup);
    assertThat(problems(SCHEDULED.formatted("3", "'*/0 * * * *'", "7", "4", "1", "5432", "100", "3")))
        .containsExactly(where + "minute '*/0': the step after / must be a positive number" + noBackup);
    assertThat(problems(SCHEDULED.formatted("3", "'@nightly'", "7", "4", "1", "5432", "100", "3")))
        .containsExactly(where + "unknown descriptor @nightly; use @hourly, @daily, @weekly, @monthly, @yearly or"
            + " @every DURATION" + noBackup);
  }

  @Test
  void notAMappingIsRejected() {
    assertThatThrownBy(() -> read("- environments\n"))
        .isInstanceOf(ComposeException.class)
        .hasMessageStartingWith("inventory.yml:1:1: an inventory is one YAML document");
  }
}
