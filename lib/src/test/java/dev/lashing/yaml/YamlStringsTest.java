package dev.lashing.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlStringsTest {

  @Test
  void stringsArePlainOnlyWhenEveryReaderReadsTheSameString() {
    for (String plain : List.of("unless-stopped", "json-file", "10m", "512m", "no-new-privileges:true", "/tmp",
        "127.0.0.1:8080:80", "8080:80", "--quiet", "CMD-SHELL", "a b")) {
      assertThat(YamlStrings.isPlainSafe(plain, false)).as(plain).isTrue();
    }
    for (String quoted : List.of("no", "on", "Off", "y", "22:22", "8080", "3", "0755", "1.5", "true", "null", "~",
        "", " x", "a: b", "a #b", "*x", "&x", "!x", "- x", "---x", "[x]", "{x}", "@x", "`x", "%x", "x:", "<<",
        "=", "\tx", "2001-12-14", "x\u2028y", "Yes", "NO", "ON", "-1", "+1", ".5", "-.5")) {
      assertThat(YamlStrings.isPlainSafe(quoted, false)).as(quoted).isFalse();
    }
    assertThat(YamlStrings.isPlainSafe("a,b", false)).isTrue();
    assertThat(YamlStrings.isPlainSafe("a,b", true)).isFalse();
    assertThat(YamlStrings.isPlainSafe("::1", false)).isTrue();
    assertThat(YamlStrings.isPlainSafe("::1", true)).isFalse();
    // Compose ends an unquoted value within brackets at a '?' and refuses what follows
    assertThat(YamlStrings.isPlainSafe("http://x/health?ready=1", false)).isTrue();
    assertThat(YamlStrings.isPlainSafe("http://x/health?ready=1", true)).isFalse();
  }

  @Test
  void quotingUsesTheRequestedQuoteUnlessEscapesAreNeeded() {
    assertThat(YamlStrings.quoted("it's", '\'')).isEqualTo("'it''s'");
    assertThat(YamlStrings.quoted("a\"b\\c", '"')).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(YamlStrings.quoted("line\nbreak", '\'')).isEqualTo("\"line\\nbreak\"");
    assertThat(YamlStrings.doubleQuoted("bom\uFEFF")).isEqualTo("\"bom\\ufeff\"");
    // Compose's reader refuses the controls written as they are, and U+FFFE and U+FFFF are no characters
    assertThat(YamlStrings.quoted("c1\u0080\u009f", '\'')).isEqualTo("\"c1\\u0080\\u009f\"");
    assertThat(YamlStrings.doubleQuoted("\uFFFE\uFFFF")).isEqualTo("\"\\ufffe\\uffff\"");
    assertThat(YamlStrings.isPlainSafe("del\u007f", false)).isFalse();
  }

  @Test
  void everyWrittenStringReadsBackUnchanged() {
    for (String s : List.of("no", "22:22", "0755", "a: b", "it's", "line\nbreak", "tab\there", "<<", "~",
        "del\u007f", "c1\u0080", "nel\u0085", "ls\u2028ps\u2029", "\uFEFFbom", "\uFFFE")) {
      String yaml = "v: " + (YamlStrings.isPlainSafe(s, false) ? s : YamlStrings.doubleQuoted(s)) + "\n";
      var root = (dev.lashing.tree.MapNode) YamlReader.read(new dev.lashing.source.SourceFile("t.yaml", yaml)).get(0);
      assertThat(((dev.lashing.tree.ScalarNode) root.get("v")).value()).as(s).isEqualTo(s);
    }
  }
}
