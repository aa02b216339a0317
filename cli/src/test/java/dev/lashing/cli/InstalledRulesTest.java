package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.api.Lashing;
import dev.lashing.lint.RulePack;
import java.io.File;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class InstalledRulesTest {
  @Test
  void aClassPathOfOneJarIsLashingsOwn() {
    assertThat(InstalledRules.oneJar("/opt/lashing/lib/lashing.jar")).isTrue();
    assertThat(InstalledRules.oneJar("/proc/self/fd/9/lashing.jar")).isTrue();
    assertThat(InstalledRules.oneJar("lashing.jar" + File.pathSeparator + "my-rules.jar")).isFalse();
    assertThat(InstalledRules.oneJar("cli/target/classes")).isFalse();
  }

  /**
   * The jar's build merges the provider lists of the modules on this class path (lib's and rules'), so the
   * packs the ServiceLoader finds here are the ones that list names.
   */
  @Test
  void theBundledPacksAreThoseTheProviderListsName() {
    assertThat(InstalledRules.bundledPacks()).extracting(pack -> pack.getClass().getName())
        .containsExactlyInAnyOrderElementsOf(ServiceLoader.load(RulePack.class).stream()
            .map(provider -> provider.type().getName()).toList())
        .contains("dev.lashing.lint.EngineRules", "dev.lashing.rules.BuiltInRules");
  }

  @Test
  void onTheTestsClassPathEveryPackIsFound() {
    assertThat(InstalledRules.lashing().rules().rules()).extracting(rule -> rule.info().id())
        .isEqualTo(Lashing.withInstalledRules().rules().rules().stream().map(rule -> rule.info().id()).toList())
        .contains("privileged", "invalid-suppression"); // a rule of the rules module, and one of the engine's
  }
}
