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
  }

  @Test
  void pathsOfTheSamePartsAreEqual() {
    assertThat(TreePath.ROOT.child("services").child("web")).isEqualTo(TreePath.parse("services.web"))
        .isNotEqualTo(TreePath.parse("services.db")).isNotEqualTo(TreePath.parse("services"));
  }
}
