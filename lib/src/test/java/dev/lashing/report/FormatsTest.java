package dev.lashing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void everyNameHasAReporter() {
    assertThat(Formats.names()).containsExactly("text", "json", "sarif", "junit", "checkstyle", "github", "gitlab");
    for (String name : Formats.names()) {
      assertThat(Formats.of(name, false, false)).isNotNull();
    }
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> Formats.of("yaml", false, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown format 'yaml' (expected text, json, sarif, junit, checkstyle, github, gitlab)");
  }
}
