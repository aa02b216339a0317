package dev.lashing.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import dev.lashing.testing.AliasBomb;
import dev.lashing.tree.MapNode;
import org.junit.jupiter.api.Test;

class AliasRatioTest {

  @Test
  void theShareAllowedFallsFrom99To10PercentAsTheDocumentGrows() {
    assertThat(AliasRatio.allowedShare(1_000)).isEqualTo(0.99);
    assertThat(AliasRatio.allowedShare(400_000)).isEqualTo(0.99);
    assertThat(AliasRatio.allowedShare(2_200_000)).isCloseTo(0.545, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(AliasRatio.allowedShare(4_000_000)).isEqualTo(0.10);
    assertThat(AliasRatio.allowedShare(40_000_000)).isEqualTo(0.10);
  }

  @Test
  void aLargeFileWhoseServicesEachMergeASmallAnchorIsRead() {
    // Over a million nodes in all, a third of them from aliases: Compose reads it, and so must Lashing.
    StringBuilder yaml = new StringBuilder("x-common: &common\n  restart: always\n  read_only: true\n"
        + "  security_opt: [no-new-privileges:true]\n  logging: {driver: json-file, options: {max-size: 10m}}\n"
        + "services:\n");
    for (int i = 0; i < 30_000; i++) {
      yaml.append("  service-").append(i).append(":\n    <<: *common\n    image: registry.example/app-").append(i)
          .append(":1.0\n    environment: {ROLE: worker, INDEX: \"").append(i).append("\"}\n")
          .append("    labels: [team=core, tier=back]\n");
    }
    MapNode root = (MapNode) YamlReader.read(new SourceFile("compose.yaml", yaml.toString())).get(0);
    assertThat(((MapNode) root.get("services")).size()).isEqualTo(30_000);
  }

  @Test
  void aDocumentMadeAlmostEntirelyOfAliasesIsRefusedAtTheAliasThatTipsIt() {
    String yaml = AliasBomb.ofLevels(5);
    assertThatThrownBy(() -> YamlReader.read(new SourceFile("compose.yaml", yaml)))
        .isInstanceOf(ComposeException.class)
        .hasMessageStartingWith("compose.yaml:4:")
        .hasMessageContaining("excessive aliasing")
        .hasMessageContaining("alias bomb?");
  }

  @Test
  void eachDocumentOfAStreamIsWeighedOnItsOwn() {
    StringBuilder plain = new StringBuilder("items: [");
    for (int i = 0; i < 20_000; i++) {
      plain.append(i == 0 ? "" : ", ").append(i);
    }
    plain.append("]\n");
    String aliases = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
    // the first document's plain nodes do not dilute the second's aliases
    assertThatThrownBy(() -> YamlReader.read(new SourceFile("c.yaml", plain + "---\n" + aliases)))
        .hasMessageStartingWith("c.yaml:6:")
        .hasMessageContaining("excessive aliasing");
  }
}
