package dev.lashing.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.SourceRange;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FindingTest {
  private static final SourceRange AT = new SourceRange("compose.yaml", 2, 3, 2, 6, 12, 15);

  private static Finding written(String message) {
    return new Finding("rule", Severity.LOW, message, AT, "web", List.of(), null, null);
  }

  @Test
  void aMessageGivenLaterIsWrittenEachTimeItIsAskedForAndNotBefore() {
    AtomicInteger written = new AtomicInteger();
    Finding f = new Finding("rule", Severity.LOW, () -> "web has no " + written.incrementAndGet(), AT, "web",
        List.of(), null, null, null);

    assertThat(written).hasValue(0);
    assertThat(f.message()).isEqualTo("web has no 1");
    assertThat(f.suppressed("reason").message()).isEqualTo("web has no 2");
  }

  @Test
  void findingsAreEqualWhenTheirMessagesReadTheSameHoweverTheyAreGiven() {
    Finding later = new Finding("rule", Severity.LOW, () -> "web" + " has no limit", AT, "web", List.of(), null,
        null, null);

    assertThat(later).isEqualTo(written("web has no limit")).hasSameHashCodeAs(written("web has no limit"));
    assertThat(later).isNotEqualTo(written("web has a limit"));
    assertThat(later.suppressed("reason")).isNotEqualTo(later)
        .isEqualTo(written("web has no limit").suppressed("reason"));
    assertThat(later.toString()).isEqualTo("Finding[ruleId=rule, severity=LOW, message=web has no limit,"
        + " at=compose.yaml:2:3, service=web, via=[], fix=null, suppression=null, secret=null]");
  }
}
