package dev.lashing.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lashing.model.Image;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceRange;
import dev.lashing.syntax.ImageReference;
import org.junit.jupiter.api.Test;

class DigestLockTest {
  private static final String A = "sha256:" + "a".repeat(64);
  private static final String B = "sha256:" + "b".repeat(64);
  private static final String C = "sha512:" + "c".repeat(128);

  private static Image image(String text) {
    return new Image(text, ImageReference.parse(text), Origin.at(SourceRange.synthetic("x")));
  }

  @Test
  void readsLinesInEachForm() {
    DigestLock lock = DigestLock.parse("images.lock", "# pins\n\nnginx:1.27: " + A + "\r\nredis " + B
        + "  # cache\nghcr.io/acme/api:2@" + C + "\n");
    assertThat(lock.size()).isEqualTo(3);
    assertThat(lock.digestOf(image("nginx:1.27"))).contains(A);
    assertThat(lock.digestOf(image("docker.io/library/nginx:1.27"))).contains(A);
    assertThat(lock.digestOf(image("redis:latest"))).contains(B);
    assertThat(lock.digestOf(image("redis"))).contains(B);
    assertThat(lock.digestOf(image("ghcr.io/acme/api:2"))).contains(C);
    assertThat(lock.digestOf(image("nginx:1.26"))).isEmpty();
  }

  @Test
  void readsAJsonObject() {
    DigestLock lock = DigestLock.parse("images.json", "{\"nginx:1.27\": \"" + A + "\", \"redis:7\": \"" + B + "\"}");
    assertThat(lock.digestOf(image("nginx:1.27"))).contains(A);
    assertThat(lock.digestOf(image("redis:7@sha256:" + "0".repeat(64)))).contains(B);
  }

  @Test
  void pinsKeepTheTagAndReplaceAnyDigest() {
    assertThat(DigestLock.pinned("nginx:1.27", A)).isEqualTo("nginx:1.27@" + A);
    assertThat(DigestLock.pinned("nginx:1.27@sha256:bad", A)).isEqualTo("nginx:1.27@" + A);
  }

  @Test
  void rejectsWhatIsNotAnImageAndADigest() {
    assertThatThrownBy(() -> DigestLock.parse("images.lock", "nginx:1.27\n"))
        .hasMessageContaining("images.lock:1: expected an image and its digest");
    assertThatThrownBy(() -> DigestLock.parse("images.lock", "nginx " + A + "\nnginx:latest " + B + "\n"))
        .hasMessageContaining("images.lock:2: nginx:latest has two different digests");
    assertThatThrownBy(() -> DigestLock.parse("images.lock", "NGINX " + A + "\n"))
        .hasMessageContaining("is not an image reference");
    assertThatThrownBy(() -> DigestLock.parse("i.json", "{\"nginx\": \"sha256:abc\"}"))
        .hasMessageContaining("not a sha256");
  }
}
