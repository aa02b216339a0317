package dev.lashing.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.ScalarNode;
import dev.lashing.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static String string(String s) {
    StringBuilder out = new StringBuilder();
    Json.string(s, out);
    return out.toString();
  }

  @Test
  void escapesAsGoEncoderDoes() {
    assertThat(string("say \"hi\" \\ <b>&amp;")).isEqualTo("\"say \\\"hi\\\" \\\\ \\u003cb\\u003e\\u0026amp;\"");
    assertThat(string("line\nbreak\r\ttab\u0001")).isEqualTo("\"line\\nbreak\\r\\ttab\\u0001\"");
    assertThat(string("ls\u2028ps\u2029")).isEqualTo("\"ls\\u2028ps\\u2029\"");
    assertThat(string("café 日本語 \ud83d\ude00")).isEqualTo("\"café 日本語 \ud83d\ude00\"");
  }

  /** Go's encoder writes these as they are; Compose, reading JSON as YAML, refuses or misreads them so. */
  @Test
  void escapesWhatComposeWouldNotReadAsWritten() {
    assertThat(string("del\u007f c1\u0080\u009f nel\u0085 bom\ufeff \ufffe\uffff"))
        .isEqualTo("\"del\\u007f c1\\u0080\\u009f nel\\u0085 bom\\ufeff \\ufffe\\uffff\"");
    String value = "del\u007f c1\u0080 nel\u0085 ls\u2028 bom\ufeff";
    MapNode read = (MapNode) YamlReader.read(new SourceFile("c.json", "{\"v\": " + string(value) + "}")).get(0);
    assertThat(((ScalarNode) read.get("v")).value()).isEqualTo(value);
  }

  /** Go's encoder refuses NaN and the infinities: written as they are, no JSON reader would read the text. */
  @Test
  void refusesWhatJsonHasNoFormFor() {
    assertThatThrownBy(() -> Json.writeLine(Map.of("a", List.of(1L, Map.of("b", Double.NEGATIVE_INFINITY))),
        new StringBuilder())).isInstanceOf(Json.UnsupportedValue.class)
        .hasMessage("a[1].b: -Inf cannot be written in JSON (json: unsupported value: -Inf)");
  }
}
