package dev.lashing.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lashing.config.PolicyDirective;
import dev.lashing.inventory.Inventory;
import dev.lashing.inventory.InventoryLoader;
import dev.lashing.inventory.generate.ComposeGenerator;
import dev.lashing.inventory.generate.ComposeGenerator.GeneratedFile;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Linter;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code generate}: an inventory is read or refused with positions, and each compose file it generates names its
 * policy, loads, and lints clean under that policy: every finding is suppressed, with a reason. Generating twice
 * gives the same files.
 */
class GenerateFuzzTest {
  private final FuzzProject project = new FuzzProject("generate");
  private final RuleRegistry rules = RuleRegistry.discover();
  private final Linter linter = new Linter(rules);

  @FuzzTest(maxDuration = "10s")
  void generatedFilesLoadAndLintCleanUnderTheirPolicy(byte[] input) {
    Inventory inventory;
    try {
      inventory = InventoryLoader.read(new SourceFile("inventory.yml", new String(input, StandardCharsets.UTF_8)));
    } catch (ComposeException e) {
      FuzzChecks.positioned(e);
      return;
    }
    List<GeneratedFile> files = ComposeGenerator.generate(inventory, "inventory.yml", null, null, rules);
    if (!files.equals(ComposeGenerator.generate(inventory, "inventory.yml", null, null, rules))) {
      throw new AssertionError("generating twice gives other files");
    }
    for (GeneratedFile file : files) {
      lintsClean(file);
    }
  }

  private void lintsClean(GeneratedFile file) {
    Policy policy = PolicyDirective.in(file.text())
        .orElseThrow(() -> new AssertionError(file.path() + " names no policy:\n" + file.text()));
    LoadResult load;
    try {
      load = ProjectLoader.load(project.write(file.text().getBytes(StandardCharsets.UTF_8)));
    } catch (ComposeException e) {
      throw new AssertionError(file.path() + " does not load:\n" + file.text(), e);
    }
    List<Finding> findings = linter.lint(load, RuleSettings.of(policy));
    List<Finding> unexplained =
        findings.stream().filter(f -> !f.isSuppressed() || f.suppression().isBlank()).toList();
    if (!unexplained.isEmpty()) {
      throw new AssertionError(file.path() + " has findings " + unexplained + ":\n" + file.text());
    }
  }
}
