package dev.lashing.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FixTest {
  private static final List<String> RESTART = List.of("services", "web", "restart");

  @Test
  void changesAreWorkedOutOnlyWhenAskedFor() {
    AtomicInteger asked = new AtomicInteger();
    Fix fix = new Fix("set restart", Fix.Safety.SAFE, () -> {
      asked.incrementAndGet();
      return List.of(new Fix.Set(RESTART, "unless-stopped"));
    });

    assertThat(fix.description()).isEqualTo("set restart");
    assertThat(fix.safety()).isEqualTo(Fix.Safety.SAFE);
    assertThat(asked).hasValue(0);
    assertThat(fix.changes()).containsExactly(new Fix.Set(RESTART, "unless-stopped"));
    assertThat(asked).hasValue(1);
  }

  @Test
  void theChangesGivenCannotBeChangedThroughTheFix() {
    List<Fix.Change> changes = new ArrayList<>(List.of(new Fix.Remove(RESTART)));
    Fix fix = new Fix("remove restart", Fix.Safety.SAFE, changes);
    changes.clear();

    assertThat(fix.changes()).containsExactly(new Fix.Remove(RESTART));
  }

  @Test
  void equalWhenDescriptionSafetyAndChangesAre() {
    Fix given = new Fix("set restart", Fix.Safety.SAFE, List.of(new Fix.Set(RESTART, "always")));
    Fix workedOut = new Fix("set restart", Fix.Safety.SAFE, () -> List.of(new Fix.Set(RESTART, "always")));

    assertThat(workedOut).isEqualTo(given).hasSameHashCodeAs(given);
    assertThat(new Fix("set restart", Fix.Safety.SAFE, () -> List.of(new Fix.Set(RESTART, "no"))))
        .isNotEqualTo(given);
    assertThat(new Fix("set restart", Fix.Safety.BEHAVIOUR_CHANGING, List.of(new Fix.Set(RESTART, "always"))))
        .isNotEqualTo(given);
  }
}
