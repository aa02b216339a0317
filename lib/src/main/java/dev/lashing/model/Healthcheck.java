package dev.lashing.model;

import dev.lashing.source.Origin;
import java.time.Duration;
import java.util.List;

/** A service's {@code healthcheck}; {@code test} is in list form ({@code CMD}, {@code CMD-SHELL}, {@code NONE}). */
public record Healthcheck(
    Command test,
    Located<Duration> interval,
    Located<Duration> timeout,
    Located<Long> retries,
    Located<Duration> startPeriod,
    Located<Duration> startInterval,
    Located<Boolean> disable,
    Origin origin) {

  /** Turned off, by {@code disable: true} or a {@code NONE} test. */
  public boolean isDisabled() {
    return (disable != null && disable.value())
        || (test != null && !test.isEmpty() && test.words().get(0).value().equals("NONE"));
  }

  /** The test the engine receives: {@code ["NONE"]} when disabled, else the written test (maybe empty). */
  public List<String> effectiveTest() {
    if (disable != null && disable.value()) {
      return List.of("NONE");
    }
    return test == null ? List.of() : test.texts();
  }
}
