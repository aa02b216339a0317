package dev.lashing.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.fix.YamlFile.ListStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlTextTest {
  private final YamlText yaml = new YamlText(new YamlFile.Style(2, true, '"', "\n", ListStyle.BLOCK,
      Map.of("test", ListStyle.QUOTED_FLOW)));

  @Test
  void newValuesEscapeDollarsForInterpolation() {
    assertThat(yaml.string("$HOME", false)).isEqualTo("$$HOME");
    assertThat(yaml.scalar("pa$$", false)).isEqualTo("pa$$$$");
  }

  @Test
  void numbersBooleansAndNulls() {
    assertThat(yaml.scalar(1.0, false)).isEqualTo("1.0");
    assertThat(yaml.scalar(0.25, false)).isEqualTo("0.25");
    assertThat(yaml.scalar(200L, false)).isEqualTo("200");
    assertThat(yaml.scalar(true, false)).isEqualTo("true");
    assertThat(yaml.scalar(null, false)).isEqualTo("null");
  }

  @Test
  void blockAndFlowCollections() {
    Map<String, Object> healthcheck = new LinkedHashMap<>();
    healthcheck.put("test", List.of("CMD", "redis-cli", "ping"));
    healthcheck.put("retries", 5L);
    healthcheck.put("empty", Map.of());
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("healthcheck", healthcheck);
    entry.put("cap_drop", List.of("ALL"));
    entry.put("ports", List.of(Map.of("target", 80L)));
    assertThat(yaml.entries(entry, 4)).containsExactly(
        "    healthcheck:",
        "      test: [\"CMD\", \"redis-cli\", \"ping\"]",
        "      retries: 5",
        "      empty: {}",
        "    cap_drop:",
        "      - ALL",
        "    ports:",
        "      - target: 80");
    assertThat(yaml.flow(entry)).isEqualTo(
        "{healthcheck: {test: [CMD, redis-cli, ping], retries: 5, empty: {}}, cap_drop: [ALL], ports: [{target: 80}]}");
  }

  @Test
  void indentlessSequencesWhenTheFileWritesThem() {
    YamlText indentless = new YamlText(new YamlFile.Style(4, false, '\'', "\r\n", ListStyle.BLOCK, Map.of()));
    assertThat(indentless.afterKey("cap_drop", List.of("ALL"), 2, 10)).isEqualTo("\r\n  - ALL");
    assertThat(indentless.afterKey("logging", Map.of("k", "v"), 2, 10)).isEqualTo("\r\n      k: v");
  }

  /** A new list is written as the file writes that key's lists, else as most of its lists; long ones in block. */
  @Test
  void listsInTheStyleTheFileWritesThem() {
    YamlText flow = new YamlText(new YamlFile.Style(2, true, '\'', "\n", ListStyle.FLOW,
        Map.of("test", ListStyle.QUOTED_FLOW, "cap_drop", ListStyle.BLOCK)));
    assertThat(flow.afterKey("tmpfs", List.of("/tmp", "/run"), 4, 10)).isEqualTo(" [/tmp, /run]");
    assertThat(flow.afterKey("cap_add", List.of("CHOWN"), 4, 10)).isEqualTo(" [CHOWN]");
    assertThat(flow.afterKey("test", List.of("CMD", "pg_isready"), 6, 10)).isEqualTo(" ['CMD', 'pg_isready']");
    assertThat(flow.afterKey("cap_drop", List.of("ALL"), 4, 10)).isEqualTo("\n      - ALL");
    assertThat(flow.afterKey("tmpfs", List.of("/" + "x".repeat(90), "/y"), 4, 10))
        .isEqualTo("\n      - /" + "x".repeat(90) + "\n      - /y");
  }

  @Test
  void aStringWrittenAgainInTheOtherContextIsJudgedForIt() {
    assertThat(yaml.text("a,b", false)).isEqualTo("a,b");
    assertThat(yaml.text("a,b", true)).isEqualTo("\"a,b\"");
    assertThat(yaml.text("a,b", false)).isEqualTo("a,b");
    assertThat(yaml.text("yes", false)).isEqualTo("\"yes\"");
    assertThat(yaml.text("yes", false)).isEqualTo("\"yes\"");
  }
}
