package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.report.JsonSchemas;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audits appending to one log at once, from two processes: every line whole, every line in the schema. */
class AuditLogTest {
  static final String SCHEMA = "/dev/lashing/schemas/lashing-audit-log.schema.json";
  static final int RUNS = 100;

  @TempDir Path dir;

  @Test
  void twoProcessesAppendingAHundredRunsEachLeaveTwoHundredWholeLines() throws Exception {
    Files.copy(GenerateCommandTest.EXAMPLE, dir.resolve("inventory.yml"));
    for (String f : List.of("desktop-ps.json", "desktop-images.json", "desktop-volumes.json")) {
      Files.copy(AuditCommandTest.GOLDEN.resolve(f), dir.resolve(f));
    }
    List<Process> writers = new ArrayList<>();
    for (String host : List.of("host-a", "host-b")) {
      writers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Appender.class.getName(), dir.toString(), host)
          .redirectErrorStream(true).redirectOutput(dir.resolve(host + ".out").toFile()).start());
    }
    for (Process writer : writers) {
      assertThat(writer.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(writer.exitValue()).as(Files.readString(dir.resolve("host-a.out"))
          + Files.readString(dir.resolve("host-b.out"))).isZero();
    }
    List<String> lines = Files.readAllLines(dir.resolve("audit.log"));
    assertThat(lines).hasSize(2 * RUNS);
    for (String line : lines) {
      assertThat(JsonSchemas.errors(SCHEMA, line)).as(line).isEmpty();
    }
    assertThat(lines).filteredOn(l -> l.contains("\"host\":\"host-a\"")).hasSize(RUNS);
    assertThat(lines).filteredOn(l -> l.contains("\"host\":\"host-b\"")).hasSize(RUNS);
  }

  /** One process of the test: a hundred audits of the example desktop, each appending to DIR/audit.log. */
  public static final class Appender {
    private Appender() {}

    public static void main(String[] args) throws IOException {
      Path dir = Path.of(args[0]);
      for (int i = 0; i < RUNS; i++) {
        StringWriter err = new StringWriter();
        int code = new Cli(new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of(), dir).run("audit",
            "inventory.yml", "--env", "desktop", "--state", "desktop-ps.json", "--state", "desktop-images.json",
            "--state", "desktop-volumes.json", "--log", "audit.log", "--host", args[1], "--ip", "192.0.2." + i);
        if (code != Cli.FINDINGS) {
          System.out.println("audit exited with " + code + ": " + err);
          System.exit(1);
        }
      }
    }
  }
}
