package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {
  private static LoadOptions withProfiles(Set<String> profiles, Map<String, String> environment) {
    return new LoadOptions(List.of(Path.of("compose.yaml")), Path.of("."), null, List.of(), profiles, null,
        environment);
  }

  @Test
  void checkingEnablesEveryProfileUnlessProfilesAreNamed() {
    assertThat(withProfiles(Set.of(), Map.of()).checkingEveryService().profiles())
        .containsExactly(LoadOptions.EVERY_PROFILE);
    assertThat(withProfiles(Set.of("debug"), Map.of()).checkingEveryService().profiles()).containsExactly("debug");
    LoadOptions fromEnvironment = withProfiles(Set.of(), Map.of("COMPOSE_PROFILES", "debug"));
    assertThat(fromEnvironment.checkingEveryService()).isEqualTo(fromEnvironment);
  }
}
