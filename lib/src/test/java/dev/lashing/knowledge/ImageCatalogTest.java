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
    assertThat(find("postgres:16").orElseThrow().healthcheck().test(new KnownHealthcheck.Subject(env, null, "16")))
        .containsExactly("CMD", "pg_isready", "-h", "localhost", "-U", "plane");
    assertThat(find("bitnami/postgresql:16").orElseThrow().healthcheck()
        .test(new KnownHealthcheck.Subject(Map.of("POSTGRES_USER", "")::get, null, null)))
        .endsWith("-U", "postgres");
    KnownHealthcheck unprivileged = find("nginxinc/nginx-unprivileged:1.27").orElseThrow().healthcheck();
    assertThat(unprivileged.test(new KnownHealthcheck.Subject(n -> null, 8081, "1.27-alpine")))
        .isEqualTo(List.of("CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8081/"));
    assertThat(unprivileged.test(new KnownHealthcheck.Subject(n -> null, null, "1.27")))
        .isEqualTo(List.of("CMD", "curl", "-fs", "-o", "/dev/null", "http://127.0.0.1:8080/"));
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

  private static java.util.Optional<KnownImage> find(String image) {
    return ImageCatalog.find(ImageReference.parse(image));
  }
}
