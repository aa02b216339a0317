package dev.lashing.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
  private static final String SHA256 = "sha256:" + "a1".repeat(32);

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
    // input | domain | path | tag | familiar name | effective tag
    "redis                      | docker.io  | library/redis | -     | redis             | latest",
    "redis:7                    | docker.io  | library/redis | 7     | redis             | 7",
    "myorg/app:1.0              | docker.io  | myorg/app     | 1.0   | myorg/app         | 1.0",
    "docker.io/redis            | docker.io  | library/redis | -     | redis             | latest",
    "docker.io/library/redis    | docker.io  | library/redis | -     | redis             | latest",
    "index.docker.io/redis:a_b  | docker.io  | library/redis | a_b   | redis             | a_b",
    "index.docker.io/org/app    | docker.io  | org/app       | -     | org/app           | latest",
    "library/redis              | docker.io  | library/redis | -     | redis             | latest",
    "docker.io/library/a/b      | docker.io  | library/a/b   | -     | library/a/b       | latest",
    "ghcr.io/x/y                | ghcr.io    | x/y           | -     | ghcr.io/x/y       | latest",
    "localhost/foo              | localhost  | foo           | -     | localhost/foo     | latest",
    "localhost:5000/foo/bar:v2  | localhost:5000 | foo/bar   | v2    | localhost:5000/foo/bar | v2",
    "localhost                  | docker.io  | library/localhost | - | localhost         | latest",
    "example.com:5000/foo       | example.com:5000 | foo     | -     | example.com:5000/foo | latest",
    "[::1]:5000/foo:v1          | [::1]:5000 | foo           | v1    | [::1]:5000/foo    | v1",
    "127.0.0.1:5000/foo         | 127.0.0.1:5000 | foo       | -     | 127.0.0.1:5000/foo | latest",
    "Example.com/foo            | Example.com | foo          | -     | Example.com/foo   | latest",
    "UPPER/foo                  | UPPER      | foo           | -     | UPPER/foo         | latest",
    "foo_bar.com:8080           | docker.io  | library/foo_bar.com | 8080 | foo_bar.com | 8080",
    "foo.bar_baz/x              | ''         | foo.bar_baz/x | -     | foo.bar_baz/x     | latest",
    "a__b/c-d--e.f:V1.0-rc_1    | docker.io  | a__b/c-d--e.f | V1.0-rc_1 | a__b/c-d--e.f | V1.0-rc_1",
  })
  void normalizesLikeDocker(
      String input, String domain, String path, String tag, String familiar, String effectiveTag) {
    ImageReference ref = ImageReference.parse(input);

    assertThat(ref).isEqualTo(new ImageReference(domain, path, tag, null));
    assertThat(ref.familiarName()).isEqualTo(familiar);
    assertThat(ref.repository()).isEqualTo(domain.isEmpty() ? path : domain + "/" + path);
    assertThat(ref.effectiveTag()).isEqualTo(effectiveTag);
  }

  @Test
  void aDigestIsAnAlgorithmAndAtLeast32HexDigits() {
    assertThat(ImageReference.isDigest("sha256:" + "54c5b3dd".repeat(8))).isTrue();
    assertThat(ImageReference.isDigest("sha512:" + "0f".repeat(64))).isTrue();
    assertThat(ImageReference.isDigest("sha256:6379")).as("a host and port").isFalse();
    assertThat(ImageReference.isDigest("db:5432")).isFalse();
    assertThat(ImageReference.isDigest("sha256:" + "54c5b3dd".repeat(8) + "/x")).isFalse();
  }

  @Test
  void keepsTagAndDigestTogether() {
    ImageReference ref = ImageReference.parse("busybox:1.36@" + SHA256);

    assertThat(ref).isEqualTo(new ImageReference("docker.io", "library/busybox", "1.36", SHA256));
    assertThat(ref.effectiveTag()).isEqualTo("1.36");
    assertThat(ref.isDigestPinned()).isTrue();
  }

  @Test
  void digestAloneHasNoEffectiveTag() {
    ImageReference ref = ImageReference.parse("ghcr.io/org/app@" + SHA256);

    assertThat(ref.tag()).isNull();
    assertThat(ref.digest()).isEqualTo(SHA256);
    assertThat(ref.effectiveTag()).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "redis                                  | false",
    "redis:7                                | false",
    "redis:sha256-abc                       | false",
    "redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | true",
  })
  void digestPinningNeedsAnExactLowercaseDigest(String input, boolean pinned) {
    assertThat(ImageReference.parse(input).isDigestPinned()).isEqualTo(pinned);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "redis@sha256:ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789 | invalid checksum digest format",
    "redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0 | invalid checksum digest length",
    "redis@sha256:0123456789abcdef0123456789abcdef | invalid checksum digest length",
    "redis@md5:0123456789abcdef0123456789abcdef | unsupported digest algorithm",
    "redis@sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef | invalid checksum digest length",
  })
  void rejectsDigestsTheEngineRefusesInItsWords(String input, String message) {
    assertThatThrownBy(() -> ImageReference.parse(input)).isInstanceOf(SyntaxException.class).hasMessage(message);
    assertThat(ImageReference.problem(input))
        .isEqualTo(new ImageReference.Problem(message, input.indexOf('@') + 1, input.length()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "Nginx:Latest          | Nginx",
    "docker.io/Foo:1       | Foo",
    "ghcr.io/Org/app:1     | Org/app",
    "myorg/App             | myorg/App",
    "nginx:                | :",
    "nginx@                | @",
    "foo//bar              | foo//bar",
    "gitea/gitea:@version@ | gitea/gitea:@version@",
  })
  void aProblemSaysWhichPartOfTheTextIsAtFault(String input, String part) {
    ImageReference.Problem problem = ImageReference.problem(input);
    assertThat(input.substring(problem.start(), problem.end())).isEqualTo(part);
  }

  @Test
  void aSpaceIsWhereTheFormatBreaks() {
    assertThat(ImageReference.problem("nginx:1.2 3")).isEqualTo(new ImageReference.Problem(
        "invalid reference format", 9, 10));
  }

  @Test
  void aValidReferenceHasNoProblem() {
    assertThat(ImageReference.problem("localhost:5000/app:1")).isNull();
    assertThat(ImageReference.problem("nginx:1.27@sha256:" + "0f".repeat(32))).isNull();
  }

  @Test
  void sha384AndSha512DigestsPin() {
    assertThat(ImageReference.parse("redis@sha512:" + "0f".repeat(64)).isDigestPinned()).isTrue();
    assertThat(ImageReference.parse("redis@sha384:" + "0f".repeat(48)).isDigestPinned()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "''             | invalid reference format",
    "Redis          | invalid reference format: repository name (library/Redis) must be lowercase",
    "myorg/App      | invalid reference format: repository name (myorg/App) must be lowercase",
    "docker.io/Foo  | invalid reference format: repository name (library/Foo) must be lowercase",
    "FOO_BAR/x      | repository name must be lowercase",
    "redis:         | invalid reference format",
    "redis:-tag     | invalid reference format",
    "redis:a b      | invalid reference format",
    "foo//bar       | invalid reference format",
    "foo/           | invalid reference format",
    "-foo           | invalid reference format",
    "foo-/bar       | invalid reference format",
    "redis@sha256:abc | invalid reference format",
    "redis@sha256:0123456789abcdef0123456789abcde | invalid reference format",
    "redis@:0123456789abcdef0123456789abcdef | invalid reference format",
    "example.com:port/foo | invalid reference format",
  })
  void rejectsWhatDockerRejects(String input, String message) {
    assertThatThrownBy(() -> ImageReference.parse(input))
        .isInstanceOf(SyntaxException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsBareImageIds() {
    String id = "0123456789abcdef".repeat(4);
    assertThatThrownBy(() -> ImageReference.parse(id))
        .isInstanceOf(SyntaxException.class)
        .hasMessage("invalid repository name (" + id + "), cannot specify 64-byte hexadecimal strings");
  }

  @Test
  void longInputFailsCleanly() {
    assertThatThrownBy(() -> ImageReference.parse("a-".repeat(50_000) + "a"))
        .hasMessage("repository name must not be more than 255 characters");
    assertThatThrownBy(() -> ImageReference.parse("a.".repeat(50_000) + "/x"))
        .hasMessage("invalid reference format");
    assertThat(ImageReference.problem("x" + ":".repeat(100_000)).start()).isZero();
    assertThatThrownBy(() -> ImageReference.parse("x.io/" + "a".repeat(200) + "@sha256:" + "f".repeat(100_000)))
        .hasMessage("invalid checksum digest length");
  }

  @Test
  void limitsTagAndPathLengths() {
    assertThat(ImageReference.parse("redis:" + "t".repeat(128)).tag()).hasSize(128);
    assertThatThrownBy(() -> ImageReference.parse("redis:" + "t".repeat(129)))
        .hasMessage("invalid reference format");
    assertThat(ImageReference.parse("org/" + "p".repeat(251)).path()).hasSize(255);
    assertThatThrownBy(() -> ImageReference.parse("org/" + "p".repeat(252)))
        .isInstanceOf(SyntaxException.class)
        .hasMessage("repository name must not be more than 255 characters");
  }
}
