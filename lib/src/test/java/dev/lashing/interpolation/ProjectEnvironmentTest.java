package dev.lashing.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectEnvironmentTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void theOsEnvironmentWinsOverTheDefaultDotEnv() throws IOException {
    write(".env", "A=file\nB=file\n");

    Map<String, String> env = ProjectEnvironment.resolve(Map.of("A", "os"), List.of(), dir);

    assertThat(env).containsExactly(entry("A", "os"), entry("B", "file"));
  }

  @Test
  void withoutADotEnvOnlyTheOsEnvironmentCounts() throws IOException {
    Files.createDirectory(dir.resolve("sub"));
    Files.createDirectory(dir.resolve("sub/.env"));

    assertThat(ProjectEnvironment.resolve(Map.of("A", "os"), List.of(), dir)).containsExactly(entry("A", "os"));
    assertThat(ProjectEnvironment.resolve(Map.of(), List.of(), dir.resolve("sub"))).isEmpty();
  }

  @ParameterizedTest(name = "COMPOSE_DISABLE_ENV_FILE={0} reads .env: {1}")
  @CsvSource({"true, false", "1, false", "TRUE, false", "t, false", "false, true", "0, true", "False, true"})
  void composeDisableEnvFileSkipsOnlyTheDefaultFile(String disable, boolean read) throws IOException {
    write(".env", "FROM_DOT_ENV=1\n");
    Path explicit = write("explicit.env", "FROM_EXPLICIT=1\n");
    Map<String, String> os = Map.of("COMPOSE_DISABLE_ENV_FILE", disable);

    assertThat(ProjectEnvironment.resolve(os, List.of(), dir).containsKey("FROM_DOT_ENV")).isEqualTo(read);
    assertThat(ProjectEnvironment.resolve(os, List.of(explicit), dir)).containsKey("FROM_EXPLICIT");
  }

  @Test
  void composeDisableEnvFileMustBeAGoBoolean() throws IOException {
    write(".env", "A=1\n");
    assertThatThrownBy(() -> ProjectEnvironment.resolve(Map.of("COMPOSE_DISABLE_ENV_FILE", "yes"), List.of(), dir))
        .isInstanceOf(ComposeException.class)
        .hasMessage("COMPOSE_DISABLE_ENV_FILE: strconv.ParseBool: parsing \"yes\": invalid syntax");
  }

  @Test
  void explicitEnvFilesReplaceTheDefaultAndLaterOnesOverrideEarlierKeys() throws IOException {
    write(".env", "DOT=1\n");
    Path first = write("first.env", "A=1\nB=1\n");
    Path second = write("second.env", "B=2\nC=${A}-${B}\n");

    Map<String, String> env = ProjectEnvironment.resolve(Map.of(), List.of(first, second), dir);

    // Interpolation asks the OS environment and earlier files before the file's own keys, so C sees B=1.
    assertThat(env).containsExactly(entry("A", "1"), entry("B", "2"), entry("C", "1-1"));
  }

  @Test
  void eachFileLooksUpTheOsEnvironmentBeforeEarlierFiles() throws IOException {
    Path first = write("first.env", "A=file\nB=file\n");
    Path second = write("second.env", "FROM_A=$A\nB\nUNKNOWN\n");

    Map<String, String> env = ProjectEnvironment.resolve(Map.of("A", "os"), List.of(first, second), dir);

    assertThat(env).containsExactly(entry("A", "os"), entry("B", "file"), entry("FROM_A", "os"));
  }

  @Test
  void aMissingExplicitFileIsAnError() {
    Path missing = dir.resolve("missing.env");
    assertThatThrownBy(() -> ProjectEnvironment.resolve(Map.of(), List.of(missing), dir))
        .isInstanceOf(ComposeException.class)
        .hasMessageEndingWith("couldn't find env file: " + missing.toAbsolutePath());
  }

  @Test
  void anExplicitDirectoryIsAnError() throws IOException {
    Path directory = Files.createDirectory(dir.resolve("env.d"));
    assertThatThrownBy(() -> ProjectEnvironment.resolve(Map.of(), List.of(directory), dir))
        .isInstanceOf(ComposeException.class)
        .hasMessageEndingWith(directory.toAbsolutePath() + " is a directory");
  }

  @Test
  void invalidUtf8IsAPositionedError() throws IOException {
    Path file = Files.write(dir.resolve(".env"), new byte[] {'A', '=', '1', '\n', 'B', '=', 'x', (byte) 0xFF, '\n'});

    ComposeException e = (ComposeException) catchThrowable(
        () -> ProjectEnvironment.resolve(Map.of(), List.of(), dir));

    SourceRange at = e.diagnostics().get(0).at();
    assertThat(at.file()).isEqualTo(file.toString());
    assertThat(at.line() + ":" + at.column()).isEqualTo("2:4");
    assertThat(e.diagnostics().get(0).message()).isEqualTo("invalid UTF-8: byte 0xFF at byte offset 7");
  }

  @Test
  void syntaxErrorsNameTheFile() throws IOException {
    Path file = write("broken.env", "OK=1\nBAD KEY=2\n");

    ComposeException e = (ComposeException) catchThrowable(
        () -> ProjectEnvironment.resolve(Map.of(), List.of(file), dir));

    assertThat(e).hasMessage(file + ":2:1: key cannot contain a space");
  }

  @Test
  void readsUtf8WithAByteOrderMark() throws IOException {
    Files.write(dir.resolve(".env"), "\uFEFFNAME=Zoë\n".getBytes(StandardCharsets.UTF_8));
    assertThat(ProjectEnvironment.resolve(Map.of(), List.of(), dir)).containsExactly(entry("NAME", "Zoë"));
  }
}
