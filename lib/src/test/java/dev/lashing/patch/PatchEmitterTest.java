package dev.lashing.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.patch.PatchMap.Raw;
import dev.lashing.patch.PatchMap.Tag;
import dev.lashing.patch.PatchMap.Tagged;
import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PatchEmitterTest {

  private static MapNode read(String yaml) {
    return (MapNode) YamlReader.read(new SourceFile("patch.yml", yaml)).get(0);
  }

  /** Every string reads back as the same string, in block and in flow context, YAML 1.1 words included. */
  @ParameterizedTest
  @ValueSource(strings = {"no", "No", "yes", "on", "OFF", "y", "n", "true", "null", "~", "", " lead", "trail ",
      "0.5", "3", "0x1F", "0o17", "017", "1e3", ".inf", "-.NaN", "8080:80", "22:22", "1:20:30", "2024-05-01",
      "a: b", "a #b", "#x", "-x", "-", "--", "- x", "---", "? q", ":9090", "x:", "[a]", "{a}", "a,b", "*ref", "&a",
      "!tag", "|", ">", "'q'", "\"d\"", "%x", "@x", "`x", "<<", "=", "tab\there", "é ü ✓", "127.0.0.1:8080:80",
      "no-new-privileges:true", "${VAR}", "back\\slash", "\u0007bell"})
  void stringsReadBackUnchanged(String text) {
    PatchMap map = new PatchMap();
    map.put("block", text);
    map.put("flow", List.of(text, "x"));
    MapNode read = read(PatchEmitter.write(List.of(), map));
    ScalarNode block = (ScalarNode) read.get("block");
    assertThat(block.type()).isEqualTo(ScalarNode.Type.STRING);
    assertThat(block.value()).isEqualTo(text.replace("$", "$$"));
    ScalarNode flow = (ScalarNode) ((SeqNode) read.get("flow")).get(0);
    assertThat(flow.type()).isEqualTo(ScalarNode.Type.STRING);
    assertThat(flow.value()).isEqualTo(text.replace("$", "$$"));
  }

  @Test
  void literalDollarsAreEscapedAndTemplatesKept() {
    PatchMap map = new PatchMap();
    map.put("literal", "$HOME and ${X}");
    map.put("template", new Raw("${DB_PASSWORD}"));
    String yaml = PatchEmitter.write(List.of(), map);
    assertThat(yaml).contains("literal: \"$$HOME and $${X}\"").contains("template: \"${DB_PASSWORD}\"");
  }

  @Test
  void numbersBooleansAndNullsKeepTheirType() {
    PatchMap map = new PatchMap();
    map.put("cpus", 0.25);
    map.put("whole", 1.0);
    map.put("pids", 200L);
    map.put("read_only", true);
    map.put("nothing", null);
    MapNode read = read(PatchEmitter.write(List.of(), map));
    assertThat(((ScalarNode) read.get("cpus")).type()).isEqualTo(ScalarNode.Type.FLOAT);
    assertThat(((ScalarNode) read.get("whole")).value()).isEqualTo("1.0");
    assertThat(((ScalarNode) read.get("pids")).type()).isEqualTo(ScalarNode.Type.INT);
    assertThat(((ScalarNode) read.get("read_only")).type()).isEqualTo(ScalarNode.Type.BOOL);
    assertThat(((ScalarNode) read.get("nothing")).isNull()).isTrue();
  }

  @Test
  void tagsAreWrittenOnScalarsListsAndMappings() {
    PatchMap service = new PatchMap();
    service.put("network_mode", new Tagged(Tag.RESET, null));
    service.put("ports", new Tagged(Tag.RESET, List.of()));
    PatchMap port = new PatchMap();
    port.put("target", 80L);
    port.put("host_ip", "::1");
    service.put("expose", new Tagged(Tag.OVERRIDE, List.of(port, "127.0.0.1:81:81")));
    PatchMap deploy = service.child("deploy");
    deploy.put("restart_policy", new Tagged(Tag.RESET, new PatchMap()));
    PatchMap root = new PatchMap();
    root.child("services").put("web", service);
    String yaml = PatchEmitter.write(List.of(), root);
    MapNode web = (MapNode) ((MapNode) read(yaml).get("services")).get("web");
    assertThat(web.get("network_mode").tag()).isEqualTo(Node.MergeTag.RESET);
    assertThat(web.get("ports").tag()).isEqualTo(Node.MergeTag.RESET);
    Node expose = web.get("expose");
    assertThat(expose.tag()).isEqualTo(Node.MergeTag.OVERRIDE);
    assertThat(((MapNode) ((SeqNode) expose).get(0)).keys()).containsExactly("target", "host_ip");
    assertThat(((MapNode) web.get("deploy")).get("restart_policy").tag()).isEqualTo(Node.MergeTag.RESET);
  }

  @Test
  void commentsNameTheRulesAndNotesSitBesideTheValue() {
    PatchMap root = new PatchMap();
    PatchMap web = root.child("services").child("web");
    web.put("restart", "unless-stopped");
    web.addRule("restart", "restart-policy");
    web.put("ports", new Tagged(Tag.RESET, List.of()));
    web.addRule("ports", "internal-service-published");
    web.note("ports", "why");
    root.child("services").entry("web").comments().add("a comment");
    String yaml = PatchEmitter.write(List.of("Header line", ""), root);
    assertThat(yaml).isEqualTo("""
        # Header line
        #

        services:
          # a comment
          web:
            # restart-policy
            restart: unless-stopped
            # internal-service-published
            ports: !reset []  # why
        """);
  }

  @Test
  void keysThatTheSameRulesPutThereShareOneComment() {
    PatchMap root = new PatchMap();
    PatchMap web = root.child("services").child("web");
    web.put("restart", "unless-stopped");
    web.addRule("restart", "restart-policy");
    web.put("read_only", true);
    web.addRule("read_only", "read-only-rootfs");
    web.put("tmpfs", List.of("/tmp"));
    web.addRule("tmpfs", "read-only-rootfs");
    web.put("cap_drop", List.of("ALL"));
    web.addRule("cap_drop", "cap-drop-all");
    web.put("privileged", false);
    web.put("security_opt", List.of("no-new-privileges:true"));
    web.addRule("security_opt", "cap-drop-all");
    assertThat(PatchEmitter.write(List.of(), root)).isEqualTo("""
        services:
          web:
            # restart-policy
            restart: unless-stopped
            # read-only-rootfs
            read_only: true
            tmpfs: [/tmp]
            # cap-drop-all
            cap_drop: [ALL]
            privileged: false
            # cap-drop-all
            security_opt: ["no-new-privileges:true"]
        """);
  }

  @Test
  void multiLineStringsAreLiteralBlocks() {
    PatchMap map = new PatchMap();
    String script = "set -eu\necho \"$HOME\"\n\nexit 0\n";
    map.put("command", List.of(script));
    map.put("single", "a\nb");
    String yaml = PatchEmitter.write(List.of(), map);
    MapNode read = read(yaml);
    assertThat(((ScalarNode) ((SeqNode) read.get("command")).get(0)).value()).isEqualTo(script.replace("$", "$$"));
    assertThat(((ScalarNode) read.get("single")).value()).isEqualTo("a\nb");
  }

}
