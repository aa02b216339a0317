package dev.lashing.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Policy;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.patch.PatchMap.Raw;
import dev.lashing.tree.MapNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupJobsTest {
  @TempDir Path dir;
  private static final Map<String, String> ENV = Map.of("DB_PASSWORD", "s3cret");
  private LoadResult project;

  private BackupJobs.Plan plan(String compose) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), compose);
    Files.writeString(dir.resolve("root.txt"), "pw\n");
    project = ProjectLoader.load(LoadOptions.of(dir, ENV, dir.resolve("compose.yaml")));
    return BackupJobs.plan(project, new Templates(project.sources(), ENV), Policy.PRODUCTION, null);
  }

  /** The jobs written as a patch and merged over the file: they must load. */
  private MapNode merged(BackupJobs.Plan plan) throws IOException {
    PatchBuilder builder = new PatchBuilder();
    for (BackupJobs.Job job : plan.jobs()) {
      builder.addJob(job.name(), job.service(), job.comments());
    }
    Files.writeString(dir.resolve("patch.yml"), PatchEmitter.write(List.of(), builder.root()));
    LoadResult after = ProjectLoader.load(LoadOptions.of(dir, ENV, dir.resolve("compose.yaml"),
        dir.resolve("patch.yml")));
    return (MapNode) after.tree().get("services");
  }

  private static String script(BackupJobs.Job job) {
    return (String) ((List<?>) job.service().get("command")).get(0);
  }

  @Test
  void everyPostgresqlCompatibleImageIsBackedUpAndADatabaseWithoutAJobSaysWhy() throws IOException {
    BackupJobs.Plan plan = plan("""
        services:
          vectors:
            image: pgvector/pgvector:pg16
            environment: {POSTGRES_PASSWORD: "${PG_PASSWORD}"}
          rs:
            image: tensorchord/pgvecto-rs:pg16-v0.3.0
            environment: {POSTGRES_PASSWORD: "${PG_PASSWORD}"}
          ha:
            image: timescale/timescaledb-ha:pg16
            environment: {POSTGRES_PASSWORD: "${PG_PASSWORD}"}
          bitnami:
            image: bitnami/postgresql:16
            environment: {POSTGRES_PASSWORD: "${PG_PASSWORD}"}
          events:
            image: clickhouse/clickhouse-server:24.8
        """);
    assertThat(plan.jobs()).extracting(BackupJobs.Job::name)
        .containsExactly("vectors-backup", "rs-backup", "ha-backup", "bitnami-backup");
    assertThat(plan.skipped()).singleElement().satisfies(k -> {
      assertThat(k.service()).isEqualTo("events");
      assertThat(k.reason()).contains("no backup method").contains("clickhouse/clickhouse-server:24.8");
    });
  }

  @Test
  void postgresGetsADumpJobThatRefersToTheSameVariables() throws IOException {
    BackupJobs.Plan plan = plan("""
        services:
          db:
            image: postgres:16-alpine
            environment:
              POSTGRES_USER: ${DB_USER:-app}
              POSTGRES_PASSWORD: ${DB_PASSWORD:-insecure}
            healthcheck: {test: ["CMD", "pg_isready"]}
            networks: [data]
        networks:
          data: {}
        """);
    assertThat(plan.skipped()).isEmpty();
    BackupJobs.Job job = plan.jobs().get(0);
    assertThat(job.name()).isEqualTo("db-backup");
    PatchMap service = job.service();
    assertThat(service.get("image")).isEqualTo("postgres:16-alpine");
    PatchMap env = (PatchMap) service.get("environment");
    assertThat(env.get("POSTGRES_USER")).isEqualTo(new Raw("${DB_USER:-app}"));
    assertThat(env.get("POSTGRES_PASSWORD")).isEqualTo(new Raw("${DB_PASSWORD}"));
    assertThat(service.get("volumes")).isEqualTo(List.of("./backups/db:/backups"));
    assertThat(service.get("networks")).isEqualTo(List.of("data"));
    assertThat(service.get("restart")).isEqualTo("unless-stopped");
    assertThat(((PatchMap) ((PatchMap) service.get("depends_on")).get("db")).get("condition"))
        .isEqualTo("service_healthy");
    assertThat(script(job)).contains("pg_dumpall --host=db").contains("tail -n +8").contains("tail -n +5")
        .contains("/backups/daily/db-$day.$ext");
    assertThat(job.notes()).isEmpty();
    MapNode services = merged(plan);
    assertThat(services.keys()).contains("db-backup");
  }

  @Test
  void aPasswordWrittenInTheFileIsNeverCopied() throws IOException {
    BackupJobs.Plan plan = plan("""
        services:
          db:
            image: mariadb:11.4
            environment:
              - MARIADB_ROOT_PASSWORD=hunter2
        """);
    assertThat(plan.jobs()).isEmpty();
    assertThat(plan.skipped()).singleElement().asString().contains("writes MARIADB_ROOT_PASSWORD literally");
  }

  @Test
  void aPasswordFileComesWithItsSecret() throws IOException {
    BackupJobs.Plan plan = plan("""
        services:
          db:
            image: mysql:8.4
            environment:
              - MYSQL_ROOT_PASSWORD_FILE=/run/secrets/root
            secrets: [root]
        secrets:
          root: {file: ./root.txt}
        """);
    BackupJobs.Job job = plan.jobs().get(0);
    assertThat(((PatchMap) job.service().get("environment")).get("MYSQL_ROOT_PASSWORD_FILE"))
        .isEqualTo("/run/secrets/root");
    assertThat(job.service().get("secrets")).isEqualTo(List.of("root"));
    assertThat(script(job)).contains("password=$(cat \"$MYSQL_ROOT_PASSWORD_FILE\")").contains("--all-databases");
    assertThat(((PatchMap) ((PatchMap) job.service().get("depends_on")).get("db")).get("condition"))
        .isEqualTo("service_started");
    merged(plan);
  }

  @Test
  void anApplicationUserDumpsItsOwnDatabase() throws IOException {
    BackupJobs.Plan plan = plan("""
        services:
          db:
            image: mysql:8.4
            environment:
              MYSQL_RANDOM_ROOT_PASSWORD: "yes"
              MYSQL_USER: app
              MYSQL_PASSWORD: ${DB_PASSWORD}
              MYSQL_DATABASE: app
        """);
    BackupJobs.Job job = plan.jobs().get(0);
    assertThat(script(job)).contains("--no-tablespaces --databases \"$MYSQL_DATABASE\"")
        .contains("\"$MYSQL_USER\" \"$password\"");
    merged(plan);
  }

  @Test
  void minioIsMirroredWithTheMcItsImageShips() throws IOException {
    BackupJobs.Plan plan = plan("""
        services:
          files:
            image: minio/minio:RELEASE.2024-06-13T22-53-53Z
            command: ["server", "/data", "--address", ":9100"]
            environment:
              MINIO_ROOT_USER: admin
              MINIO_ROOT_PASSWORD: ${DB_PASSWORD}
          old:
            image: minio/minio:RELEASE.2022-10-24T18-35-07Z
            environment:
              MINIO_ROOT_USER: admin
              MINIO_ROOT_PASSWORD: ${DB_PASSWORD}
          notexecutable:  # mc is in the image, but without its execute bit
            image: minio/minio:RELEASE.2023-07-21T21-12-44Z
            environment:
              MINIO_ROOT_USER: admin
              MINIO_ROOT_PASSWORD: ${DB_PASSWORD}
          first:
            image: quay.io/minio/minio:RELEASE.2023-08-04T17-40-21Z
            environment:
              MINIO_ROOT_USER: admin
              MINIO_ROOT_PASSWORD: ${DB_PASSWORD}
        """);
    assertThat(plan.jobs()).extracting(BackupJobs.Job::name).containsExactly("files-backup", "first-backup");
    assertThat(script(plan.jobs().get(0))).contains("http://files:9100").contains("mc mirror --quiet");
    assertThat(plan.skipped()).extracting(BackupJobs.Skipped::service).containsExactly("old", "notexecutable");
    assertThat(plan.skipped()).allSatisfy(s -> assertThat(s.reason()).contains("may lack the mc client")
        .contains("the first MinIO server image that runs mc"));
    merged(plan);
  }

  @Test
  void existingBackupsAndUnreachableDatabasesAreLeftAlone() throws IOException {
    BackupJobs.Plan plan = plan("""
        services:
          db:
            image: postgres:16
            environment: {POSTGRES_PASSWORD: "${DB_PASSWORD}"}
          db-dumper:
            image: prodrigestivill/postgres-backup-local:16
            depends_on: [db]
          hostdb:
            image: postgres:16
            network_mode: host
            environment: {POSTGRES_PASSWORD: "${DB_PASSWORD}"}
        """);
    assertThat(plan.jobs()).isEmpty();
    assertThat(plan.skipped()).extracting(BackupJobs.Skipped::service).containsExactly("db", "hostdb");
  }

  @Test
  void bareKeysAndEnvFilesAreSharedAsTheyAre() throws IOException {
    Files.writeString(dir.resolve("db.env"), "POSTGRES_PASSWORD=from-file\n");
    BackupJobs.Plan plan = plan("""
        services:
          db:
            image: postgres:16
            env_file: [./db.env]
            environment:
              POSTGRES_USER:
          other:
            image: mysql:8.4
            environment:
              - DB_PASSWORD
              - MYSQL_ROOT_PASSWORD=${DB_PASSWORD}
        """);
    assertThat(plan.skipped()).isEmpty();
    PatchMap db = plan.jobs().get(0).service();
    assertThat(db.get("env_file")).isEqualTo(List.of("./db.env"));
    assertThat(((PatchMap) db.get("environment")).has("POSTGRES_USER")).isTrue();
    assertThat(((PatchMap) db.get("environment")).get("POSTGRES_USER")).isNull();
    assertThat(plan.jobs().get(0).notes()).isEmpty();
    PatchMap other = plan.jobs().get(1).service();
    assertThat(((PatchMap) other.get("environment")).get("MYSQL_ROOT_PASSWORD")).isEqualTo(new Raw("${DB_PASSWORD}"));
    merged(plan);
  }

  @Test
  void anUnsetVariableIsReferencedAndWarnedAbout() throws IOException {
    BackupJobs.Plan plan = plan("""
        services:
          db:
            image: postgres:16
            environment:
              POSTGRES_PASSWORD: ${UNSET_PASSWORD:-fallback}
        """);
    BackupJobs.Job job = plan.jobs().get(0);
    assertThat(((PatchMap) job.service().get("environment")).get("POSTGRES_PASSWORD"))
        .isEqualTo(new Raw("${UNSET_PASSWORD}"));
    assertThat(job.notes()).singleElement().asString().contains("UNSET_PASSWORD is not set");
  }
}
