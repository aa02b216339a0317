package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error a user can cause with files, in every command, is a message and exit 2: never a stack trace,
 * never "internal error".
 */
class UserErrorsTest extends ProjectFolderTest {
  private static final String COMPOSE = "services:\n  web:\n    image: nginx:1.27\n";
  /** Runs a command without root's power over file permissions (util-linux's setpriv). */
  private static final List<String> WITHOUT_FILE_CAPABILITIES =
      List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search");

  private Path mounted;

  @BeforeEach
  void project() throws IOException {
    write("compose.yaml", COMPOSE);
    Files.copy(GenerateCommandTest.EXAMPLE, dir.resolve("inventory.yml"));
    Files.copy(AuditCommandTest.GOLDEN.resolve("desktop-ps.json"), dir.resolve("desktop-ps.json"));
    Files.createDirectory(dir.resolve("folder"));
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      new ProcessBuilder("umount", mounted.toString()).inheritIO().start().waitFor();
    }
  }

  @Override
  int run(String... args) {
    int code = super.run(args);
    assertAMessageNotAStackTrace();
    return code;
  }

  private void assertAMessageNotAStackTrace() {
    assertThat(err.toString()).as("a message, not a stack trace").doesNotContain("internal error")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  // ---- files that cannot be read ----

  @ParameterizedTest
  @ValueSource(strings = {"lint -f folder", "fix -f folder", "patch -f folder", "config -f folder",
      "validate folder", "generate folder", "audit folder --env desktop"})
  void aDirectoryGivenAsAFile(String command) {
    assertThat(run(command.split(" "))).isEqualTo(Cli.INVALID);
    // lint reports unreadable files as findings of missing-file, on standard output
    assertThat(out.toString() + err.toString()).contains("folder").contains("Is a directory");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lint -f nothing.yaml", "fix -f nothing.yaml", "patch -f nothing.yaml",
      "config -f nothing.yaml", "validate nothing.yaml", "generate nothing.yaml", "audit nothing.yaml --env desktop"})
  void aMissingFile(String command) {
    assertThat(run(command.split(" "))).isEqualTo(Cli.INVALID);
    assertThat(out.toString() + err.toString()).contains("nothing.yaml").containsIgnoringCase("no such file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lint -f compose.yaml", "fix -f compose.yaml", "patch -f compose.yaml",
      "config -f compose.yaml", "validate compose.yaml", "generate inventory.yml", "audit inventory.yml --env desktop"})
  void anUnreadableFile(String command, @TempDir Path streams) throws Exception {
    String file = command.split(" ")[command.startsWith("lint") || command.startsWith("fix")
        || command.startsWith("patch") || command.startsWith("config") ? 2 : 1];
    Files.setPosixFilePermissions(dir.resolve(file), PosixFilePermissions.fromString("-w-------"));
    assertThat(runWithoutReadingEveryFile(streams, command.split(" "))).isEqualTo(Cli.INVALID);
    assertThat(out.toString() + err.toString()).contains(file).containsIgnoringCase("permission denied");
  }

  /**
   * Runs {@code lashing} in a process of its own that file permissions bind: as root (CI), without the
   * capabilities that let root read and write every file, so that it meets the denial a user meets.
   */
  private int runWithoutReadingEveryFile(Path streams, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      assumeTrue(canDropFileCapabilities(), "running as root, and setpriv cannot drop cap_dac_override here:"
          + " the unreadable-file case is skipped");
      command.addAll(WITHOUT_FILE_CAPABILITIES);
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder lashing = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(streams.resolve("out").toFile()).redirectError(streams.resolve("err").toFile());
    lashing.environment().clear(); // as run() gives the command no environment
    Process process = lashing.start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("lashing ends").isTrue();
    out = new StringWriter().append(Files.readString(streams.resolve("out")));
    err = new StringWriter().append(Files.readString(streams.resolve("err")));
    assertAMessageNotAStackTrace();
    return process.exitValue();
  }

  private static boolean canDropFileCapabilities() throws InterruptedException {
    List<String> probe = new ArrayList<>(WITHOUT_FILE_CAPABILITIES);
    probe.add("true");
    try {
      return new ProcessBuilder(probe).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    } catch (IOException e) {
      return false; // no setpriv
    }
  }

  @Test
  void explainAnUnknownRule() {
    assertThat(run("explain", "folder")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).isEqualTo("lashing: unknown rule 'folder'; `lashing rules` lists them\n");
  }

  /** Every option that names a rule says the same of one that does not exist, with the same suggestions. */
  @ParameterizedTest
  @ValueSource(strings = {"fix compose.yaml --rule cpu-limt", "patch -f compose.yaml --rule cpu-limt",
      "patch -f compose.yaml --also-rule cpu-limt", "patch -f compose.yaml --skip-rule cpu-limt",
      "explain cpu-limt"})
  void anUnknownRuleIsToldAlikeEverywhere(String command) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
    assertThat(run(command.split(" "))).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("unknown rule 'cpu-limt' (did you mean 'cpu-limit'?); `lashing rules` "
        + "lists them");
  }

  @Test
  void explainSuggestsTheRulesAWordNames() {
    assertThat(run("explain", "restart")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).isEqualTo("lashing: unknown rule 'restart' (did you mean 'restart-policy'?);"
        + " `lashing rules` lists them\n");
    assertThat(run("explain", "secret")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("(did you mean 'secret-in-command' or 'secret-in-environment' or"
        + " 'secret-in-url'?)");
    assertThat(run("explain", "privilegd")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("(did you mean 'privileged'?)");
  }

  @Test
  void catalogCommandsPrintTheirUsage() {
    assertThat(run("rules", "--help")).isEqualTo(Cli.OK);
    assertThat(out.toString()).startsWith("usage: lashing rules").contains("--help");
    assertThat(err.toString()).isEmpty();
    assertThat(run("explain", "--help")).isEqualTo(Cli.OK);
    assertThat(out.toString()).startsWith("usage: lashing explain RULE");
    assertThat(run("explain", "-h")).isEqualTo(Cli.OK);
  }

  /** help COMMAND is the command's own usage; version takes nothing more. */
  @Test
  void helpNamesACommandAndVersionTakesNoArguments() {
    assertThat(run("help", "lint")).isEqualTo(Cli.OK);
    assertThat(out.toString()).startsWith("usage: lashing lint");
    assertThat(run("help", "nope")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("unknown command 'nope'");
    assertThat(run("version", "--bogus")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("version takes no arguments");
  }

  /** A baseline of another version is not read as if it were this one's: it would match nothing, silently. */
  @Test
  void aBaselineOfAnotherVersion() throws IOException {
    Files.writeString(dir.resolve("baseline.json"), "{\"version\": 99, \"findings\": []}\n");
    assertThat(run("lint", "--baseline", "baseline.json", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("baseline.json:1:13: a baseline of version 1 is expected, not 99");
    assertAMessageNotAStackTrace();
  }

  /**
   * A rule option is checked for what its fix would write, as the engine takes it: each mistake at its place, in
   * every command that reads the configuration, and nothing written.
   */
  @ParameterizedTest
  @ValueSource(strings = {"lint compose.yaml", "fix compose.yaml --unsafe-fixes --write", "patch -f compose.yaml"})
  void aRuleOptionTheEngineWouldRefuse(String command) throws IOException {
    write(".lashing.yml", """
        rules:
          pids-limit: {options: {pids: 1.5}}
          log-rotation: {options: {max_file: 99999999999999999999, max_size: 8192p}}
          memory-limit: {options: {gateway: 1}}
          cpu-limit: {options: {other: 0.001}}
        """);
    assertThat(run(command.split(" "))).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).isEqualTo(String.join("\n",
        ".lashing.yml:2:32: rules: pids-limit: options: pids: expected a positive whole number",
        ".lashing.yml:3:38: rules: log-rotation: options: max_file: expected a positive whole number up to"
            + " 9223372036854775807",
        ".lashing.yml:3:70: rules: log-rotation: options: max_size: expected a byte size such as 512m or 2g",
        ".lashing.yml:4:37: rules: memory-limit: options: gateway: expected a memory size of at least 6m, such as"
            + " 512m or 2g",
        ".lashing.yml:5:32: rules: cpu-limit: options: other: expected a number of CPUs of at least 0.01, such as"
            + " 0.5 or 2", ""));
    assertThat(dir.resolve("compose.yaml")).hasContent(COMPOSE);
    assertThat(dir.resolve("hardening.patch.yml")).doesNotExist();
  }

  /** An empty file name (a variable that expanded to nothing) is a usage mistake, whichever option takes it. */
  @Test
  void anEmptyFileName() {
    Map<String, List<String>> commands = Map.of(
        "--stdin-filename", List.of("lint", "-", "--stdin-filename", ""),
        "--output", List.of("lint", "compose.yaml", "-o", ""),
        "--config", List.of("fix", "compose.yaml", "--config", ""),
        "--digests", List.of("fix", "compose.yaml", "--digests", ""),
        "--file", List.of("patch", "-f", ""),
        "--env-file", List.of("validate", "compose.yaml", "--env-file", ""),
        "--state", List.of("audit", "inventory.yml", "--env", "desktop", "--state", ""));
    commands.forEach((option, command) -> {
      assertThat(run(command.toArray(String[]::new))).as(command.toString()).isEqualTo(Cli.INVALID);
      assertThat(err.toString()).as(command.toString()).startsWith("lashing: " + option + ": the file name is empty\n");
    });
  }

  /** So is an empty argument, where lint would have linted the working directory and passed. */
  @Test
  void anEmptyArgument() {
    for (List<String> command : List.of(List.of("lint", ""), List.of("lint", "compose.yaml", ""),
        List.of("fix", ""), List.of("validate", ""), List.of("generate", ""))) {
      assertThat(run(command.toArray(String[]::new))).as(command.toString()).isEqualTo(Cli.INVALID);
      assertThat(err.toString()).as(command.toString())
          .startsWith("lashing: an argument is empty: name a file (a variable that expanded to nothing?)\n");
      assertThat(out.toString()).as(command.toString()).isEmpty();
    }
  }

  @Test
  void auditsIpMustBeAnAddress() {
    assertThat(run("audit", "inventory.yml", "--env", "desktop", "--state", "desktop-ps.json", "--ip", "not-an-ip",
        "--log", "audit.log")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("--ip must be the host's IP address, such as 192.0.2.10, not 'not-an-ip'");
    assertThat(dir.resolve("audit.log")).doesNotExist();
  }

  @Test
  void aFolderWithoutComposeFiles() throws IOException {
    Files.createDirectories(dir.resolve("empty/sub"));
    Files.writeString(dir.resolve("empty/sub/notes.yaml"), "a: 1\n");
    assertThat(run("lint", "empty")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: no compose file in empty (looked for compose.yaml,"
        + " docker-compose.yml and compose.*.yaml below it); name a file, or use -f\n");
  }

  @Test
  void aSymbolicLinkLoopInAScannedDirectory() throws IOException {
    Files.createDirectories(dir.resolve("stacks/a"));
    Files.writeString(dir.resolve("stacks/a/compose.yaml"), COMPOSE);
    Files.createSymbolicLink(dir.resolve("stacks/a/loop"), dir.resolve("stacks"));
    assertThat(run("lint", "--quiet", "stacks")).isIn(Cli.OK, Cli.FINDINGS);
    assertThat(run("fix", "stacks")).isIn(Cli.OK, Cli.FINDINGS);
    assertThat(out.toString()).contains("stacks/a/compose.yaml");
  }

  // ---- files that cannot be written ----

  @ParameterizedTest
  @ValueSource(strings = {"lint compose.yaml --output missing/report.txt",
      "lint compose.yaml --write-baseline missing/baseline.json", "patch -f compose.yaml -o missing/patch.yml",
      "audit inventory.yml --env desktop --state desktop-ps.json --cleanup-script missing/cleanup.sh",
      "audit inventory.yml --env desktop --state desktop-ps.json --log missing/audit.log"})
  void anOutputIntoAMissingFolder(String command) {
    assertThat(run(command.split(" "))).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("missing/").containsAnyOf("does not exist", "no such file or directory")
        .doesNotContain(".tmp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lint compose.yaml --output folder", "lint compose.yaml --write-baseline folder",
      "patch -f compose.yaml -o folder"})
  void anOutputThatIsADirectory(String command) {
    assertThat(run(command.split(" "))).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("cannot write folder: ").doesNotContain(".tmp");
  }

  @Test
  void fixWriteOfAReadOnlyFile() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
    Files.setPosixFilePermissions(dir.resolve("compose.yaml"), PosixFilePermissions.fromString("r--r--r--"));
    assertThat(run("fix", "compose.yaml", "--write")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("lashing: compose.yaml: the file is read-only")
        .contains("compose.yaml not written, it is unchanged");
    assertThat(Files.readString(dir.resolve("compose.yaml"))).isEqualTo(COMPOSE);
  }

  @Test
  void fixWriteIntoAReadOnlyFolder() throws Exception {
    Path readOnly = mount("ro");
    assertThat(run("fix", "-f", readOnly.resolve("compose.yaml").toString(), "--write")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("compose.yaml: read-only file system; ").contains("not written");
    assertThat(Files.readString(readOnly.resolve("compose.yaml"))).isEqualTo(COMPOSE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lint compose.yaml --format json --output full/report.json",
      "patch -f compose.yaml -o full/patch.yml", "generate inventory.yml -o full",
      "audit inventory.yml --env desktop --state desktop-ps.json --log full/audit.log"})
  void aFullDisk(String command) throws Exception {
    Path full = mount("size=4k");
    try {
      Files.write(full.resolve("filler"), new byte[1 << 20]);
    } catch (IOException e) {
      // full, as the case needs
    }
    assertThat(run(command.split(" "))).as(err.toString()).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("lashing: cannot ").containsIgnoringCase("no space left on device");
    try (var files = Files.list(full)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file is left")
          .allMatch(n -> !n.endsWith(".tmp"));
    }
  }

  /** A small tmpfs at DIR/full (or DIR/ro holding the project, read-only); skipped where mount is not allowed. */
  private Path mount(String options) throws Exception {
    boolean readOnly = options.equals("ro");
    Path point = dir.resolve(readOnly ? "ro" : "full");
    Files.createDirectories(point);
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", readOnly ? "size=64k" : options, "tmpfs",
        point.toString()).redirectErrorStream(true).start();
    boolean ok = mount.waitFor() == 0;
    assumeTrue(ok, "cannot mount a tmpfs here (it needs root): the case is skipped");
    mounted = point;
    if (readOnly) {
      Files.writeString(point.resolve("compose.yaml"), COMPOSE);
      assumeTrue(new ProcessBuilder("mount", "-o", "remount,ro", point.toString()).start().waitFor() == 0,
          "cannot remount the tmpfs read-only: the case is skipped");
    }
    return point;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
