package dev.lashing.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyDirectiveTest {
  @TempDir Path dir;

  @Test
  void aCommentAmongTheFirstLinesNamesThePolicy() {
    assertThat(PolicyDirective.in("# lashing: policy=development\nservices: {}\n")).contains(Policy.DEVELOPMENT);
    assertThat(PolicyDirective.in("\n# My stack\n---\n#lashing:policy = Production\nservices: {}\n"))
        .contains(Policy.PRODUCTION);
    assertThat(PolicyDirective.in("\uFEFF# lashing: policy=development\r\nservices: {}\r\n"))
        .as("after a byte order mark, with CRLF").contains(Policy.DEVELOPMENT);
  }

  @Test
  void onlyTheLinesThatStartInTheFirstEightKilobytesCount() {
    String comments = "# a long comment\n".repeat(8192 / 17 + 1);
    assertThat(PolicyDirective.in(comments + "# lashing: policy=development\n")).isEmpty();
    assertThat(PolicyDirective.in(comments.substring(0, 8000) + "\n# lashing: policy=development\n"))
        .contains(Policy.DEVELOPMENT);
  }

  @Test
  void itMustComeBeforeAnyContentAndNameAKnownPolicy() {
    assertThat(PolicyDirective.in("services: {}\n# lashing: policy=development\n")).isEmpty();
    assertThat(PolicyDirective.in("# lashing: policy=strict\nservices: {}\n")).isEmpty();
    assertThat(PolicyDirective.in("services:  # lashing: policy=development\n")).isEmpty();
    assertThat(PolicyDirective.of(dir.resolve("missing.yaml"))).isEmpty();
  }

  @Test
  void theFlagAndAGlobWinOverTheFileAndTheFileOverTheDefaultPolicy() throws IOException {
    Path config = dir.resolve(".lashing.yml");
    Files.writeString(config, """
        policy: production
        policies:
          - files: ["vendor/**"]
            policy: default
        """);
    LintConfig lint = ConfigLoader.load(config, ".lashing.yml", Map.of());
    Files.createDirectories(dir.resolve("vendor"));
    for (Path file : new Path[] {dir.resolve("compose.yaml"), dir.resolve("vendor/compose.yaml")}) {
      Files.writeString(file, "# lashing: policy=development\nservices: {}\n");
    }
    assertThat(lint.settingsFor(dir.resolve("compose.yaml"), null).policy()).isEqualTo(Policy.DEVELOPMENT);
    assertThat(lint.settingsFor(dir.resolve("compose.yaml"), Policy.DEFAULT).policy()).isEqualTo(Policy.DEFAULT);
    assertThat(lint.settingsFor(dir.resolve("vendor/compose.yaml"), null).policy()).isEqualTo(Policy.DEFAULT);
    Files.writeString(dir.resolve("plain.yaml"), "services: {}\n");
    assertThat(lint.settingsFor(dir.resolve("plain.yaml"), null).policy()).isEqualTo(Policy.PRODUCTION);
  }

  @Test
  void textTheCallerHoldsNamesThePolicyInsteadOfTheDiskBelowAGlob() throws IOException {
    Path config = dir.resolve(".lashing.yml");
    Files.writeString(config, """
        policies:
          - files: ["vendor/**"]
            policy: production
        """);
    LintConfig lint = ConfigLoader.load(config, ".lashing.yml", Map.of());
    Path file = dir.resolve("compose.yaml");
    Files.writeString(file, "services: {}\n");
    String unsaved = "# lashing: policy=development\nservices: {}\n";
    assertThat(lint.settingsForText(file, unsaved).policy()).isEqualTo(Policy.DEVELOPMENT);
    assertThat(lint.settingsForText(file, "services: {}\n").policy()).isEqualTo(Policy.DEFAULT);
    assertThat(lint.settingsForText(dir.resolve("vendor/compose.yaml"), unsaved).policy())
        .isEqualTo(Policy.PRODUCTION);
  }
}
