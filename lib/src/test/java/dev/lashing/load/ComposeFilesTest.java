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

/** Which files a project loaded without -f has: as Compose finds them. */
class ComposeFilesTest {
  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private List<Path> discover(Map<String, String> environment, Path projectDirectory, Path... envFiles) {
    return ComposeFiles.found(new LoadOptions(List.of(), dir, projectDirectory, List.of(envFiles), Set.of(), null,
        environment)).files();
  }

  @Test
  void theDefaultNamesInTheWorkingDirectoryWithTheirOverride() throws IOException {
    write("compose.yaml", "services: {}\n");
    write("compose.override.yaml", "services: {}\n");
    write("docker-compose.yml", "services: {}\n");
    assertThat(discover(Map.of(), null)).containsExactly(dir.resolve("compose.yaml"),
        dir.resolve("compose.override.yaml"));
  }

  /** Compose reads the working directory's .env before it looks for its files (docker compose's project options). */
  @Test
  void composeFileMayBeSetInTheDotEnvFile() throws IOException {
    write("compose.yaml", "services: {}\n");
    write(".env", "TAG=1\nCOMPOSE_FILE=base.yml:prod.yml\n");
    assertThat(discover(Map.of(), null)).containsExactly(dir.resolve("base.yml"), dir.resolve("prod.yml"));
    assertThat(discover(Map.of("COMPOSE_FILE", "compose.yaml"), null)).as("the process environment wins")
        .containsExactly(dir.resolve("compose.yaml"));
    write(".env", "COMPOSE_PATH_SEPARATOR=;\nCOMPOSE_FILE=base.yml;prod.yml\n");
    assertThat(discover(Map.of(), null)).containsExactly(dir.resolve("base.yml"), dir.resolve("prod.yml"));
    assertThat(discover(Map.of("COMPOSE_DISABLE_ENV_FILE", "true"), null)).as("unless .env is turned off")
        .containsExactly(dir.resolve("compose.yaml"));
  }

  @Test
  void theEnvFilesGivenReplaceTheDotEnvFile() throws IOException {
    write("compose.yaml", "services: {}\n");
    write(".env", "COMPOSE_FILE=base.yml\n");
    write("prod.env", "COMPOSE_FILE=prod.yml\n");
    write("plain.env", "TAG=1\n");
    assertThat(discover(Map.of(), null, Path.of("prod.env"))).containsExactly(dir.resolve("prod.yml"));
    assertThat(discover(Map.of(), null, Path.of("plain.env"))).containsExactly(dir.resolve("compose.yaml"));
  }

  @Test
  void theProjectDirectoryGivenHoldsTheDotEnvFile() throws IOException {
    write("compose.yaml", "services: {}\n");
    write("deploy/.env", "COMPOSE_FILE=deploy/stack.yml\n");
    assertThat(discover(Map.of(), Path.of("deploy"))).containsExactly(dir.resolve("deploy/stack.yml"));
  }

  /**
   * Run from a folder below the project's, Compose reads the working directory's .env to find the files, then the
   * project directory's, whose variables fill in what the first left unset (docker compose's project options apply
   * the env files twice; each variable keeps the value it got first).
   */
  @Test
  void fromASubfolderTheWorkingDirectorysDotEnvComesFirst() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:${TAG}\n    container_name: ${NAME}\n");
    write(".env", "TAG=from-project\nNAME=web-${TAG}\n");
    write("sub/.env", "TAG=from-working-directory\n");
    LoadOptions found = ComposeFiles.found(LoadOptions.of(dir.resolve("sub"), Map.of()));
    assertThat(found.files()).containsExactly(dir.resolve("compose.yaml"));
    LoadResult result = ProjectLoader.load(found);
    assertThat(result.environment()).containsEntry("TAG", "from-working-directory")
        .containsEntry("NAME", "web-from-working-directory");
    assertThat(result.project().services().get("web").image().text()).isEqualTo("nginx:from-working-directory");
    assertThat(result.projectEnvironment().everyFile()).containsExactly(dir.resolve("sub/.env"), dir.resolve(".env"));
    assertThat(ProjectLoader.load(LoadOptions.of(dir.resolve("sub"), Map.of())).environment())
        .as("the same when the loader finds the files itself").isEqualTo(result.environment());
    assertThat(ProjectLoader.load(LoadOptions.of(dir.resolve("sub"), Map.of("TAG", "os"))).environment())
        .as("the process environment still wins").containsEntry("TAG", "os").containsEntry("NAME", "web-os");
  }

  /** Where the files are found is where the project is, its .env is read once: to find them, for the project too. */
  @Test
  void inTheProjectDirectoryItsDotEnvIsReadOnce() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:${TAG}\n");
    write(".env", "TAG=1\n");
    LoadOptions found = ComposeFiles.found(LoadOptions.of(dir, Map.of()));
    LoadResult result = ProjectLoader.load(found);
    assertThat(result.projectEnvironment()).isSameAs(found.foundWith());
    assertThat(result.projectEnvironment().everyFile()).containsExactly(dir.resolve(".env"));
  }
}
