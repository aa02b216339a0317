package dev.lashing.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.ScalarNode;
import dev.lashing.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigWriterTest {
  /** Strings that YAML (1.1 or go-yaml's 1.2) could read back as something else when written plain. */
  private static final List<String> TRICKY = List.of(
      "True", "TRUE", "False", "true", "null", "Null", "NULL", "~", "", "0755", "0x1F", "0o17", "0b101",
      "1_000", "+12", "-3", ".5", "1e3", "1.5", ".inf", "-.Inf", ".NaN", "yes", "No", "on", "OFF", "y", "N",
      "1:30", "22:22", "2001-12-14", "2001-12-14 21:59:43.10", "<<");

  @Test
  void everyStringLoadsBackAsTheSameString() {
    StringBuilder compose = new StringBuilder("services:\n  web:\n    image: busybox\n    environment:\n");
    for (int i = 0; i < TRICKY.size(); i++) {
      compose.append("      K").append(i).append(": '").append(TRICKY.get(i)).append("'\n");
    }
    MapNode project = read(compose.toString());

    MapNode printed = read(ConfigWriter.yaml(project));

    MapNode environment = (MapNode) ((MapNode) ((MapNode) printed.get("services")).get("web")).get("environment");
    for (int i = 0; i < TRICKY.size(); i++) {
      ScalarNode value = (ScalarNode) environment.get("K" + i);
      assertThat(value.type()).as("K%d: %s", i, TRICKY.get(i)).isEqualTo(ScalarNode.Type.STRING);
      assertThat(value.value()).as("K%d", i).isEqualTo(TRICKY.get(i));
    }
  }

  @Test
  void plainStringsNumbersAndBooleansStayPlain() {
    String yaml = ConfigWriter.yaml(read(
        "services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    ports:\n      - {target: 80}\n"));
    assertThat(yaml).contains("image: nginx:1.27\n").contains("read_only: true\n").contains("target: 80\n");
  }

  /** driver_opts and logging options are maps of strings in compose-go (types.Options), in either format. */
  @Test
  void optionsPrintAsStringsInYamlAndJson() {
    MapNode project = read("""
        services:
          web:
            image: nginx
            logging: {driver: local, options: {max-file: 3, big: 1e6, none: null}}
        networks:
          net: {driver_opts: {com.docker.network.driver.mtu: 1450}}
        volumes:
          data: {driver_opts: {size: 0x1F}}
        """);

    assertThat(ConfigWriter.yaml(project))
        .contains("        big: '1e+06'\n        max-file: '3'\n        none: ''\n")
        .contains("      com.docker.network.driver.mtu: '1450'\n")
        .contains("      size: '31'\n");
    assertThat(ConfigWriter.json(project))
        .contains("\"big\": \"1e+06\",\n          \"max-file\": \"3\",\n          \"none\": \"\"\n")
        .contains("\"com.docker.network.driver.mtu\": \"1450\"")
        .contains("\"size\": \"31\"");
  }

  /** Floats as Go's encoding/json writes a float64: 'f' from 1e-6 to 1e21, 'e' beyond, -0 kept. */
  @Test
  void floatsInJsonAsGoWritesThem() {
    String json = ConfigWriter.json(read("x-f: {a: 1e6, b: 0.00001, c: 1e21, d: 1.5e-7, e: -0, f: 2.0, g: 0.1}\n"));

    assertThat(json).contains("\"a\": 1000000,", "\"b\": 0.00001,", "\"c\": 1e+21,", "\"d\": 1.5e-7,",
        "\"e\": -0,", "\"f\": 2,", "\"g\": 0.1\n");
  }

  /** UlimitsConfig's own MarshalJSON, blkio devices with no json tags, and a hook's command, never omitted. */
  @Test
  void jsonFollowsComposeGoJsonTags() {
    String json = ConfigWriter.json(read("""
        services:
          web:
            image: nginx
            ulimits: {nofile: {soft: 0, hard: 10}}
            blkio_config: {weight_device: [{path: /dev/sda, weight: 400}]}
            post_start: [{user: root}]
            labels: {x-kept: "a label, not an extension"}
        """));

    assertThat(json).contains("\"nofile\": {\n          \"hard\": 10\n        }")
        .contains("\"Path\": \"/dev/sda\",\n            \"Weight\": 400")
        .contains("\"command\": null,\n          \"user\": \"root\"")
        .contains("\"x-kept\": \"a label, not an extension\"");
  }

  private static MapNode read(String text) {
    return (MapNode) YamlReader.read(new SourceFile("compose.yaml", text)).get(0);
  }
}
