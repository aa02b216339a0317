package dev.lashing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.RuleSettings;
import dev.lashing.lint.Severity;
import dev.lashing.source.ComposeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private LintConfig load(String yaml) throws IOException {
    Path file = dir.resolve(".lashing.yml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file, ".lashing.yml", Map.<String, List<RuleOption>>ofEntries(
        Map.entry("read-only-rootfs", List.of(RuleOption.UNSAFE_FIX)),
        Map.entry("image-allowlist", takes("allowed", RuleOption.Type.TEXTS)),
        Map.entry("port-all-interfaces", takes("host_ip", RuleOption.Type.TEXT)),
        Map.entry("internal-service-published", takes("gateways", RuleOption.Type.TEXTS)),
        Map.entry("privileged", List.of()),
        // A rule pack's rules, which the bundled schema does not list: checked from their declarations alone.
        Map.entry("acme-memory", takes("database", RuleOption.Type.BYTES)),
        Map.entry("acme-pids", takes("pids", RuleOption.Type.NUMBER)),
        Map.entry("acme-processes", takes("processes", RuleOption.Type.WHOLE)),
        Map.entry("acme-ram", takes("ram", RuleOption.Type.MEMORY)),
        Map.entry("acme-cpus", takes("cpus", RuleOption.Type.CPUS)),
        Map.entry("acme-registries", takes("allowed", RuleOption.Type.TEXTS)),
        Map.entry("acme-bind", takes("host_ip", RuleOption.Type.TEXT)),
        Map.entry("acme-fixable", List.of(RuleOption.UNSAFE_FIX)),
        Map.entry("acme-address", takes("host_ip", RuleOption.Type.ADDRESS)),
        Map.entry("acme-network", takes("network", RuleOption.Type.NETWORK)),
        Map.entry("acme-plain", List.of())));
  }

  private static List<RuleOption> takes(String name, RuleOption.Type type) {
    return List.of(new RuleOption(name, type, "the " + name));
  }

  @Test
  void readsEverySetting() throws IOException {
    LintConfig config = load("""
        policy: production
        fail_on: medium
        policies:
          - files: ["dev/**", "compose.dev.yaml"]
            policy: development
        rules:
          read-only-rootfs: off
          image-allowlist:
            enabled: true
            options:
              allowed: ["ghcr.io/acme/*"]
          port-all-interfaces: critical
        ignore: vendor/**
        """);
    assertThat(config.policy()).isEqualTo(Policy.PRODUCTION);
    assertThat(config.failOn()).isEqualTo(Severity.MEDIUM);
    assertThat(config.policyFor(dir.resolve("dev/a/compose.yaml"))).isEqualTo(Policy.DEVELOPMENT);
    assertThat(config.policyFor(dir.resolve("sub/compose.dev.yaml"))).isEqualTo(Policy.DEVELOPMENT);
    assertThat(config.policyFor(dir.resolve("compose.yaml"))).isEqualTo(Policy.PRODUCTION);
    assertThat(config.ignores(dir.resolve("vendor/x/compose.yaml"))).isTrue();
    assertThat(config.ignores(dir.resolve("compose.yaml"))).isFalse();
    assertThat(config.rules().get("read-only-rootfs")).isEqualTo(new RuleSettings.PerRule(false, null, null));
    assertThat(config.rules().get("port-all-interfaces").severity()).isEqualTo(Severity.CRITICAL);
    assertThat(config.rules().get("image-allowlist").options().strings("allowed", List.of()))
        .containsExactly("ghcr.io/acme/*");
  }

  @Test
  void errorsArePositionedWithSuggestions() throws IOException {
    assertThatThrownBy(() -> load("policy: production\nrulez:\n  privileged: off\n"))
        .isInstanceOf(ComposeException.class)
        .hasMessageStartingWith(".lashing.yml:2:1: ")
        .hasMessageContaining("rulez")
        .hasMessageContaining("did you mean 'rules'");
    assertThatThrownBy(() -> load("policy: prod\n"))
        .hasMessageStartingWith(".lashing.yml:1:9: ");
    assertThatThrownBy(() -> load("rules:\n  privileged: sometimes\n"))
        .hasMessageStartingWith(".lashing.yml:2:15: ");
  }

  /** A schema problem does not hide the others: each mistake is told in one run, once. */
  @Test
  void everyMistakeIsToldAtOnce() {
    assertThatThrownBy(() -> load("fail_on: meduim\nrules:\n  privilegd: off\n  acme-memory:\n"
        + "    options: {database: lots, nope: 1}\n  internal-service-published:\n    options: {gatways: [web]}\n"))
        .isInstanceOf(ComposeException.class)
        .satisfies(e -> assertThat(((ComposeException) e).diagnostics()).extracting(d -> d.at().line() + ":"
            + d.at().column() + " " + d.message()).containsExactly(
                "1:10 fail_on must be one of 'critical', 'high', 'medium', 'low', 'info'",
                "3:3 rules: unknown rule 'privilegd' (did you mean 'privileged'?); `lashing rules` lists them",
                "5:25 rules: acme-memory: options: database: expected a byte size such as 512m or 2g",
                "5:31 rules: acme-memory: options: unknown option 'nope'; it takes database",
                "7:15 rules.internal-service-published.options additional properties 'gatways' not allowed (did you "
                    + "mean 'gateways'?)"));
  }

  @Test
  void unknownRulesAreRejectedWithASuggestion() {
    assertThatThrownBy(() -> load("rules:\n  privilegd: off\n"))
        .hasMessage(".lashing.yml:2:3: rules: unknown rule 'privilegd' (did you mean 'privileged'?); "
            + "`lashing rules` lists them");
  }

  @Test
  void builtInRulesOptionsAreCheckedByTheSchemaWithASuggestion() {
    assertThatThrownBy(() -> load("rules:\n  internal-service-published:\n    options: {gatways: [web]}\n"))
        .hasMessage(".lashing.yml:3:15: rules.internal-service-published.options additional properties 'gatways'"
            + " not allowed (did you mean 'gateways'?)");
    assertThatThrownBy(() -> load("rules:\n  read-only-rootfs:\n    options: {unsafe_fix: maybe}\n"))
        .hasMessage(".lashing.yml:3:27: rules.read-only-rootfs.options.unsafe_fix must be a boolean");
  }

  @Test
  void unknownOptionsAreRejectedWithASuggestion() {
    assertThatThrownBy(() -> load("rules:\n  acme-memory:\n    options:\n      databse: 1g\n"))
        .hasMessage(".lashing.yml:4:7: rules: acme-memory: options: unknown option 'databse' (did you mean"
            + " 'database'?); it takes database");
    assertThatThrownBy(() -> load("rules:\n  acme-plain:\n    options: {gateways: [web]}\n"))
        .hasMessage(".lashing.yml:3:15: rules: acme-plain: options: unknown option 'gateways'; it takes no options");
    assertThatThrownBy(() -> load("rules:\n  acme-fixable:\n    options: {unsafe_fixes: true}\n"))
        .hasMessageContaining("(did you mean 'unsafe_fix'?); it takes unsafe_fix");
  }

  @Test
  void optionsOfTheWrongTypeAreRejectedAtTheValue() {
    assertThatThrownBy(() -> load("""
        rules:
          acme-memory: {options: {database: lots}}
          acme-pids: {options: {pids: -3}}
          acme-registries: {options: {allowed: {ghcr.io: yes}}}
          acme-bind: {options: {host_ip: [127.0.0.1]}}
          acme-fixable: {options: {unsafe_fix: maybe}}
        """))
        .hasMessage(String.join("\n",
            ".lashing.yml:2:37: rules: acme-memory: options: database: expected a byte size such as 512m or 2g",
            ".lashing.yml:3:31: rules: acme-pids: options: pids: expected a positive number",
            ".lashing.yml:4:40: rules: acme-registries: options: allowed: expected a string or a list of strings",
            ".lashing.yml:5:34: rules: acme-bind: options: host_ip: expected a string",
            ".lashing.yml:6:40: rules: acme-fixable: options: unsafe_fix: expected true or false"));
    assertThat(catchThrowable(() -> load("""
        rules:
          acme-memory: {options: {database: 4g}}
          acme-pids: {options: {pids: 200}}
          acme-registries: {options: {allowed: "ghcr.io/acme/*"}}
          acme-fixable: {options: {unsafe_fix: true}}
        """))).isNull();
  }

  /**
   * Numbers a fix would write where the engine reads a 64-bit integer, or has a minimum, are checked for what it
   * takes: whole, in range, no less than its minimum.
   */
  @Test
  void numbersAreCheckedForWhatTheEngineTakes() {
    assertThatThrownBy(() -> load("""
        rules:
          acme-processes: {options: {processes: 1.5}}
          acme-ram: {options: {ram: 1}}
          acme-cpus: {options: {cpus: 0.001}}
        """))
        .hasMessage(String.join("\n",
            ".lashing.yml:2:41: rules: acme-processes: options: processes: expected a positive whole number",
            ".lashing.yml:3:29: rules: acme-ram: options: ram: expected a memory size of at least 6m, such as 512m"
                + " or 2g",
            ".lashing.yml:4:31: rules: acme-cpus: options: cpus: expected a number of CPUs of at least 0.01, such as"
                + " 0.5 or 2"));
    assertThatThrownBy(() -> load("rules:\n  acme-processes: {options: {processes: 99999999999999999999}}\n"))
        .hasMessageEndingWith("processes: expected a positive whole number up to 9223372036854775807");
    assertThatThrownBy(() -> load("rules:\n  acme-processes: {options: {processes: 1e30}}\n"))
        .hasMessageEndingWith("processes: expected a positive whole number up to 9223372036854775807");
    assertThatThrownBy(() -> load("rules:\n  acme-cpus: {options: {cpus: 99999999999}}\n"))
        .hasMessageEndingWith("cpus: expected a number of CPUs of at least 0.01, such as 0.5 or 2, and no more than"
            + " the engine can be given (cpus × 10^9 within 64 bits)");
    assertThatThrownBy(() -> load("rules:\n  acme-ram: {options: {ram: 8192p}}\n"))
        .hasMessageEndingWith("ram: expected a memory size of at least 6m, such as 512m or 2g");
    assertThat(catchThrowable(() -> load("""
        rules:
          acme-processes: {options: {processes: 9223372036854775807}}
          acme-ram: {options: {ram: 6m}}
        """))).isNull();
    assertThat(catchThrowable(() -> load("""
        rules:
          acme-processes: {options: {processes: 5.0}}
          acme-cpus: {options: {cpus: 0.01}}
        """))).isNull();
  }

  /** What a fix would write into compose files is checked here, not found wrong in the fixed file. */
  @Test
  void addressesAndNetworkNamesAreCheckedForWhatAFixWouldWrite() {
    assertThatThrownBy(() -> load("""
        rules:
          acme-address: {options: {host_ip: 300.1.1.1}}
          acme-network: {options: {network: "bad name!"}}
        """))
        .hasMessage(String.join("\n",
            ".lashing.yml:2:37: rules: acme-address: options: host_ip: expected the IP address of one interface, such"
                + " as 127.0.0.1 or ::1",
            ".lashing.yml:3:37: rules: acme-network: options: network: expected a network name of letters, digits,"
                + " '.', '_' and '-', other than default"));
    assertThatThrownBy(() -> load("rules:\n  acme-address: {options: {host_ip: \"0.0.0.0\"}}\n"))
        .hasMessageContaining("host_ip: expected the IP address of one interface");
    assertThatThrownBy(() -> load("rules:\n  acme-network: {options: {network: default}}\n"))
        .hasMessageContaining("network: expected a network name");
    assertThat(catchThrowable(() -> load("""
        rules:
          acme-address: {options: {host_ip: "::1"}}
          acme-network: {options: {network: back_end.1}}
        """))).isNull();
  }

  @Test
  void aGlobThatIsNotOneIsToldWhereItIsWritten() {
    assertThatThrownBy(() -> load("""
        policies:
          - files: ["dev/**", "{a"]
            policy: development
        ignore: ["vendor/**", "["]
        """))
        .hasMessage(String.join("\n",
            ".lashing.yml:2:23: policies: files: '{a' is not a glob: Missing '}",
            ".lashing.yml:4:23: ignore: '[' is not a glob: Missing ']"));
  }

  /** A glob written from the configuration's folder with ./ matches as written without it. */
  @Test
  void aGlobMayStartWithDotSlash() throws IOException {
    LintConfig config = load("""
        policies:
          - files: ["./dev/*.yaml"]
            policy: development
        ignore: ["./compose.yaml", "././vendor/**"]
        """);
    assertThat(config.ignores(dir.resolve("compose.yaml"))).isTrue();
    assertThat(config.ignores(dir.resolve("vendor/x/compose.yaml"))).isTrue();
    assertThat(config.ignores(dir.resolve("other.yaml"))).isFalse();
    assertThat(config.ignores(dir.resolve("sub/compose.yaml"))).as("./ anchors it beside the configuration").isFalse();
    assertThat(config.settingsFor(dir.resolve("dev/compose.yaml"), null).policy()).isEqualTo(Policy.DEVELOPMENT);
  }

  /** A glob that leaves the configuration's folder would match nothing: it is told, not silently kept. */
  @Test
  void aGlobOutsideTheConfigurationsFolderIsToldWhereItIsWritten() {
    assertThatThrownBy(() -> load("""
        policies:
          - files: ["../dev/**"]
            policy: development
        ignore: ["/srv/app/compose.yaml", "./../x", ".."]
        """))
        .hasMessage(String.join("\n",
            ".lashing.yml:2:13: policies: files: globs are relative to the configuration's folder and apply to the"
                + " files below it, so '../dev/**' would match none; write the path from that folder",
            ".lashing.yml:4:10: ignore: globs are relative to the configuration's folder and apply to the files below"
                + " it, so '/srv/app/compose.yaml' would match none; write the path from that folder",
            ".lashing.yml:4:35: ignore: globs are relative to the configuration's folder and apply to the files below"
                + " it, so './../x' would match none; write the path from that folder",
            ".lashing.yml:4:45: ignore: globs are relative to the configuration's folder and apply to the files below"
                + " it, so '..' would match none; write the path from that folder"));
  }

  @Test
  void isFoundUpwards() throws IOException {
    Files.writeString(dir.resolve(".lashing.yaml"), "policy: development\n");
    Path deep = Files.createDirectories(dir.resolve("a/b"));
    assertThat(ConfigLoader.find(deep)).contains(dir.resolve(".lashing.yaml"));
  }
}
