package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What port ranges and {@code extends} may build beyond what the files write: what would go past the budget is
 * refused where it is written, the same entries whatever the threads, and the rest of the project is read.
 */
class ExpansionBudgetTest {
  private static final int WHOLE = Integer.MAX_VALUE;
  private static final int NOT_AHEAD = 0;

  @TempDir Path dir;

  private LoadOptions write(String text) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), text);
    return LoadOptions.of(dir, Map.of(), dir.resolve("compose.yaml"));
  }

  @Test
  void rangesPastTheBudgetAreRefusedAtTheirEntriesWhateverTheThreads() throws IOException {
    // 600 services of 4,096 ports each: 32 of them fill the budget, on slices side by side and walked ahead alike
    StringBuilder text = new StringBuilder("services:\n");
    for (int i = 0; i < 600; i++) {
      text.append("  relay-").append(i).append(":\n    image: coturn/coturn:4.6\n")
          .append("    ports: [\"3478:3478\", \"10.0.").append(i / 200).append('.').append(i % 200)
          .append(":20000-24095:20000-24095/udp\"]\n");
    }
    LoadOptions options = write(text.toString());

    LoadResult whole = ProjectLoader.load(options, true, WHOLE, NOT_AHEAD);
    assertThat(ExpansionBudget.BINDINGS / 4096).isEqualTo(32);
    assertThat(whole.project().services().get("relay-31").ports().size()).isEqualTo(4097);
    assertThat(whole.project().services().get("relay-32").ports().size()).isOne(); // its single port is kept
    assertThat(whole.errors()).hasSize(600 - 32);
    Diagnostic first = whole.errors().get(0);
    assertThat(first.at().line()).isEqualTo(2 + 32 * 3 + 2);
    assertThat(first.at().column()).isEqualTo("    ports: [\"3478:3478\", ".length() + 1);
    assertThat(first.message()).startsWith("port range 10.0.0.32:20000-24095:20000-24095/udp is 4,096 bindings")
        .contains("more than 131,072");
    assertThat(whole.errors()).allMatch(Diagnostic::pastLashingLimit); // Compose reads them all

    int[][] ways = {{ServiceSlices.SLICED_FROM_SERVICES, NOT_AHEAD}, {WHOLE, ServicesAhead.RUN},
        {ServiceSlices.SLICED_FROM_SERVICES, 100}, {1, 1}};
    for (int[] way : ways) {
      LoadResult other = ProjectLoader.load(options, true, way[0], way[1]);
      assertThat(other.errors()).isEqualTo(whole.errors());
      assertThat(other.project()).isEqualTo(whole.project());
    }
    assertThatThrownBy(() -> ProjectLoader.load(options))
        .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.diagnostics()).isEqualTo(whole.errors()));
  }

  @Test
  void aRangeRefusedLeavesRoomForASmallerOneAfterIt() throws IOException {
    LoadOptions options = write("""
        services:
          a:
            image: coturn/coturn:4.6
            ports: ["1-65535:1-65535/udp", "1-65535:1-65535/tcp", "127.0.0.1:7000-7009:7000-7009",
                    "127.0.0.1:8000-8001:8000-8001"]
        """);
    LoadResult load = ProjectLoader.loadLeniently(options, Map.of());
    // 131,070 bindings leave room for 2, not 10
    assertThat(load.errors()).singleElement().satisfies(e -> assertThat(e.message()).startsWith(
        "port range 127.0.0.1:7000-7009:7000-7009 is 10 bindings"));
    assertThat(load.project().services().get("a").ports().size()).isEqualTo(2 * 65535 + 2);
  }

  @Test
  void extendsCopiesPastTheBudgetAreRefusedAtTheirExtends() throws IOException {
    StringBuilder text = new StringBuilder("""
        services:
          base:
            image: coturn/coturn:4.6
            ports: ["127.0.0.1:1-65535:1-65535/udp"]
        """);
    for (int i = 0; i < 4; i++) {
      text.append("  relay-").append(i).append(":\n    extends: base\n    environment: {N: \"").append(i)
          .append("\"}\n");
    }
    LoadOptions options = write(text.toString());

    LoadResult load = ProjectLoader.load(options, true, WHOLE, NOT_AHEAD);
    assertThat(load.project().services().get("relay-0").ports().size()).isEqualTo(65535);
    // refused at their extends, the rest of each is read
    assertThat(load.project().services().get("relay-1").ports()).isEmpty();
    assertThat(load.project().services().get("relay-1").environment()).containsKey("N");
    assertThat(load.errors()).hasSize(3).allSatisfy(e -> {
      assertThat(e.at().column()).isEqualTo("    extends: ".length() + 1);
      assertThat(e.message()).contains("extends would copy the 65,535 port bindings of service \"base\"");
      assertThat(e.pastLashingLimit()).isTrue();
    });
    assertThat(load.errors().get(0).at().line()).isEqualTo(9);
    assertThat(ProjectLoader.load(options, true, ServiceSlices.SLICED_FROM_SERVICES, ServicesAhead.RUN).errors())
        .isEqualTo(load.errors());
  }

  @Test
  void extendsCopiesPastTheNodeBudgetAreRefused() throws IOException {
    StringBuilder text = new StringBuilder("services:\n  base:\n    image: nginx:1.27\n    labels:\n");
    for (int i = 0; i < 100; i++) {
      text.append("      l").append(i).append(": x\n");
    }
    for (int i = 0; i < 20; i++) {
      text.append("  web-").append(i).append(":\n    extends: base\n");
    }
    LoadOptions options = write(text.toString());
    long base = 1 + 2 + 1 + (1 + 2 * 100); // its mapping; the key image and its value; the key labels, and they

    assertThat(ProjectLoader.load(options, true, WHOLE, NOT_AHEAD).errors()).isEmpty();
    // with no room but the files' characters, the copies stop when their nodes would outnumber those
    List<Diagnostic> errors =
        ProjectLoader.load(options, true, ExpansionBudget.inOrder(ExpansionBudget.BINDINGS, 0)).errors();
    int fit = (int) (text.length() / base);
    assertThat(fit).isBetween(5, 15);
    assertThat(errors).hasSize(20 - fit);
    assertThat(errors.get(0).message()).startsWith("extends would copy service \"base\", " + base
        + " nodes, into \"web-" + fit + "\"");
    assertThat(errors).allMatch(Diagnostic::pastLashingLimit);
  }

  @Test
  void envFileVariablesPastTheNodeBudgetAreRefusedAtTheirEnvFile() throws IOException {
    StringBuilder variables = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      variables.append("V").append(i).append("=x\n");
    }
    Files.writeString(dir.resolve("vars.env"), variables);
    StringBuilder text = new StringBuilder("services:\n");
    for (int i = 0; i < 20; i++) {
      text.append("  web-").append(i).append(":\n    image: nginx:1.27\n    env_file: vars.env\n");
    }
    LoadOptions options = write(text.toString());

    assertThat(ProjectLoader.load(options, true, WHOLE, NOT_AHEAD).errors()).isEmpty();
    // with no room but the files' characters, each service's 200 nodes (a key and a value per variable) count
    List<Diagnostic> errors =
        ProjectLoader.load(options, true, ExpansionBudget.inOrder(ExpansionBudget.BINDINGS, 0)).errors();
    int fit = (text.length() + variables.length()) / 200;
    assertThat(fit).isBetween(3, 15);
    assertThat(errors).hasSize(20 - fit);
    Diagnostic first = errors.get(0);
    assertThat(first.at().line()).isEqualTo(2 + 3 * fit + 2);
    assertThat(first.at().column()).isEqualTo("    env_file: ".length() + 1);
    assertThat(first.message()).startsWith("env file vars.env would add its 100 variables to the environment of"
        + " web-" + fit + ":").endsWith("Compose sets no such limit. Read the file in fewer services");
    assertThat(errors).allMatch(Diagnostic::pastLashingLimit);
  }

  @Test
  void stepsOfAChainThroughOtherFilesPastTheirBudgetAreRefusedWhereTheyAreWritten() throws IOException {
    // 500 files, each extending the next, down to a base of 10,000 labels: each step copies the base again
    int files = 500;
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  app:\n    extends: {file: e1.yaml, service: s}\n");
    for (int i = 1; i < files; i++) {
      Files.writeString(dir.resolve("e" + i + ".yaml"),
          "services:\n  s:\n    extends: {file: e" + (i + 1) + ".yaml, service: s}\n");
    }
    StringBuilder base = new StringBuilder("services:\n  s:\n    image: nginx:1.27\n    labels:\n");
    for (int i = 0; i < 10_000; i++) {
      base.append("      l").append(i).append(": x\n");
    }
    Files.writeString(dir.resolve("e" + files + ".yaml"), base);
    LoadOptions options = LoadOptions.of(dir, Map.of(), dir.resolve("compose.yaml"));

    long size = 1 + 2 + 1 + (1 + 2 * 10_000); // the service: its mapping, image, and labels with each label
    long steps = ExpansionBudget.STEP_NODES / size; // the steps that fit, from the base up
    List<Diagnostic> errors = ProjectLoader.loadLeniently(options, Map.of()).errors();
    Diagnostic refused = errors.stream().filter(e -> e.message().startsWith("extends would copy")).findFirst()
        .orElseThrow();
    assertThat(refused.at().file()).isEqualTo("e" + (files - steps - 1) + ".yaml");
    assertThat(refused.at().line()).isEqualTo(3);
    assertThat(refused.message()).contains("into \"s\" of e" + (files - steps - 1) + ".yaml")
        .contains("more than 8,388,608 nodes");
    assertThat(refused.pastLashingLimit()).isTrue();
  }
}
