package dev.lashing.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComposeBoolTest {

  @ParameterizedTest
  @CsvSource({
    "true, true, true",
    "false, false, true",
    "TRUE, true, false",
    "False, false, false",
    "y, true, false",
    "Yes, true, false",
    "ON, true, false",
    "n, false, false",
    "NO, false, false",
    "off, false, false",
  })
  void castsLeniently(String text, boolean value, boolean canonical) {
    assertThat(ComposeBool.parse(text)).isEqualTo(value);
    assertThat(ComposeBool.isCanonical(text)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "0", "t", "maybe", " true"})
  void rejectsAnythingElse(String text) {
    assertThatThrownBy(() -> ComposeBool.parse(text))
        .isInstanceOf(SyntaxException.class)
        .hasMessage("invalid boolean: " + text);
  }
}
