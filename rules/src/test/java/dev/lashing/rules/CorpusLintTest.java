package dev.lashing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Linter;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.source.ComposeException;
import dev.lashing.testing.Corpus;
import dev.lashing.testing.Golden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints every compose file of the shared corpus under each policy, as {@code lashing lint} does (a file
 * Compose refuses is linted too, beside its load problems): no rule may fail, every finding must be
 * positioned, and the number of findings per rule is pinned in {@code corpus-finding-counts.tsv} so a
 * change in any rule's behaviour shows up in review ({@code -Dlashing.updateGolden=true} rewrites it).
 */
class CorpusLintTest {

  @Test
  void findingCountsPerRuleArePinned(@TempDir Path tmp) {
    Corpus.assumePresent();
    Path dir = Corpus.materialize(tmp);
    Linter linter = new Linter(RuleRegistry.discover());
    Map<String, int[]> counts = new TreeMap<>();
    List<String> unpositioned = new ArrayList<>();
    int loaded = 0;
    Policy[] policies = Policy.values();
    for (Corpus.Entry e : Corpus.entries()) {
      if (!e.isCompose()) {
        continue;
      }
      Path file = Corpus.location(dir, e);
      LoadResult load;
      try {
        load = ProjectLoader.loadLeniently(LoadOptions.of(file.getParent(), Map.of(), file), Map.of());
        loaded++;
      } catch (ComposeException unreadable) {
        continue; // no project to read at all; CorpusLoadTest pins which files fail to load, and why
      }
      for (int p = 0; p < policies.length; p++) {
        for (Finding f : linter.lint(load, RuleSettings.of(policies[p]))) {
          counts.computeIfAbsent(f.ruleId(), k -> new int[policies.length])[p]++;
          if (f.at().isSynthetic() || f.at().line() < 1) {
            unpositioned.add(e.localFile() + ": " + f);
          }
        }
      }
    }
    assertThat(unpositioned).as("findings without a position").isEmpty();
    StringBuilder table = new StringBuilder("# rule\tdefault\tproduction\tdevelopment (findings over "
        + loaded + " corpus files, refused ones included)\n");
    counts.forEach((rule, n) -> table.append(rule).append('\t').append(n[0]).append('\t').append(n[1])
        .append('\t').append(n[2]).append('\n'));
    Golden.assertMatches(Path.of("src/test/resources/dev/lashing/rules/corpus-finding-counts.tsv"),
        table.toString());
  }
}
