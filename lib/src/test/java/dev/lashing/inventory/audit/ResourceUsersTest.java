package dev.lashing.inventory.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceUsersTest {
  private static final String ID = "sha256:" + "0123456789abcdef".repeat(4);
  private static final String DIGEST = "sha256:" + "fedcba9876543210".repeat(4);

  private static HostState.Container container(String name, String image, String... mounts) {
    return new HostState.Container(name + "-id", name, image, "running", List.of(mounts), null);
  }

  private static HostState.Image image(String repository, String tag, String digest) {
    return new HostState.Image(ID, repository, tag, digest, null, null);
  }

  private final ResourceUsers users = new ResourceUsers(List.of(
      container("by-short-id", "0123456789ab"),
      container("by-full-id", ID),
      container("by-other-id", "sha256:" + "f".repeat(64)),
      container("implicit-latest", "postgres"),
      container("tagged", "docker.io/library/postgres:16.4"),
      container("other-tag", "postgres:15"),
      container("by-digest", "postgres@" + DIGEST),
      container("unreadable", "Not A Reference:x"),
      container("mounts", "busybox", "pgdata", "/srv/data", "plane_pgd\u2026"),
      container("cut-with-dots", "busybox", "odoo_...")));

  @Test
  void anImageIsUsedByIdByTagByDigestAndAsWrittenInContainerOrder() {
    assertThat(users.ofImage(image("postgres", "16.4", null), "postgres"))
        .containsExactly("by-short-id", "by-full-id", "tagged");
    assertThat(users.ofImage(image("docker.io/library/postgres", "latest", null), "postgres"))
        .containsExactly("by-short-id", "by-full-id", "implicit-latest");
    assertThat(users.ofImage(image("postgres", "<none>", DIGEST), "postgres"))
        .containsExactly("by-short-id", "by-full-id", "by-digest");
    HostState.Image unreadable = new HostState.Image("sha256:" + "9".repeat(64), "Not A Reference", "x", null, null,
        null);
    assertThat(users.ofImage(unreadable, "Not A Reference"))
        .as("a reference that cannot be read matches the image's name as Docker shows it")
        .containsExactly("unreadable");
  }

  @Test
  void aDanglingImageIsUsedOnlyByIdAndAnImageIdIsMatchedAsAPrefixEitherWay() {
    assertThat(users.ofImage(image("<none>", "<none>", null), "<none>"))
        .containsExactly("by-short-id", "by-full-id");
    HostState.Image shortId = new HostState.Image("0123456789abcdef", "<none>", "<none>", null, null, null);
    assertThat(users.ofImage(shortId, "<none>")).containsExactly("by-short-id", "by-full-id");
  }

  @Test
  void aVolumeIsMountedInFullOrByTheStartDockerCutShort() {
    assertThat(users.ofVolume("pgdata")).containsExactly("mounts");
    assertThat(users.ofVolume("plane_pgdata")).containsExactly("mounts");
    assertThat(users.ofVolume("odoo_odoo-data")).containsExactly("cut-with-dots");
    assertThat(users.ofVolume("data")).isEmpty();
  }
}
