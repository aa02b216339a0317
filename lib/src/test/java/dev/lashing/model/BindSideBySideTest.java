package dev.lashing.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Definitions bound side by side give the project and the problems, in order, that binding them in turn gives. */
class BindSideBySideTest {
  @Test
  void manyServicesBindAlikeSideBySide() {
    StringBuilder yaml = new StringBuilder("x-top: 1\nservices:\n");
    for (int i = 0; i < 600; i++) {
      yaml.append("  s").append(i).append(":");
      switch (i % 5) {
        case 0 -> yaml.append(" not a mapping\n");
        case 1 -> yaml.append("\n    image: app\n    ports: [{target: x}]\n    unknown_key: 1\n    x-mine: 2\n");
        case 2 -> yaml.append("\n    image: [5]\n    mem_limit: lots\n    read_only: maybe\n");
        case 3 -> yaml.append("\n    image: app\n    environment: {A: \"1\"}\n    healthcheck: {interval: soon}\n");
        default -> yaml.append("\n    build: {context: .}\n    depends_on: {s1: {condition: sometimes}}\n");
      }
    }
    yaml.append("networks:\n  n: 5\nvolumes:\n  v: {driver: local}\nunknown_top: 1\n");
    MapNode root = (MapNode) YamlReader.read(new SourceFile("compose.yaml", yaml.toString())).get(0);

    List<Diagnostic> inTurn = new ArrayList<>();
    Project oneByOne = ModelBinder.bind("demo", root, inTurn, Integer.MAX_VALUE);
    List<Diagnostic> sideBySide = new ArrayList<>();
    Project together = ModelBinder.bind("demo", root, sideBySide, 1);

    assertThat(inTurn).hasSizeGreaterThan(600);
    assertThat(sideBySide).isEqualTo(inTurn);
    assertThat(together).isEqualTo(oneByOne);
    assertThat(together.unknown()).isEqualTo(oneByOne.unknown());
  }
}
