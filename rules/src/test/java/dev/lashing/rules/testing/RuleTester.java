package dev.lashing.rules.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Linter;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleOptions;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one rule (or a few) over compose files written in the test and compares its findings with the
 * {@code # expect: rule-id[, rule-id…]} markers in those files: a marker says "a finding of this rule on
 * this line" (name a rule twice for two findings). Any finding without a marker, or marker without a
 * finding, fails the test. The project is loaded as lint loads it: one Compose refuses is linted too, and
 * its load problems are findings of their own rules (or of {@code load-error} when the test leaves that rule
 * out, which then needs a marker as well).
 *
 * <pre>{@code
 * RuleTester.of(new Privileged())
 *     .file("compose.yaml", """
 *         services:
 *           web:
 *             image: nginx:1.27
 *             privileged: true   # expect: privileged
 *         """)
 *     .expectMarkedFindings();
 * }</pre>
 */
public final class RuleTester {
  /** The rule id of a load problem whose own rule is not among the rules tested. */
  private static final String LOAD_ERROR = "load-error";
  private static final Pattern MARKER = Pattern.compile("#\\s*expect:\\s*([a-z0-9., -]+?)\\s*$");

  private final List<Rule> rules;
  private final Map<String, String> files = new LinkedHashMap<>();
  private final List<String> composeFiles = new ArrayList<>();
  private Map<String, String> environment = Map.of();
  private Policy policy = Policy.DEFAULT;
  private RuleOptions options = RuleOptions.NONE;

  private RuleTester(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static RuleTester of(Rule... rules) {
    return new RuleTester(List.of(rules));
  }

  /** A compose file given with -f, in order (the first is the main file). */
  public RuleTester file(String name, String text) {
    files.put(name, text);
    composeFiles.add(name);
    return this;
  }

  /** Another file in the project directory (an extends base, an included file, an env file). */
  public RuleTester extraFile(String name, String text) {
    files.put(name, text);
    return this;
  }

  public RuleTester environment(Map<String, String> variables) {
    this.environment = Map.copyOf(variables);
    return this;
  }

  public RuleTester policy(Policy policy) {
    this.policy = policy;
    return this;
  }

  public RuleTester options(Map<String, Object> values) {
    this.options = new RuleOptions(values);
    return this;
  }

  /** Loads the project and runs the rules; unsuppressed and suppressed findings alike. */
  public List<Finding> findings() {
    try {
      Path dir = Files.createTempDirectory("lashing-rule-test");
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path path = dir.resolve(f.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, f.getValue(), StandardCharsets.UTF_8);
      }
      LoadResult load = ProjectLoader.loadLeniently(new LoadOptions(
          composeFiles.stream().map(Path::of).toList(), dir, null, List.of(), Set.of(), "test", environment),
          Map.of());
      Map<String, RuleSettings.PerRule> enabled = new LinkedHashMap<>();
      for (Rule rule : rules) {
        enabled.put(rule.info().id(), new RuleSettings.PerRule(true, null, options));
      }
      RuleSettings settings = new RuleSettings(policy, enabled);
      return new Linter(new RuleRegistry(rules)).lint(load, settings).stream()
          .filter(f -> enabled.containsKey(f.ruleId()) || f.ruleId().equals(LOAD_ERROR))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails unless the findings are exactly the marked ones (file, line and rule). */
  public List<Finding> expectMarkedFindings() {
    List<Finding> findings = findings();
    assertThat(describe(findings)).as("findings (file:line rule) vs # expect: markers")
        .isEqualTo(expected());
    return findings;
  }

  /** Fails unless the rule finds nothing. */
  public void expectNoFindings() {
    assertThat(describe(findings())).isEmpty();
  }

  private Map<String, List<String>> expected() {
    Map<String, List<String>> expected = new TreeMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      String[] lines = f.getValue().split("\r?\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = MARKER.matcher(lines[i]);
        if (m.find()) {
          for (String id : m.group(1).split(",")) {
            expected.computeIfAbsent(f.getKey() + ":" + (i + 1), k -> new ArrayList<>()).add(id.trim());
          }
        }
      }
    }
    expected.values().forEach(list -> list.sort(null));
    return expected;
  }

  private static Map<String, List<String>> describe(List<Finding> findings) {
    Map<String, List<String>> actual = new TreeMap<>();
    for (Finding f : findings) {
      actual.computeIfAbsent(f.at().file() + ":" + f.at().line(), k -> new ArrayList<>()).add(f.ruleId());
    }
    actual.values().forEach(list -> list.sort(null));
    return actual;
  }
}
