package dev.lashing.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Linter;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.patch.PatchOptions;
import dev.lashing.patch.PatchResult;
import dev.lashing.patch.Patcher;
import dev.lashing.source.ComposeException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code lashing patch} on any project that loads: merged after the project, the patch loads, and the findings
 * it resolves are gone.
 */
class PatchFuzzTest {
  private final FuzzProject project = new FuzzProject("patch");
  private final RuleRegistry registry = RuleRegistry.discover();

  @FuzzTest(maxDuration = "10s")
  void mergedPatchLoadsAndLeavesNoCoveredFinding(byte[] input) {
    LoadOptions load = project.write(input);
    PatchResult result;
    try {
      result = new Patcher(registry).generate(PatchOptions.of(load, RuleSettings.of(Policy.PRODUCTION)));
    } catch (ComposeException e) {
      FuzzChecks.positioned(e);
      return; // patch refuses a project that does not load
    }
    project.replace("hardening.patch.yml", result.text());
    LoadOptions merged = new LoadOptions(List.of(load.files().get(0), project.directory.resolve("hardening.patch.yml")),
        load.workingDirectory(), null, List.of(), Set.of(), null, load.environment());
    LoadResult after;
    try {
      after = ProjectLoader.load(merged);
    } catch (ComposeException e) {
      throw new AssertionError("the project with its patch does not load: " + e.getMessage() + "\n" + result.text(), e);
    }
    // What the patch says it resolves is gone when the project is loaded with it, as Compose would merge it.
    Set<String> left = new HashSet<>();
    for (Finding f : new Linter(registry).lint(after, result.settings())) {
      left.add(key(f));
    }
    for (Finding f : result.resolved()) {
      if (left.contains(key(f))) {
        throw new AssertionError("the patch leaves " + f + "\n" + result.text());
      }
    }
  }

  private static String key(Finding f) {
    return f.ruleId() + "\0" + f.service() + "\0" + f.message();
  }
}
