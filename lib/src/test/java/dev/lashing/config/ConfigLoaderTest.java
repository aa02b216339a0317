package dev.lashing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleSettings;
import dev.lashing.lint.Severity;
import dev.lashing.source.ComposeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private LintConfig load(String yaml) throws IOException {
    Path file = dir.resolve(".lashing.yml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file, ".lashing.yml",
        Set.of("read-only-rootfs", "image-allowlist", "port-all-interfaces", "privileged"));
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

  @Test
  void unknownRulesAreRejectedWithASuggestion() {
    assertThatThrownBy(() -> load("rules:\n  privilegd: off\n"))
        .hasMessage(".lashing.yml:2:3: rules: unknown rule 'privilegd' (did you mean 'privileged'?); "
            + "`lashing rules` lists them");
  }

  @Test
  void isFoundUpwards() throws IOException {
    Files.writeString(dir.resolve(".lashing.yaml"), "policy: development\n");
    Path deep = Files.createDirectories(dir.resolve("a/b"));
    assertThat(ConfigLoader.find(deep)).contains(dir.resolve(".lashing.yaml"));
  }
}
