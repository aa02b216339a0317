package dev.lashing.inventory.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Docker's JSON lines: what is accepted, and malformed input refused whole, with positions. */
class HostStateTest {
  private static final String CONTAINER = "{\"Command\":\"\\\"redis-server\\\"\",\"CreatedAt\":\"2024-08-01 10:00:00"
      + " +0200 CEST\",\"ID\":\"a6b5c4d3e2f1\",\"Image\":\"redis:7.2\",\"Labels\":\"\",\"LocalVolumes\":\"0\","
      + "\"Mounts\":\"cache,plane_pgd\u2026\",\"Names\":\"old-redis\",\"Networks\":\"bridge\",\"Ports\":\"\","
      + "\"RunningFor\":\"5 months ago\",\"Size\":\"0B\",\"State\":\"exited\",\"Status\":\"Exited (0) 4 months ago\"}";
  private static final String IMAGE = "{\"Containers\":\"N/A\",\"CreatedAt\":\"2024-12-10 10:00:00 +0100 CET\","
      + "\"CreatedSince\":\"5 weeks ago\",\"Digest\":\"\\u003cnone\\u003e\",\"ID\":\"b14c2d3e5f6a\",\"Repository\":"
      + "\"\\u003cnone\\u003e\",\"SharedSize\":\"N/A\",\"Size\":\"298MB\",\"Tag\":\"\\u003cnone\\u003e\","
      + "\"UniqueSize\":\"N/A\",\"VirtualSize\":\"298MB\"}";
  private static final String VOLUME = "{\"Availability\":\"N/A\",\"Driver\":\"local\",\"Group\":\"N/A\",\"Labels\":"
      + "\"\",\"Links\":\"N/A\",\"Mountpoint\":\"/var/lib/docker/volumes/cache/_data\",\"Name\":\"cache\",\"Scope\":"
      + "\"local\",\"Size\":\"N/A\",\"Status\":\"N/A\"}";

  private static HostState read(String text) {
    return HostState.read(List.of(new SourceFile("state.json", text)));
  }

  private static List<String> problems(String text) {
    try {
      read(text);
    } catch (ComposeException e) {
      return e.diagnostics().stream().map(Diagnostic::toString).toList();
    }
    throw new AssertionError("expected the state to be rejected");
  }

  @Test
  void readsTheThreeKindsInAnyOrder() {
    HostState state = read(VOLUME + "\n\n" + IMAGE + "\r\n" + CONTAINER + "\n");
    assertThat(state.hasContainerData()).isTrue();
    assertThat(state.containers()).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("old-redis");
      assertThat(c.isRunning()).isFalse();
      assertThat(c.mounts()).containsExactly("cache", "plane_pgd\u2026");
    });
    assertThat(state.images()).singleElement().satisfies(i -> {
      assertThat(i.isDangling()).isTrue();
      assertThat(i.digest()).isNull();
      assertThat(i.createdAt()).isEqualTo(Instant.parse("2024-12-10T09:00:00Z"));
    });
    assertThat(state.volumes()).singleElement().satisfies(v -> assertThat(v.createdAt()).isNull());
    assertThat(read(IMAGE).hasContainerData()).isFalse();
  }

  /** What PowerShell's > and Out-File write: a byte order mark before the first line, decoded as U+FEFF. */
  @Test
  void aByteOrderMarkIsNoPartOfTheFirstLine() {
    HostState state = read("\uFEFF" + CONTAINER + "\n" + VOLUME + "\n");
    assertThat(state.containers()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("old-redis"));
    assertThat(state.volumes()).hasSize(1);
    assertThat(problems("\uFEFF" + CONTAINER.substring(0, 120) + "\n")).containsExactly(
        "state.json:1:122: invalid JSON: the line ends inside a string (truncated JSON?)");
  }

  /**
   * A state without a single line is what the redirect of a failed docker command leaves; one without containers
   * (no docker ps line) is a host that runs nothing, read as such.
   */
  @Test
  void aStateWithoutALineIsRefused() {
    String empty = "state.json:1:1: empty: a docker command that fails leaves its redirect empty (its error goes to"
        + " standard error), and a host has at least the images of what it runs; expected the output of `docker ps"
        + " -a --format json`, `docker images --format json` or `docker volume ls --format json`";
    for (String text : List.of("", "\n\n", "  \r\n", "\uFEFF")) {
      assertThat(problems(text)).as("'" + text + "'").containsExactly(empty);
    }
    assertThatThrownBy(() -> HostState.read(List.of(new SourceFile("ps.json", ""), new SourceFile("images.json",
        "\n")))).isInstanceOf(ComposeException.class).hasMessageStartingWith("ps.json:1:1: empty: ")
        .hasMessageContaining("\nimages.json:1:1: empty: ");
    HostState nothingRuns = HostState.read(List.of(new SourceFile("ps.json", ""), new SourceFile("images.json",
        IMAGE + "\n")));
    assertThat(nothingRuns.containers()).isEmpty();
    assertThat(nothingRuns.hasContainerData()).isFalse();
    assertThat(nothingRuns.images()).hasSize(1);
  }

  @Test
  void truncatedJsonIsRefused() {
    assertThat(problems(VOLUME + "\n" + CONTAINER.substring(0, 120) + "\n")).containsExactly(
        "state.json:2:121: invalid JSON: the line ends inside a string (truncated JSON?)");
    assertThat(problems(IMAGE.substring(0, IMAGE.length() - 1))).singleElement().asString()
        .endsWith("the line ends inside an object (truncated JSON?)");
  }

  @Test
  void unknownFieldsAreRefused() {
    assertThat(problems(CONTAINER.replace("\"Size\":", "\"Sighs\":"))).singleElement().asString()
        .startsWith("state.json:1:1: unknown field \"Sighs\" in a line of `docker ps` output; it prints Command,");
    assertThat(problems("{\"name\":\"x\",\"kind\":\"volume\"}")).containsExactly("state.json:1:1: a JSON object"
        + " that is no line of docker ps, docker images or docker volume ls output (fields [kind, name])");
  }

  @Test
  void dockerErrorMessagesAreRecognised() {
    assertThat(problems("Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon"
        + " running?\n")).singleElement().asString()
        .startsWith("state.json:1:1: not JSON: \"Cannot connect to the Docker daemon at unix:///var/run/docker.sock."
            + " Is the do...\" (an error message from docker?); expected the output of `docker ps -a --format"
            + " json`");
    assertThat(problems(VOLUME + "\n  permission denied while trying to connect\n")).singleElement().asString()
        .startsWith("state.json:2:3: not JSON: \"permission denied while trying to connect\" (an error message from"
            + " docker?)");
    assertThat(problems("[" + VOLUME + "]")).singleElement().asString().contains("a JSON array; Lashing reads one"
        + " JSON object per line");
  }

  /** Control bytes (a file of NULs, a terminal's escapes) are shown as escapes, not as blanks. */
  @Test
  void controlBytesAreShownAsTheyAre() {
    assertThat(problems("\0\0\0\n")).singleElement().asString()
        .startsWith("state.json:1:1: not JSON: \"\\u0000\\u0000\\u0000\"; expected the output of");
    assertThat(problems("x\u001b[31my\n")).singleElement().asString()
        .startsWith("state.json:1:1: not JSON: \"x\\u001b[31my\"; expected");
  }

  @Test
  void wrongTypesMissingFieldsAndBadTimesAreRefused() {
    assertThat(problems(CONTAINER.replace("\"ID\":\"a6b5c4d3e2f1\",", ""))).containsExactly(
        "state.json:1:1: missing field \"ID\"");
    assertThat(problems(CONTAINER.replace("\"State\":\"exited\"", "\"State\":3"))).containsExactly(
        "state.json:1:1: field \"State\" is not a string");
    assertThat(problems(IMAGE.replace("2024-12-10 10:00:00 +0100 CET", "yesterday"))).containsExactly(
        "state.json:1:1: CreatedAt \"yesterday\" is not a time as Docker prints it");
    assertThat(problems(VOLUME.replace("\"Scope\"", "\"Name\""))).singleElement().asString()
        .contains("duplicate key \"Name\"");
  }

  @Test
  void everyProblemIsReportedAndNothingIsReturned() {
    assertThatThrownBy(() -> read("oops\n" + VOLUME + "\n{\"Name\":\n"))
        .isInstanceOf(ComposeException.class)
        .satisfies(e -> assertThat(((ComposeException) e).diagnostics()).hasSize(2));
  }

  @Test
  void globsMatchWholeNames() {
    assertThat(Glob.matches("ci-*", "ci-build-41")).isTrue();
    assertThat(Glob.matches("ci-*", "my-ci-build")).isFalse();
    assertThat(Glob.matches("*_ci_*", "app_ci_1")).isTrue();
    assertThat(Glob.matches("registry.example.com/plane/*:pr-*", "registry.example.com/plane/api:pr-12")).isTrue();
    assertThat(Glob.matches("v?", "v1")).isTrue();
    assertThat(Glob.matches("v?", "v10")).isFalse();
    assertThat(Glob.matches("exact", "exact")).isTrue();
    assertThat(Glob.matches("*", "")).isTrue();
  }

  @Test
  void shellQuotingKeepsNamesInert() {
    assertThat(AuditResult.shellQuote("it's; rm -rf / $(x)")).isEqualTo("'it'\"'\"'s; rm -rf / $(x)'");
    assertThat(AuditResult.jsonString("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
  }
}
