package dev.lashing.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> SERVICE_KEYS =
      List.of("image", "init", "ipc", "environment", "env_file", "restart", "read_only", "volumes");

  @Test
  void aSwapOfNeighbouringLettersIsOneEdit() {
    assertThat(Suggestions.distance("imgae", "image")).isEqualTo(1);
    assertThat(Suggestions.distance("enviroment", "environment")).isEqualTo(1);
  }

  @Test
  void suggestsTheClosestName() {
    assertThat(Suggestions.closest("imgae", SERVICE_KEYS)).contains("image");
    assertThat(Suggestions.closest("enviroment", SERVICE_KEYS)).contains("environment");
    assertThat(Suggestions.closest("Restart", SERVICE_KEYS)).contains("restart");
    assertThat(Suggestions.closest("volume", SERVICE_KEYS)).contains("volumes");
  }

  @Test
  void longNamesAllowATypoPerThreeLetters() {
    assertThat(Suggestions.closest("envirnmnt", SERVICE_KEYS)).contains("environment");
  }

  @Test
  void suggestsNothingWhenNoNameIsClose() {
    assertThat(Suggestions.closest("colour", SERVICE_KEYS)).isEmpty();
    assertThat(Suggestions.closest("xy", SERVICE_KEYS)).isEmpty();
  }
}
