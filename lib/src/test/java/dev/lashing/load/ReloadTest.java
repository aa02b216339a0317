package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project loaded again after a change parses only the files whose text changed, and loads as a first load; its
 * env files are read again, and parsed again only when one of them changed.
 */
class ReloadTest {
  @TempDir Path dir;

  @Test
  void reloadingParsesOnlyTheChangedFilesAndGivesWhatAFirstLoadGives() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), """
        include: [included.yaml]
        services:
          web:
            extends: {file: base.yaml, service: base}
            image: nginx:1.27
            ports: ["8080:80"]
        """);
    Files.writeString(dir.resolve("compose.override.yaml"), "services:\n  web:\n    restart: always\n");
    Files.writeString(dir.resolve("base.yaml"), "services:\n  base:\n    environment: [A=1]\n");
    Files.writeString(dir.resolve("included.yaml"), "services:\n  db:\n    image: postgres:17\n");
    LoadOptions options = LoadOptions.of(dir, Map.of());
    LoadResult first = ProjectLoader.load(options);
    Map<Path, String> changed = Map.of(dir.resolve("compose.override.yaml").toAbsolutePath().normalize(),
        "services:\n  web:\n    restart: unless-stopped\n    read_only: true\n");

    LoadResult again = ProjectLoader.load(options, changed, first);

    LoadResult fresh = ProjectLoader.load(options, changed);
    assertThat(again.tree()).isEqualTo(fresh.tree());
    assertThat(again.project()).isEqualTo(fresh.project());
    assertThat(again.warnings()).isEqualTo(fresh.warnings());
    assertThat(again.variables()).isEqualTo(fresh.variables());
    assertThat(again.composeFiles()).isEqualTo(fresh.composeFiles());
    assertThat(again.parsed().keySet()).isEqualTo(first.parsed().keySet())
        .containsExactlyInAnyOrder("compose.yaml", "compose.override.yaml", "base.yaml", "included.yaml");
    for (String name : again.parsed().keySet()) {
      if (name.equals("compose.override.yaml")) {
        assertThat(again.parsed().get(name)).isNotSameAs(first.parsed().get(name));
        assertThat(again.sources().get(name).text()).contains("unless-stopped");
      } else {
        assertThat(again.parsed().get(name)).as(name).isSameAs(first.parsed().get(name));
        assertThat(again.sources().get(name)).as(name).isSameAs(first.sources().get(name));
      }
    }
  }

  @Test
  void reloadingTakesTheEnvironmentAsItIsWhileTheEnvFilesReadTheSame() throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx:${TAG}\n");
    Files.writeString(dir.resolve("base.env"), "TAG=1.27\nREGISTRY=example.org\n");
    Files.writeString(dir.resolve("local.env"), "TAG=1.28\n");
    LoadOptions options = new LoadOptions(List.of(), dir, null, List.of(Path.of("base.env"), Path.of("local.env")),
        Set.of(), null, Map.of());
    LoadResult first = ProjectLoader.load(options);

    LoadResult again = ProjectLoader.load(options, Map.of(), first);
    assertThat(again.projectEnvironment()).isSameAs(first.projectEnvironment());
    assertThat(again.environment()).containsEntry("TAG", "1.28").containsEntry("REGISTRY", "example.org");

    Files.writeString(dir.resolve("local.env"), "TAG=1.29\n");
    LoadResult changed = ProjectLoader.load(options, Map.of(), again);
    assertThat(changed.projectEnvironment()).isNotSameAs(first.projectEnvironment());
    assertThat(changed.environment()).isEqualTo(ProjectLoader.load(options).environment())
        .containsEntry("TAG", "1.29").containsEntry("REGISTRY", "example.org");
    assertThat(changed.project().services().get("web").image().text()).isEqualTo("nginx:1.29");
  }
}
