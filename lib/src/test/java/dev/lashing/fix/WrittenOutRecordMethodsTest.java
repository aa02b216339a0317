package dev.lashing.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fix engine's records that write out equals and hashCode (scripts/check-dist.sh says why) hash as the records
 * would, with the same components as the reference, so the order of the maps they key stays as it was.
 */
class WrittenOutRecordMethodsTest {
  private record EditReference(int start, int end, String replacement) {}

  private record OneValueReference(Object value) {}

  private record NoValueReference() {}

  @Test
  void textEditsHashAsTheRecordWouldAndAreEqualWhenEveryComponentIs() {
    TextEdit edit = new TextEdit(3, 9, "restart: always");

    assertThat(edit.hashCode()).isEqualTo(new EditReference(3, 9, "restart: always").hashCode());
    assertThat(edit).isEqualTo(new TextEdit(3, 9, "restart: always"))
        .isNotEqualTo(new TextEdit(3, 8, "restart: always")).isNotEqualTo(new TextEdit(3, 9, "restart: no"));
  }

  @Test
  void actionsHashAsTheRecordsWould() {
    assertThat(new Action.SetTo("unless-stopped").hashCode())
        .isEqualTo(new OneValueReference("unless-stopped").hashCode());
    assertThat(new Action.AppendItem(null).hashCode()).isEqualTo(new OneValueReference(null).hashCode());
    assertThat(new Action.RemoveIt().hashCode()).isEqualTo(new NoValueReference().hashCode());
    assertThat(new Action.SetTo("x")).isEqualTo(new Action.SetTo("x")).isNotEqualTo(new Action.AppendItem("x"));
    assertThat(new Action.RemoveIt()).isEqualTo(new Action.RemoveIt());
  }

  @Test
  void modelPathsHashAsTheRecordsWould() {
    ModelPath path = ModelPath.of(List.of("services", "web", "ports", "[3]"));

    assertThat(path.hashCode()).isEqualTo(new OneValueReference(path.steps()).hashCode());
    assertThat(new ModelPath.Key("web").hashCode()).isEqualTo(new OneValueReference("web").hashCode());
    assertThat(new ModelPath.Index(3).hashCode()).isEqualTo(new OneValueReference(3).hashCode());
    assertThat(path).isEqualTo(ModelPath.of(List.of("services", "web", "ports", "[3]")))
        .isNotEqualTo(ModelPath.keys("services", "web", "ports", "3"));
  }
}
