package dev.lashing.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lashing.lint.Linter;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.source.ComposeException;
import java.util.Map;

/**
 * The whole loader, {@code include} and {@code extends} included, then the linter: a project and its findings,
 * or positioned load errors.
 */
class LoaderFuzzTest {
  private final FuzzProject project = new FuzzProject("loader");
  private final Linter linter = new Linter(RuleRegistry.discover());

  @FuzzTest(maxDuration = "10s")
  void loadsAndLintsOrRefusesWithAPosition(byte[] input) {
    try {
      linter.lint(ProjectLoader.load(project.write(input)), RuleSettings.of(Policy.PRODUCTION));
    } catch (ComposeException e) {
      FuzzChecks.positioned(e);
    }
  }

  /** As lint loads: a project Compose refuses is linted too, on what is left once the refused values are out. */
  @FuzzTest(maxDuration = "10s")
  void lintsEvenWhatComposeRefuses(byte[] input) {
    try {
      LoadResult load = ProjectLoader.loadLeniently(project.write(input), Map.of());
      if (!load.errors().isEmpty()) {
        FuzzChecks.positioned(new ComposeException(load.errors()));
      }
      linter.lint(load, RuleSettings.of(Policy.PRODUCTION));
    } catch (ComposeException e) {
      FuzzChecks.positioned(e);
    }
  }
}
