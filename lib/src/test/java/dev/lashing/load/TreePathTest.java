package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreePathTest {
  /** TreePath writes out its equals and hashCode (see there); a record of the same parts is the reference. */
  private record Reference(List<String> parts) {}

  @Test
  void hashesAsTheRecordWould() {
    TreePath path = TreePath.parse("services.*.ports");

    assertThat(path.hashCode()).isEqualTo(new Reference(List.of("services", "*", "ports")).hashCode());
    assertThat(TreePath.ROOT.hashCode()).isEqualTo(new Reference(List.of()).hashCode());
  }

  @Test
  void pathsOfTheSamePartsAreEqual() {
    assertThat(TreePath.ROOT.child("services").child("web")).isEqualTo(TreePath.parse("services.web"))
        .hasSameHashCodeAs(TreePath.parse("services.web"))
        .isNotEqualTo(TreePath.parse("services.db")).isNotEqualTo(TreePath.parse("services"));
  }

  @Test
  void aChildKeepsItsParentsPartsInOrder() {
    TreePath web = TreePath.parse("services.web");
    TreePath label = web.child("labels").child("a.b");

    assertThat(label.parts()).containsExactly("services", "web", "labels", "a.b");
    assertThat(label).hasToString("services.web.labels.a.b");
    assertThat(web.parts()).containsExactly("services", "web");
    assertThat(TreePath.ROOT.parts()).isEmpty();
    assertThat(TreePath.ROOT).hasToString("");
  }

  @Test
  void aPatternMatchesPathsOfItsLengthPartByPart() {
    TreePath pattern = TreePath.parse("services.*.ports");

    assertThat(TreePath.parse("services.web.ports").matches(pattern)).isTrue();
    assertThat(TreePath.parse("services.web.expose").matches(pattern)).isFalse();
    assertThat(TreePath.parse("services.web").matches(pattern)).isFalse();
    assertThat(TreePath.parse("services.web.ports.x").matchesAny(List.of(pattern, TreePath.parse("services.*.ports.*"))))
        .isTrue();
  }
}
