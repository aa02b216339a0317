package dev.lashing.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.syntax.ImageReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ImageCatalogTest {

  @Test
  void eachRepositoryIsInExactlyOneEntry() {
    Map<String, Integer> entries = new HashMap<>();
    for (KnownImage image : ImageCatalog.all()) {
      image.repositories().forEach(r -> entries.merge(r, 1, Integer::sum));
    }
    assertThat(entries).isNotEmpty().allSatisfy((repository, count) -> assertThat(count).as(repository).isOne());
  }

  @Test
  void eachNameTellsOneKind() {
    Map<String, ImageKind> kinds = new HashMap<>();
    Map<String, Integer> kindOnlyEntries = new HashMap<>();
    for (KnownImage image : ImageCatalog.all()) {
      for (String name : ImageCatalog.kindNames(image)) {
        ImageKind earlier = kinds.putIfAbsent(name, image.kind());
        assertThat(earlier).as(name).isIn(null, image.kind());
      }
      image.kindNames().forEach(n -> kindOnlyEntries.merge(n, 1, Integer::sum));
    }
    for (KnownImage image : ImageCatalog.all()) {
      if (!image.repositories().isEmpty()) {
        // a name known by kind alone is never also the name of an image known in full
        assertThat(ImageCatalog.kindNames(image)).doesNotContainAnyElementsOf(kindOnlyEntries.keySet());
        assertThat(image.kindNames()).isEmpty();
      }
    }
    assertThat(kindOnlyEntries).allSatisfy((name, count) -> assertThat(count).as(name).isOne());
  }

  @Test
  void findsAnImageWhateverTheRegistryAndTag() {
    assertThat(find("postgres:16").map(KnownImage::name)).contains("postgres");
    assertThat(find("docker.io/library/postgres@sha256:" + "a".repeat(64)).map(KnownImage::name)).contains("postgres");
    assertThat(find("pgvector/pgvector:pg16").map(KnownImage::backup)).contains(BackupMethod.PG_DUMPALL);
    assertThat(find("quay.io/minio/minio:RELEASE.2024-12-18T13-15-44Z").map(KnownImage::backup))
        .contains(BackupMethod.MC_MIRROR);
    assertThat(find("docker.elastic.co/elasticsearch/elasticsearch:8.15.0").map(KnownImage::name))
        .contains("elasticsearch");
    assertThat(find("ghcr.io/acme/app:1.0")).isEmpty();
    assertThat(find("acme/postgres:16")).isEmpty();
  }

  /** An official image is one Docker Hub has under library/: a name a project's build cannot claim. */
  @Test
  void findsOfficialImagesOnlyOnDockerHubUnderLibrary() {
    for (String official : List.of("nginx:1.25", "postgres", "docker.io/library/redis:7", "docker.io/mariadb:11",
        "index.docker.io/library/rabbitmq", "elasticsearch@sha256:" + "b".repeat(64))) {
      assertThat(ImageCatalog.findOfficial(ImageReference.parse(official))).as(official).isPresent();
    }
    for (String other : List.of("bitnami/redis:7", "registry.example.com/nginx:1.25", "ghcr.io/library/nginx",
        "postgis/postgis:16", "myapp:dev", "traefik:v3", "localhost:5000/nginx")) {
      assertThat(ImageCatalog.findOfficial(ImageReference.parse(other))).as(other).isEmpty();
    }
  }

  @Test
  void tellsTheKindByTheLastComponentOrTheWholePath() {
    assertThat(ImageCatalog.kindOf(ImageReference.parse("bitnami/redis:7"))).isEqualTo(ImageKind.CACHE);
    assertThat(ImageCatalog.kindOf(ImageReference.parse("ghcr.io/acme/postgres:16"))).isEqualTo(ImageKind.DATABASE);
    assertThat(ImageCatalog.kindOf(ImageReference.parse("mcr.microsoft.com/mssql/server:2022-latest")))
        .isEqualTo(ImageKind.DATABASE);
    assertThat(ImageCatalog.kindOf(ImageReference.parse("acme/server:1"))).isEqualTo(ImageKind.OTHER);
    assertThat(ImageCatalog.kindOf(ImageReference.parse("traefik:v3.1"))).isEqualTo(ImageKind.GATEWAY);
    assertThat(ImageCatalog.kindOf(ImageReference.parse("odoo:18"))).isEqualTo(ImageKind.OTHER);
  }

  @Test
  void healthchecksReadTheServiceTheyCheck() {
    Function<String, String> env = Map.of("POSTGRES_USER", "plane")::get;
    assertThat(test("postgres:16", env, null)).containsExactly("CMD", "pg_isready", "-h", "localhost", "-U", "plane");
    assertThat(test("bitnami/postgresql:16", Map.of("POSTGRES_USER", "")::get, null)).endsWith("-U", "postgres");
    assertThat(test("nginxinc/nginx-unprivileged:1.27-alpine", n -> null, 8081))
        .isEqualTo(List.of("CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8081/"));
    assertThat(test("nginxinc/nginx-unprivileged:1.27", n -> null, null))
        .isEqualTo(List.of("CMD", "curl", "-fs", "-o", "/dev/null", "http://127.0.0.1:8080/"));
  }

  /** mc ready runs only in the MinIO releases that ship mc; for any other, no check, and why. */
  @Test
  void minioIsCheckedWithMcOnlyWhereTheImageShipsIt() {
    List<String> mcReady = List.of("CMD", "mc", "ready", "local");
    for (String image : List.of("minio/minio", "minio/minio:latest", "quay.io/minio/minio:RELEASE.2023-08-04T17-40-21Z",
        "minio/minio:RELEASE.2024-12-18T13-15-44Z", "minio/minio:RELEASE.2025-04-22T22-12-26Z-cpuv1",
        "bitnami/minio:2024.1.31-debian-11-r0", "bitnami/minio")) {
      assertThat(test(image, n -> null, null)).as(image).isEqualTo(mcReady);
    }
    // mc shipped gzipped (December 2022), then not executable (July 2023)
    for (String image : List.of("minio/minio:RELEASE.2021-06-17T00-10-46Z", "minio/minio:RELEASE.2023-01-31T02-24-19Z",
        "minio/minio:RELEASE.2023-07-21T21-12-44Z", "minio/minio@sha256:" + "c".repeat(64), "minio/minio:2023-01-31",
        "bitnami/minio:2021.6.17-debian-10-r7")) {
      assertThat(unavailable(image)).as(image).contains("mc");
    }
    assertThat(unavailable("minio/minio:RELEASE.2021-06-17T00-10-46Z"))
        .isEqualTo("mc ready needs mc, and release RELEASE.2021-06-17T00-10-46Z predates"
            + " RELEASE.2023-08-04T17-40-21Z, the first MinIO server image that runs mc");
    // a patch's backup job asks the same question
    assertThat(MinioReleases.withoutMc("RELEASE.2023-07-21T21-12-44Z")).isNotNull();
    assertThat(MinioReleases.withoutMc("RELEASE.2023-08-04T17-40-21Z")).isNull();
  }

  /** The official image ships mongosh from 5.0, Bitnami's from 6.0; before, only the legacy mongo shell. */
  @Test
  void mongoIsPingedWithTheShellItsTagShips() {
    List<String> mongosh = List.of("CMD", "mongosh", "--quiet", "--eval", "db.adminCommand('ping')");
    List<String> legacy = List.of("CMD", "mongo", "--quiet", "--eval", "db.adminCommand('ping')");
    for (String image : List.of("mongo:4.4", "mongo:4.4.29-focal", "mongo:4", "mongo:3.6", "bitnami/mongodb:5.0",
        "bitnami/mongodb:4.4.15-debian-10-r8")) {
      assertThat(test(image, n -> null, null)).as(image).isEqualTo(legacy);
    }
    for (String image : List.of("mongo:5.0", "mongo:6", "mongo:7.0.12-jammy", "mongo:8.0", "mongo", "mongo:latest",
        "mongo:jammy", "docker.io/library/mongo:v6.0", "bitnami/mongodb:6.0", "bitnami/mongodb:latest")) {
      assertThat(test(image, n -> null, null)).as(image).isEqualTo(mongosh);
    }
    assertThat(unavailable("mongo@sha256:" + "d".repeat(64))).contains("digest alone", "mongosh from 5.0");
    assertThat(unavailable("mongo:windowsservercore-1809")).contains("'windowsservercore-1809'");
    assertThat(unavailable("bitnami/mongodb@sha256:" + "e".repeat(64))).contains("mongosh from 6.0");
  }

  /**
   * The stock nginx image starts as root, listens on 80 and writes /var/cache/nginx and /var/run; its unprivileged
   * build needs nothing but /tmp.
   */
  @Test
  void nginxRunsHardenedWithWhatItsImageNeeds() {
    KnownImage.Runtime nginx = find("nginx:1.27").orElseThrow().runtime();
    assertThat(nginx.user()).isNull();
    assertThat(nginx.capAddFor(false)).containsExactly("CHOWN", "NET_BIND_SERVICE", "SETGID", "SETUID");
    assertThat(nginx.capAddFor(true)).isEmpty();
    assertThat(nginx.tmpfs()).containsExactly("/tmp", "/var/cache/nginx", "/var/run");
    assertThat(nginx.port()).isEqualTo(80);
    assertThat(nginx.capAdd()).allSatisfy(c -> assertThat(Capabilities.risk(c)).as(c).isEmpty());
    KnownImage.Runtime unprivileged = find("nginxinc/nginx-unprivileged:1.27-alpine").orElseThrow().runtime();
    assertThat(unprivileged.user()).isEqualTo("nginx");
    assertThat(unprivileged.capAddFor(false)).isEmpty();
    assertThat(unprivileged.tmpfs()).containsExactly("/tmp");
    assertThat(unprivileged.port()).isEqualTo(8080);
  }

  @Test
  void movingTagsAndDangerousCapabilities() {
    assertThat(MovingTags.movement("stable-alpine3.20")).isEqualTo("follows the stable channel");
    assertThat(MovingTags.movement("alpine")).isEqualTo("names no version");
    assertThat(MovingTags.movement("16.4-bookworm")).isNull();
    assertThat(Capabilities.risk("cap_sys_admin")).isPresent();
    assertThat(Capabilities.risk("NET_BIND_SERVICE")).isEmpty();
    assertThat(GatewayNames.marksGateway("Reverse-Proxy")).isTrue();
    assertThat(GatewayNames.marksGateway("proxyless")).isFalse();
  }

  /** The check the catalog writes for an image, as a service with this environment and port runs it. */
  private static List<String> test(String image, Function<String, String> environment, Integer port) {
    KnownHealthcheck.Test test = choose(image, environment, port);
    assertThat(test.unavailable()).as(image).isNull();
    return test.command();
  }

  private static String unavailable(String image) {
    KnownHealthcheck.Test test = choose(image, n -> null, null);
    assertThat(test.command()).as(image).isNull();
    return test.unavailable();
  }

  private static KnownHealthcheck.Test choose(String image, Function<String, String> environment, Integer port) {
    ImageReference reference = ImageReference.parse(image);
    return ImageCatalog.find(reference).orElseThrow().healthcheck()
        .test(new KnownHealthcheck.Subject(environment, port, reference.effectiveTag()));
  }

  private static java.util.Optional<KnownImage> find(String image) {
    return ImageCatalog.find(ImageReference.parse(image));
  }
}
