package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.testing.AliasBomb;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input ends in a positioned message, or where it is valid a normal result: the outcomes of the cases
 * scripts/hostile.sh times (the script measures time and memory; these tests check what the user sees).
 */
class HostileInputTest {
  private static final String BOMB = AliasBomb.ofLevels(12);
  /** Files in the include and extends chains. */
  private static final int CHAIN = 2000;

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int lint(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "lint";
    System.arraycopy(args, 0, all, 1, args.length);
    return new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), dir).run(all);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Twenty thousand pieces of YAML, one per number, in order. */
  private static String twentyThousand(IntFunction<String> piece) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append(piece.apply(i));
    }
    return text.toString();
  }

  /** What {@code config -f compose.yaml}, which must succeed, prints from the key of service {@code name} on. */
  private String configFrom(String name) {
    int status = new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), dir).run("config", "-f", "compose.yaml");
    assertThat(status).as(err.toString()).isZero();
    return out.toString().substring(out.toString().indexOf("\n  " + name + ":\n"));
  }

  @Test
  void anAliasBombInTheComposeFile() throws IOException {
    write("compose.yaml", BOMB);
    assertThat(lint("compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(out.toString()).contains("compose.yaml:4:").contains("excessive aliasing");
  }

  @Test
  void anAliasBombInLashingYml() throws IOException {
    write("compose.yaml", "services:\n  web: {image: nginx:1.27}\n");
    write(".lashing.yml", BOMB);
    assertThat(lint("compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(out.toString() + err.toString()).contains(".lashing.yml:4:").contains("excessive aliasing");
  }

  @Test
  void aKeyOfOneMegabyteIsRefusedWithAPosition() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    labels:\n      " + "k".repeat(1 << 20) + ": v\n");
    // YAML allows an implicit key of at most 1024 characters; Compose's reader refuses it too
    assertThat(lint("compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(out.toString()).contains("compose.yaml:").contains("invalid YAML");
  }

  @Test
  void aFileOver16MiBIsRefusedWithAPosition() throws IOException {
    write("compose.yaml", "services: {}\n" + "#".repeat(16 << 20) + "\n");
    assertThat(lint("compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(out.toString() + err.toString()).contains("compose.yaml").contains("bytes are not read");
  }

  /**
   * fix and patch never write a file that Lashing would refuse to read: a file just under the limit, whose fixes
   * would take it over, is left as it is, with the reason (not an internal error).
   */
  @Test
  void fixMakesNoFileOver16MiB() throws IOException {
    String compose = "services:\n  web:\n    image: nginx:1.27\n" + "#".repeat((16 << 20) - 100) + "\n";
    write("compose.yaml", compose);
    int status = new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), dir)
        .run("fix", "--unsafe-fixes", "--write", "compose.yaml");
    assertThat(status).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("lashing: fix writes nothing for compose.yaml: compose.yaml would be ")
        .contains(" bytes long, and Lashing reads no file over 16777216 bytes").doesNotContain("internal error");
    assertThat(Files.readString(dir.resolve("compose.yaml"))).isEqualTo(compose);
  }

  @Test
  void patchMakesNoFileOver16MiB() throws IOException {
    // each service's part of the patch is some 650 bytes
    write("compose.yaml", "services:\n" + twentyThousand(i -> "  s" + i + ": {image: nginx:1.27}\n")
        + twentyThousand(i -> "  t" + i + ": {image: nginx:1.27}\n"));
    int status = new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), dir)
        .run("patch", "-f", "compose.yaml", "-o", "hardening.patch.yml");
    assertThat(status).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("lashing: patch writes nothing: hardening.patch.yml would be ")
        .contains(" bytes long, and Lashing reads no file over 16777216 bytes").doesNotContain("internal error");
    assertThat(dir.resolve("hardening.patch.yml")).doesNotExist();
  }

  /**
   * A file that never ends (a device, a pipe kept open, a /proc file that reports no size) is read only as far as
   * the limit: the same refusal, at once, not a read until memory runs out.
   */
  @Test
  void aFileThatNeverEndsIsRefusedAtTheLimit() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero")), "skipped: no /dev/zero");
    assertThat(lint("/dev/zero")).isEqualTo(Cli.INVALID);
    assertThat(out.toString() + err.toString()).contains("/dev/zero").contains("bytes are not read");
  }

  // Each level of an include or extends chain is a few calls deeper in the loader: these run `lashing` as its
  // launcher does, in a JVM whose threads get a 256 KiB stack by default, where a chain of a thousand files
  // overflowed the stack before the command ran on a thread of its own (DeepStack).

  @Test
  void aDeepExtendsChain() throws Exception {
    write("compose.yaml", "services:\n  s0:\n    extends: {file: e1.yaml, service: s}\n    image: nginx:1.27\n");
    for (int i = 1; i < CHAIN; i++) {
      write("e" + i + ".yaml", "services:\n  s:\n    extends: {file: e" + (i + 1) + ".yaml, service: s}\n"
          + "    environment: [L" + i + "=1]\n");
    }
    write("e" + CHAIN + ".yaml", "services:\n  s:\n    image: busybox\n");
    Process lashing = lashingProcess("lint", "--quiet", "compose.yaml");
    assertThat(lashing.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isEqualTo(Cli.OK);
    assertThat(Files.readString(dir.resolve("out.txt"))).contains("compose.yaml:2:3: medium [cap-drop-all]");
  }

  @Test
  void aThousandServicesOfOneFileExtendingEachOther() throws IOException {
    StringBuilder yaml = new StringBuilder("services:\n  s0:\n    image: busybox:1.36\n    environment: [A0=1]\n");
    for (int i = 1; i < 1000; i++) {
      yaml.append("  s").append(i).append(":\n    extends: s").append(i - 1).append("\n    environment: [A")
          .append(i).append("=1]\n");
    }
    write("compose.yaml", yaml.toString());
    assertThat(configFrom("s999")).contains("A0: '1'").contains("A998: '1'").contains("A999: '1'");
  }

  @Test
  void fourHundredServicesExtendingABaseWhoseChainIsFourHundredLong() throws IOException {
    StringBuilder base = new StringBuilder("services:\n");
    StringBuilder compose = new StringBuilder("services:\n");
    for (int i = 0; i < 399; i++) {
      base.append("  b").append(i).append(":\n    extends: b").append(i + 1).append("\n    environment: [B").append(i)
          .append("=1]\n");
      compose.append("  s").append(i).append(":\n    extends: {file: base.yaml, service: b0}\n");
    }
    write("base.yaml", base.append("  b399:\n    image: busybox:1.36\n").toString());
    write("compose.yaml", compose.toString());
    assertThat(configFrom("s398")).contains("B0: '1'").contains("B398: '1'").contains("image: busybox:1.36");
  }

  @Test
  void aDeepIncludeChain() throws Exception {
    write("compose.yaml", "include: [i1.yaml]\nservices:\n  web: {image: nginx:1.27}\n");
    for (int i = 1; i < CHAIN; i++) {
      write("i" + i + ".yaml", "include: [i" + (i + 1) + ".yaml]\nservices:\n  s" + i + ": {image: busybox}\n");
    }
    write("i" + CHAIN + ".yaml", "services:\n  last: {image: busybox}\n");
    Process lashing = lashingProcess("lint", "--quiet", "compose.yaml");
    assertThat(lashing.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isEqualTo(Cli.OK);
    assertThat(Files.readString(dir.resolve("out.txt")))
        .contains("i" + CHAIN + ".yaml:2:3: medium [cap-drop-all] service 'last'");
  }

  /** {@code lashing ARGS} in its own JVM with a small default stack; its output in out.txt and err.txt. */
  private Process lashingProcess(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xss256k", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("lashing ended").isTrue();
    return process;
  }

  @Test
  void anIntegerWithALeadingZeroCastFromAString() throws IOException {
    // the schema check read the leading zero of a cast "09" as octal and failed with an internal error (fuzz
    // crash); Compose's cast (strconv.Atoi) reads it as 9
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    deploy:\n      replicas: \"09\"\n");
    int status = new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), dir).run("config", "-f", "compose.yaml");
    assertThat(status).as(out.toString() + err).isZero();
    assertThat(out.toString()).contains("replicas: 9\n");
  }

  @Test
  void twentyThousandSuppressionCommentsInARun() throws IOException {
    // each own-line directive covers the next line that is not a comment: all of them cover privileged, and the
    // first one suppresses it
    StringBuilder yaml = new StringBuilder("services:\n  web:\n    image: nginx:1.27\n");
    for (int i = 0; i < 20_000; i++) {
      yaml.append("    # lashing-ignore privileged -- reason ").append(i).append('\n');
    }
    write("compose.yaml", yaml.append("    privileged: true\n").toString());
    assertThat(lint("--quiet", "compose.yaml")).as(err.toString()).isIn(Cli.OK, Cli.FINDINGS);
    assertThat(out.toString()).doesNotContain("[privileged]").doesNotContain("compose.yaml:4:5:")
        .contains("compose.yaml:5:5: low [unused-suppression] lashing-ignore for privileged suppresses nothing")
        .contains("compose.yaml:20003:5: low [unused-suppression]");
  }

  @Test
  void fiftyThousandReferencesWithDefaultsOnOneLine() throws IOException {
    // each ${NAME:-default} with an operator reaches to the last closing brace of its line (compose-go's pattern):
    // the rest of the line is substituted on its own, fifty thousand levels deep
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      value.append(i == 0 ? "" : " ").append("${V").append(i).append(":-d").append(i).append('}');
    }
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    environment:\n      X: \"" + value + "\"\n");
    int status = new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), dir).run("config", "-f", "compose.yaml");
    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("X: d0 d1 d2 ").contains(" d49998 d49999\n");
  }

  @Test
  void twentyThousandConfigsWhoseOnlySourceIsRefused() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:1.27\nconfigs:\n"
        + twentyThousand(i -> "  c" + i + ":\n    external: ${UNSET_" + i + "}\n"));
    assertThat(lint("--format", "github", "compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(out.toString().lines().filter(l -> l.contains("configs.c") && l.contains("invalid boolean")))
        .hasSize(20_000);
    assertThat(out.toString()).doesNotContain("must be set");
  }

  /** A tab after a key's colon makes a second reading; twenty thousand quoted values keep theirs as text. */
  @Test
  void twentyThousandQuotedValuesWithATabAfterAColon() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image:\tnginx:1.27\n    environment:\n"
        + twentyThousand(i -> "      K" + i + ": \"a:\tb\"\n"));
    assertThat(configFrom("web")).contains("      K19999: \"a:\\tb\"\n").contains("image: nginx:1.27");
  }

  /**
   * "Aa" and "BB" hash alike in Java, and so does every word of fifteen of them: service names made so, each
   * depending on the one before, must not make each look-up of a service walk all the others.
   */
  @Test
  void twentyThousandServicesWhoseNamesShareOneHash() throws IOException {
    IntFunction<String> name = i -> {
      StringBuilder word = new StringBuilder("s");
      for (int bit = 0; bit < 15; bit++) {
        word.append((i >> bit & 1) == 1 ? "Aa" : "BB");
      }
      return word.toString();
    };
    assertThat(name.apply(1).hashCode()).isEqualTo(name.apply(2).hashCode());
    write("compose.yaml", "services:\n" + twentyThousand(i -> "  " + name.apply(i) + ":\n    image: busybox:1.36\n"
        + (i == 0 ? "" : "    depends_on: [" + name.apply(i - 1) + "]\n")));
    assertThat(configFrom(name.apply(19_999))).contains("      " + name.apply(19_998) + ":\n");
  }

  /** A media relay publishes a range of all the high ports: each binding is compared once, not with every other. */
  @Test
  void aRangeOfSixtyFiveThousandPorts() throws IOException {
    write("compose.yaml", """
        services:
          turn:
            image: coturn/coturn:4.6
            ports: ["3478:3478/udp", "1-65535:1-65535/udp"]
        """);
    assertThat(lint("--format", "github", "compose.yaml")).isIn(Cli.OK, Cli.FINDINGS);
    // the range's 3478/udp takes the place of the entry before it, as in Compose: one entry is left to bind
    assertThat(out.toString().lines().filter(l -> l.contains("port-all-interfaces")))
        .singleElement().asString().contains("port 1-65535:1-65535/udp of turn");
    out.getBuffer().setLength(0);
    int status = new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), dir)
        .run("patch", "-f", "compose.yaml");
    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("\"127.0.0.1:1-65535:1-65535/udp\"");
  }

  /** Two relays on one range of every port: one finding for the entry published again, not one for each port. */
  @Test
  void aRangeOfEveryPortPublishedByTwoServices() throws IOException {
    write("compose.yaml", relaysOnEveryPort(2));
    assertThat(lint("--format", "github", "compose.yaml")).isEqualTo(Cli.FINDINGS);
    assertThat(out.toString().lines().filter(l -> l.contains("duplicate-published-port")))
        .singleElement().asString()
        .contains("host ports 1-65535/udp are already published by service 'turn-0' at line 4");
  }

  /**
   * A hundred relays on every port would be 6.5 million bindings from a file of 8 KB: past the second, each range
   * is refused where it is written, and the rest is linted.
   */
  @Test
  void aRangeOfEveryPortPublishedByAHundredServicesIsRefusedPastTheSecond() throws IOException {
    write("compose.yaml", relaysOnEveryPort(100));
    assertThat(lint("--format", "github", "compose.yaml")).isEqualTo(Cli.INVALID);
    List<String> refused = out.toString().lines().filter(l -> l.contains("invalid-value")).toList();
    assertThat(refused).hasSize(98);
    assertThat(refused.get(0)).contains("line=10,col=13")
        .contains("port range 1-65535:1-65535/udp is 65,535 bindings").contains("more than 131,072");
    assertThat(out.toString().lines().filter(l -> l.contains("duplicate-published-port"))).hasSize(1);
    assertThat(out.toString().lines().filter(l -> l.contains("title=restart-policy"))).hasSize(100);
  }

  private static String relaysOnEveryPort(int relays) {
    StringBuilder services = new StringBuilder("services:\n");
    for (int i = 0; i < relays; i++) {
      services.append("  turn-").append(i)
          .append(":\n    image: coturn/coturn:4.6\n    ports: [\"1-65535:1-65535/udp\"]\n");
    }
    return services.toString();
  }

  @Test
  void twentyThousandImagesThatEachReadAnUnsetTag() throws IOException {
    write("compose.yaml", "services:\n" + twentyThousand(i -> "  s" + i + ":\n    image: app:${TAG_" + i + "}\n"));
    lint("--format", "github", "compose.yaml");
    // "app:" is no image reference, but only for want of the tag: unset-variable says so, invalid-value does not
    assertThat(out.toString().lines().filter(l -> l.contains("unset-variable") && l.contains("TAG_"))).hasSize(20_000);
    assertThat(out.toString()).doesNotContain("invalid-value");
  }

  @Test
  void defaultsNestedTwentyThousandDeepAreRefusedWithAPosition() throws IOException {
    StringBuilder image = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      image.append("${V").append(i).append(":-");
    }
    image.append("1.27").append("}".repeat(20_000));
    write("compose.yaml", "services:\n  web:\n    image: \"nginx:" + image + "\"\n");
    assertThat(lint("--quiet", "compose.yaml")).isEqualTo(Cli.INVALID); // Compose refuses the project
    int column = "    image: \"nginx:".length() + image.indexOf("${V200:-") + 1;
    assertThat(out.toString()).contains("compose.yaml:3:" + column + ": high [invalid-interpolation]")
        .contains("defaults are nested deeper than 200 levels");
  }

  @Test
  void anEnvFileOfAMillionLines() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:${TAG}\n");
    StringBuilder env = new StringBuilder();
    for (int i = 0; i < 1_000_000; i++) {
      env.append('V').append(i).append("=value\n");
    }
    write(".env", env.append("TAG=1.27\n").toString());
    assertThat(lint("--quiet", "compose.yaml")).as(out.toString() + err).isIn(Cli.OK, Cli.FINDINGS);
    assertThat(out.toString() + err).doesNotContain("TAG");
  }

  @Test
  void anEnvFileWhoseVariableDoublesLineAfterLine() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx:${A}\n");
    write(".env", "A=0123456789abcdef\n" + "A=${A}${A}\n".repeat(60));
    assertThat(lint("compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(out.toString()).contains(".env:23:3: ").contains("variable references add more than 67108864 characters");
  }

  @Test
  void deepNestingAndInvalidUtf8AreRefusedWithAPosition() throws IOException {
    write("compose.yaml", "x: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
    assertThat(lint("compose.yaml")).isEqualTo(Cli.INVALID);
    assertThat(out.toString()).contains("compose.yaml:1:").contains("nesting deeper than 200 levels");
    Files.write(dir.resolve("bad.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
    assertThat(lint("bad.yaml")).isEqualTo(Cli.INVALID);
    assertThat(out.toString()).contains("bad.yaml:1:");
  }
}
