package dev.lashing.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.tree.MapNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
  @TempDir Path dir;

  private LoadResult load(String yaml, Map<String, String> env) throws IOException {
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, yaml);
    return ProjectLoader.load(LoadOptions.of(dir, env, file));
  }

  private static MapNode env(LoadResult r, String service) {
    return (MapNode) ((MapNode) ((MapNode) r.tree().get("services")).get(service)).get("environment");
  }

  @Test
  void templatesAreFoundInMapAndListForms() throws IOException {
    LoadResult r = load("""
        services:
          a:
            image: x
            environment:
              USER: ${DB_USER:-app}
              PASSWORD: 'literal'
          b:
            image: x
            environment:
              - "USER=${DB_USER:-app}"
              - PASSWORD=literal
              - BARE
        """, Map.of("DB_USER", "alice", "BARE", "from-env"));
    Templates t = new Templates(r.sources(), Map.of("DB_USER", "alice", "BARE", "from-env"));
    assertThat(t.templateOf(env(r, "a").get("USER"), "USER")).isEqualTo("${DB_USER:-app}");
    assertThat(t.templateOf(env(r, "a").get("PASSWORD"), "PASSWORD")).isNull();
    assertThat(t.isWrittenLiterally(env(r, "a").get("PASSWORD"), "PASSWORD")).isTrue();
    assertThat(t.templateOf(env(r, "b").get("USER"), "USER")).isEqualTo("${DB_USER:-app}");
    assertThat(t.isWrittenLiterally(env(r, "b").get("PASSWORD"), "PASSWORD")).isTrue();
    assertThat(t.writtenText((dev.lashing.tree.ScalarNode) env(r, "b").get("BARE"), "BARE")).isEqualTo("BARE");
  }

  @Test
  void aTemplateIsUsedOnlyWhenItGivesTheValue() throws IOException {
    LoadResult r = load("""
        services:
          a:
            image: x
            environment:
              ESCAPED: $$HOME
        """, Map.of());
    Templates t = new Templates(r.sources(), Map.of());
    assertThat(t.templateOf(env(r, "a").get("ESCAPED"))).isNull();
    assertThat(t.value(env(r, "a").get("ESCAPED"))).isEqualTo("$HOME");
  }

  @Test
  void defaultsAreTakenOutOfSecretTemplates() {
    assertThat(Templates.withoutDefaults("${PASSWORD:-secret}")).isEqualTo("${PASSWORD}");
    assertThat(Templates.withoutDefaults("${A-x}:${B:?required}/${C:-${D:-y}}")).isEqualTo("${A}:${B:?required}/${C}");
    assertThat(Templates.withoutDefaults("$PLAIN and $$ESCAPED")).isEqualTo("$PLAIN and $$ESCAPED");
  }
}
