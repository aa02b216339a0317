package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.api.Lashing;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledRulesTest {
  @Test
  void aClassPathOfOneJarIsLookedUpInItAlone() {
    assertThat(InstalledRules.oneJar("/opt/lashing/lib/lashing.jar")).isTrue();
    assertThat(InstalledRules.oneJar("/proc/self/fd/9/lashing.jar")).isTrue();
    assertThat(InstalledRules.oneJar("lashing.jar" + File.pathSeparator + "my-rules.jar")).isFalse();
    assertThat(InstalledRules.oneJar("cli/target/classes")).isFalse();
  }

  @Test
  void theFirstCopyLoaderFindsTheFirstCopyOfAResourceOnly(@TempDir Path dir) throws IOException {
    Path first = Files.createDirectories(dir.resolve("first/META-INF/services"));
    Path second = Files.createDirectories(dir.resolve("second/META-INF/services"));
    Files.writeString(first.resolve("x.Pack"), "a.First\n");
    Files.writeString(second.resolve("x.Pack"), "b.Second\n");
    try (URLClassLoader classPath = new URLClassLoader(
        new URL[] {dir.resolve("first").toUri().toURL(), dir.resolve("second").toUri().toURL()}, null)) {
      assertThat(Collections.list(classPath.getResources("META-INF/services/x.Pack"))).hasSize(2);

      InstalledRules.FirstCopyLoader loader = new InstalledRules.FirstCopyLoader(classPath);

      assertThat(Collections.list(loader.getResources("META-INF/services/x.Pack")))
          .containsExactly(first.resolve("x.Pack").toUri().toURL());
      assertThat(Collections.list(loader.getResources("META-INF/services/none"))).isEmpty();
    }
  }

  @Test
  void onTheTestsClassPathEveryPackIsFound() {
    assertThat(InstalledRules.lashing().rules().rules()).extracting(rule -> rule.info().id())
        .isEqualTo(Lashing.withInstalledRules().rules().rules().stream().map(rule -> rule.info().id()).toList())
        .contains("privileged", "invalid-suppression"); // a rule of the rules module, and one of the engine's
  }
}
