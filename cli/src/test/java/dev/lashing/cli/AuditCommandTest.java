package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lashing audit} end to end, against the golden files of the library's audit tests: the same example
 * inventory, Docker output, clock and host name give the same summary, log line and script.
 */
class AuditCommandTest {
  static final Path GOLDEN = GenerateCommandTest.ROOT.resolve("lib/src/test/resources/dev/lashing/inventory/audit");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private StringWriter out;
  private StringWriter err;
  private byte[] stdin = new byte[0];
  private String host = "dev-laptop";

  @BeforeEach
  void copyInputs() throws IOException {
    Files.copy(GenerateCommandTest.EXAMPLE, dir.resolve("inventory.yml"));
    for (String f : List.of("desktop-ps.json", "desktop-images.json", "desktop-volumes.json",
        "production-state.json")) {
      Files.copy(GOLDEN.resolve(f), dir.resolve(f));
    }
  }

  private int audit(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    String[] rest = Arrays.copyOf(args, args.length);
    InputStream in = new ByteArrayInputStream(stdin);
    PrintWriter e = new PrintWriter(err);
    try {
      return new AuditCommand(new PrintWriter(out), e, dir, CLOCK, () -> host, () -> "192.0.2.10", () -> in).run(rest);
    } catch (Arguments.UsageException ex) {
      e.println("lashing: " + ex.getMessage()); // as Cli reports it
      return Cli.INVALID;
    } catch (dev.lashing.source.ComposeException ex) {
      ex.diagnostics().forEach(d -> e.println(d));
      return Cli.INVALID;
    } finally {
      e.flush();
    }
  }

  private static String golden(String name) throws IOException {
    return Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8);
  }

  private static final String[] DESKTOP = {"inventory.yml", "--env", "desktop", "--state", "desktop-ps.json",
      "--state", "desktop-images.json", "--state", "desktop-volumes.json"};

  private static String[] with(String[] base, String... more) {
    String[] all = Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void desktopSummaryLogAndCleanupScript() throws IOException {
    assertThat(audit(with(DESKTOP, "--log", "audit.log", "--cleanup-script", "cleanup.sh")))
        .as(err.toString()).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).isEqualTo(golden("desktop-summary.txt"));
    assertThat(Files.readString(dir.resolve("audit.log"))).isEqualTo(golden("desktop-log.jsonl"));
    assertThat(Files.readString(dir.resolve("cleanup.sh"))).isEqualTo(golden("desktop-cleanup.sh"));
    // meant to be read, then run with sh: not executable, the umask's permissions
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cleanup.sh"))))
        .isEqualTo(dev.lashing.source.Umask.newFileMode());
    assertThat(err.toString()).contains("wrote cleanup.sh (4 removal(s)); review it, then run it yourself");

    // the log grows by one line per run
    host = "other-laptop";
    assertThat(audit(with(DESKTOP, "--log", "audit.log"))).isEqualTo(Cli.FINDINGS);
    List<String> lines = Files.readAllLines(dir.resolve("audit.log"));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).isEqualTo(golden("desktop-log.jsonl").strip().replace("dev-laptop", "other-laptop"));
    assertThat(lines.get(1)).startsWith("{\"timestamp\":\"2025-01-15T10:00:00Z\",\"host\":\"other-laptop\","
        + "\"ip\":\"192.0.2.10\",\"env\":\"desktop\",\"containers_expected\":[\"buildx_buildkit_default\","
        + "\"odoo-db\",\"odoo-odoo\"],\"containers_extra\":[\"ci-build-42\",\"old-redis\"],");
    assertThat(lines.get(1)).contains(",\"images_protected\":[\"ci-base:keep\",\"keep-tools:1.0\",\"myapp:keep\"],")
        .endsWith(",\"volumes_protected\":[\"keep-pgdata-13\"],\"volumes_safe_delete\":[\"tmp-cache\"]}");
    assertThat(dev.lashing.report.JsonSchemas.errors(AuditLogTest.SCHEMA, lines.get(1))).isEmpty();

    // --ip names the host's address
    assertThat(audit(with(DESKTOP, "--log", "audit.log", "--ip", "10.0.0.7"))).isEqualTo(Cli.FINDINGS);
    assertThat(Files.readAllLines(dir.resolve("audit.log")).get(2)).contains("\"ip\":\"10.0.0.7\"");
  }

  /** What Windows PowerShell's > writes (UTF-16 with a byte order mark), and Out-File -Encoding utf8 (UTF-8 with one). */
  @Test
  void stateWithAByteOrderMarkIsReadAsWithout() throws IOException {
    String state = "\uFEFF" + Files.readString(dir.resolve("desktop-ps.json"))
        + Files.readString(dir.resolve("desktop-images.json")) + Files.readString(dir.resolve("desktop-volumes.json"));
    Files.write(dir.resolve("utf-16.json"), state.getBytes(StandardCharsets.UTF_16LE));
    Files.write(dir.resolve("utf-8.json"), state.getBytes(StandardCharsets.UTF_8));
    for (String file : List.of("utf-16.json", "utf-8.json")) {
      assertThat(audit("inventory.yml", "--env", "desktop", "--state", file)).as(err.toString())
          .isEqualTo(Cli.FINDINGS);
      assertThat(out.toString()).isEqualTo(golden("desktop-summary.txt"));
    }
    stdin = state.getBytes(StandardCharsets.UTF_16LE);
    assertThat(audit("inventory.yml", "--env", "desktop")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).isEqualTo(golden("desktop-summary.txt"));
  }

  @Test
  void stateCanComeFromStandardInputOneObjectPerLine() throws IOException {
    stdin = (Files.readString(dir.resolve("desktop-volumes.json")) + Files.readString(dir.resolve("desktop-ps.json"))
        + Files.readString(dir.resolve("desktop-images.json"))).getBytes(StandardCharsets.UTF_8);
    assertThat(audit("inventory.yml", "--env", "desktop")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).isEqualTo(golden("desktop-summary.txt"));
    assertThat(audit("inventory.yml", "--env", "desktop", "--state", "-", "--host", "ci")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).startsWith("audit of environment desktop on host ci at 2025-01-15T10:00:00Z");
    // nothing on standard input: what `docker ps ... | lashing audit` gives when docker fails
    stdin = new byte[0];
    assertThat(audit("inventory.yml", "--env", "desktop", "--log", "audit.log")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("<stdin>:1:1: empty: a docker command that fails leaves its redirect"
        + " empty");
    assertThat(out.toString()).isEmpty();
    assertThat(dir.resolve("audit.log")).doesNotExist();
    // standard input is read up to the limit a file has, not until memory runs out
    stdin = new byte[(16 << 20) + 1];
    assertThat(audit("inventory.yml", "--env", "desktop")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("<stdin>: file has more than 16777216 bytes");
  }

  @Test
  void productionRefusesCleanupAndStaysReadOnly() throws IOException {
    host = "prod-01";
    assertThat(audit("inventory.yml", "--env", "production", "--state", "production-state.json", "--log",
        "audit.log", "--cleanup-script", "cleanup.sh")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).isEqualTo("lashing: environment production is a production host, which Lashing"
        + " treats as read-only: no cleanup script is written there\n");
    assertThat(dir.resolve("cleanup.sh")).doesNotExist();
    assertThat(dir.resolve("audit.log")).doesNotExist();

    assertThat(audit("inventory.yml", "--env", "production", "--state", "production-state.json"))
        .isEqualTo(Cli.FINDINGS);
    assertThat(out.toString()).isEqualTo(golden("production-summary.txt"));
    assertThat(out.toString()).contains("0 safe to delete");
  }

  @Test
  void malformedStateIsReportedAtItsPosition() throws IOException {
    String ps = Files.readString(dir.resolve("desktop-ps.json"));
    Files.writeString(dir.resolve("truncated.json"), ps.substring(0, ps.indexOf('\n') + 120));
    int code = new Cli(new PrintWriter(out = new StringWriter()), new PrintWriter(err = new StringWriter()),
        java.util.Map.of(), dir).run("audit", "inventory.yml", "--env", "desktop", "--state", "truncated.json",
            "--log", "audit.log", "--cleanup-script", "cleanup.sh");
    assertThat(code).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).isEqualTo("truncated.json:2:120: invalid JSON: the line ends inside a string"
        + " (truncated JSON?)\n");
    assertThat(out.toString()).isEmpty();
    assertThat(dir.resolve("audit.log")).doesNotExist();
    assertThat(dir.resolve("cleanup.sh")).doesNotExist();

    Files.writeString(dir.resolve("error.json"), "Cannot connect to the Docker daemon at"
        + " unix:///var/run/docker.sock. Is the docker daemon running?\n");
    assertThat(audit("inventory.yml", "--env", "desktop", "--state", "error.json")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("error.json:1:1: not JSON: \"Cannot connect to the Docker daemon")
        .contains("(an error message from docker?)");
    Files.writeString(dir.resolve("unknown.json"), ps.replace("\"Networks\":", "\"Netwerks\":"));
    assertThat(audit("inventory.yml", "--env", "desktop", "--state", "unknown.json")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).startsWith("unknown.json:1:1: unknown field \"Netwerks\" in a line of `docker ps`"
        + " output");
    assertThat(dir.resolve("audit.log")).doesNotExist();
  }

  @Test
  void aHostThatMatchesTheInventoryHasNoDrift() throws IOException {
    List<String> ps = Files.readAllLines(dir.resolve("desktop-ps.json")).subList(0, 2);
    List<String> images = Files.readAllLines(dir.resolve("desktop-images.json")).subList(0, 2);
    List<String> volumes = Files.readAllLines(dir.resolve("desktop-volumes.json")).subList(0, 2);
    stdin = String.join("\n", ps.get(0), ps.get(1), images.get(0), images.get(1), volumes.get(0), volumes.get(1))
        .getBytes(StandardCharsets.UTF_8);
    assertThat(audit("inventory.yml", "--env", "desktop", "--cleanup-script", "cleanup.sh")).isEqualTo(Cli.OK);
    assertThat(out.toString()).endsWith("\nno drift: everything on the host is in the inventory\n");
    assertThat(Files.readString(dir.resolve("cleanup.sh"))).endsWith("set -eu\n\n# Nothing is safe to delete.\n");
  }

  /** A log kept nowhere (a dry run) or in a device: the line is written to it, with nothing to flush. */
  @Test
  void theLogMayBeADevice() throws IOException {
    assertThat(audit(with(DESKTOP, "--log", "/dev/null"))).as(err.toString()).isEqualTo(Cli.FINDINGS);
    assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
  }

  @Test
  void usageErrors() throws IOException {
    assertThat(audit("inventory.yml")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("audit needs --env");
    assertThat(audit("inventory.yml", "--env", "desktop", "--cleanup-script", "x.sh", "--state", "missing.json"))
        .isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("missing.json: no such file");
    assertThat(audit(with(DESKTOP, "--log", "no/such/dir/audit.log"))).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("lashing: cannot append to no/such/dir/audit.log");
    assertThat(audit(with(DESKTOP, "--log", "audit.log", "--cleanup-script", "no/such/dir/c.sh")))
        .isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("lashing: cannot write no/such/dir/c.sh");
    assertThat(dir.resolve("audit.log")).as("a failed run is not logged").doesNotExist();
    // what audit reads is never written: a slip of --cleanup-script or --log onto the inventory or a state file
    String inventory = Files.readString(dir.resolve("inventory.yml"));
    assertThat(audit(with(DESKTOP, "--cleanup-script", "inventory.yml"))).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("--cleanup-script inventory.yml is the inventory or a --state file");
    assertThat(audit(with(DESKTOP, "--log", "./desktop-ps.json"))).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("--log ./desktop-ps.json is the inventory or a --state file");
    assertThat(Files.readString(dir.resolve("inventory.yml"))).isEqualTo(inventory);
    assertThat(Files.readString(dir.resolve("desktop-ps.json"))).isEqualTo(Files.readString(GOLDEN.resolve(
        "desktop-ps.json")));
    StringWriter e = new StringWriter();
    int code = new Cli(new PrintWriter(new StringWriter()), new PrintWriter(e), java.util.Map.of(), dir)
        .run("audit", "inventory.yml", "--env", "dektop");
    assertThat(code).isEqualTo(Cli.INVALID);
    assertThat(e.toString()).contains("the inventory has no environment 'dektop' (did you mean 'desktop'?)");
  }
}
