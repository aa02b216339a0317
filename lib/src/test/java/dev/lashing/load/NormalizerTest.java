package dev.lashing.load;

import static dev.lashing.load.TreeFixtures.at;
import static dev.lashing.load.TreeFixtures.canonical;
import static dev.lashing.load.TreeFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Diagnostic;
import dev.lashing.tree.MapNode;
import dev.lashing.yaml.SourceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizerTest {
  private final List<Diagnostic> problems = new ArrayList<>();

  private MapNode normalize(MapNode model, Map<String, String> environment) {
    return new Normalizer("app", environment, Set.of(), problems, path -> {
      throw new AssertionError("no env file to read: " + path);
    }, Path::toString, ExpansionBudget.inOrder(), () -> 0).normalize(model);
  }

  /** An env file named by many services is read and parsed once, and its variables go into each environment. */
  @Test
  void anEnvFileNamedByManyServicesIsReadOnce(@TempDir Path dir) throws IOException {
    Path env = dir.resolve("app.env");
    Files.writeString(env, "A=1\nB=${NAME}\n");
    StringBuilder yaml = new StringBuilder("services:\n");
    for (int i = 0; i < 3; i++) {
      yaml.append("  s").append(i).append(":\n    image: nginx\n    env_file: ").append(env).append('\n');
    }
    List<Path> read = new ArrayList<>();
    MapNode normalized = new Normalizer("app", Map.of("NAME", "x"), Set.of(), problems, path -> {
      read.add(path);
      return SourceFiles.read(path, path.getFileName().toString());
    }, Path::toString, ExpansionBudget.inOrder(), () -> 0).normalize(canonical(yaml.toString()));

    assertThat(read).containsExactly(env);
    for (int i = 0; i < 3; i++) {
      assertThat(text(normalized, "services.s" + i + ".environment.A")).isEqualTo("\"1\"");
      assertThat(text(normalized, "services.s" + i + ".environment.B")).isEqualTo("x");
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void anEnvironmentWithNothingToResolveIsKeptAsItIsWithItsService() {
    MapNode model = canonical("services:\n  web:\n    image: nginx\n    networks: [front]\n"
        + "    environment: {A: '1', B: two}\nnetworks:\n  front: {}\n");

    MapNode normalized = normalize(model, Map.of("A", "from the shell"));

    assertThat(at(normalized, "services.web")).isSameAs(at(model, "services.web"));
    assertThat(text(normalized, "services.web.environment.A")).isEqualTo("\"1\"");
    assertThat(problems).isEmpty();
  }

  @Test
  void aBareKeyTakesItsValueFromTheProjectEnvironment() {
    MapNode model = canonical("services:\n  web:\n    image: nginx\n    networks: [front]\n"
        + "    environment: [A, B=two, C]\nnetworks:\n  front: {}\n");

    MapNode normalized = normalize(model, Map.of("A", "from the shell"));

    assertThat(at(normalized, "services.web")).isNotSameAs(at(model, "services.web"));
    assertThat(text(normalized, "services.web.environment.A")).isEqualTo("from the shell");
    assertThat(text(normalized, "services.web.environment.B")).isEqualTo("two");
    assertThat(((MapNode) at(normalized, "services.web.environment")).keys()).containsExactly("A", "B", "C");
    assertThat(problems).isEmpty();
  }

  @Test
  void aBuildArgumentWithoutValueTakesTheProjectsOrIsLeftOut() {
    MapNode model = canonical("services:\n  web:\n    build:\n      context: .\n"
        + "      args: {FOO: null, ZOT: null, KEPT: written}\n");

    MapNode normalized = normalize(model, Map.of("FOO", "BAR"));

    assertThat(text(normalized, "services.web.build.args")).isEqualTo("{FOO: BAR, KEPT: written}");
  }

  @Test
  void aPreStartHookWithoutImageRunsTheServicesImage() {
    MapNode model = canonical("""
        services:
          app:
            image: alpine
            pre_start:
              - command: [migrate]
              - {image: busybox, command: [echo]}
          builder:
            build: .
            pre_start:
              - command: [init]
        """);

    MapNode normalized = normalize(model, Map.of());

    assertThat(text(normalized, "services.app.pre_start"))
        .isEqualTo("[{command: [migrate], image: alpine}, {image: busybox, command: [echo]}]");
    assertThat(text(normalized, "services.builder.pre_start")).isEqualTo("[{command: [init]}]");
  }

  @Test
  void pullPolicyIfNotPresentIsMissingAndMountTargetsAreCleanPaths() {
    MapNode model = canonical("""
        services:
          web:
            image: nginx
            pull_policy: if_not_present
            volumes:
              - {type: volume, source: v, target: /var//lib/../log/}
              - {type: bind, source: /a, target: /a}
        """);

    MapNode normalized = normalize(model, Map.of());

    assertThat(text(normalized, "services.web.pull_policy")).isEqualTo("missing");
    assertThat(text(normalized, "services.web.volumes.0.target")).isEqualTo("/var/log");
    assertThat(at(normalized, "services.web.volumes.1")).isSameAs(at(model, "services.web.volumes.1"));
  }

  @ParameterizedTest
  @CsvSource({"/data/, /data", "'', .", "a/./b/../c, a/c", "../x, ../x", "/.., /", "//a//b, /a/b",
      "c:\\data, c:\\data"})
  void cleanPathIsGosPathClean(String path, String clean) {
    assertThat(Normalizer.cleanPath(path)).isEqualTo(clean);
  }
}
