package dev.lashing.api;

import dev.lashing.fix.Fixer;
import dev.lashing.inventory.Inventory;
import dev.lashing.inventory.Inventory.Environment;
import dev.lashing.inventory.InventoryLoader;
import dev.lashing.inventory.audit.AuditResult;
import dev.lashing.inventory.audit.Auditor;
import dev.lashing.inventory.audit.HostState;
import dev.lashing.inventory.generate.ComposeGenerator;
import dev.lashing.inventory.generate.ComposeGenerator.GeneratedFile;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Linter;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.patch.PatchOptions;
import dev.lashing.patch.PatchResult;
import dev.lashing.patch.Patcher;
import dev.lashing.render.ConfigWriter;
import dev.lashing.source.Diagnostic;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What Lashing does, in one place: load a project as Compose does, lint it, fix it, patch it, print its
 * configuration, generate stacks from an inventory and audit a host against it. The command line and the
 * editor server call these; so can a library user. An instance holds only its rules, so one instance can
 * serve a long-running process: every call reads its input afresh and keeps nothing of it.
 */
public final class Lashing {
  /** The order reports list findings in: by file, position, then rule. */
  public static final Comparator<Finding> REPORT_ORDER = Linter.ORDER;

  /** Sorts findings into {@link #REPORT_ORDER} as a stable sort by it would, faster on a long list. */
  public static void sortForReport(List<Finding> findings) {
    Linter.sort(findings);
  }

  private final RuleRegistry rules;
  private final Linter linter;

  public Lashing(RuleRegistry rules) {
    this.rules = rules;
    this.linter = new Linter(rules);
  }

  /** Lashing with the rule packs found on the class path. */
  public static Lashing withInstalledRules() {
    return new Lashing(RuleRegistry.discover());
  }

  public RuleRegistry rules() {
    return rules;
  }

  /** The project as Compose reads it; throws {@link dev.lashing.source.ComposeException} where Compose refuses it. */
  public LoadResult load(LoadOptions options) {
    return ProjectLoader.load(options);
  }

  /** The same, with some files' text taken from {@code overlay} instead of the disk (an editor's buffers). */
  public LoadResult load(LoadOptions options, Map<Path, String> overlay) {
    return ProjectLoader.load(options, overlay);
  }

  /**
   * The project as far as it can be read, even where Compose refuses it ({@link LoadResult#errors()} says why):
   * what {@code lint} and an editor check. Throws {@link dev.lashing.source.ComposeException} only when there
   * is no project to read (no compose file, an unreadable {@code --env-file}).
   */
  public LoadResult loadLeniently(LoadOptions options, Map<Path, String> overlay) {
    return ProjectLoader.loadLeniently(options, overlay);
  }

  /**
   * The findings of the rules {@code settings} enables, in report order, with the errors of a project loaded
   * leniently.
   */
  public List<Finding> lint(LoadResult project, RuleSettings settings) {
    return linter.lint(project, settings);
  }

  /** The load problems of a project Compose refuses, as findings of their own rules. */
  public List<Finding> lintLoadFailure(List<Diagnostic> problems, RuleSettings settings) {
    return linter.loadFailure(problems, settings);
  }

  /**
   * The minimal edits that fix what can be fixed in a project loaded with {@code project}, applied in memory until
   * nothing more changes.
   *
   * @throws Fixer.Unsettled when the fixes do not settle (a bug)
   * @throws dev.lashing.yaml.SourceFiles.TooLargeToWrite when a fixed file would be larger than a file Lashing reads
   */
  public Fixer.Result fix(LoadOptions project, LoadResult loaded, RuleSettings settings, Fixer.Options options) {
    return new Fixer(rules).fix(project, loaded, settings, options);
  }

  /**
   * The same for a project already loaded with {@code project} (an editor's text), fixing only the findings
   * {@code fixing} accepts in every round.
   *
   * @throws Fixer.Unsettled when the fixes do not settle (a bug)
   * @throws dev.lashing.yaml.SourceFiles.TooLargeToWrite when a fixed file would be larger than a file Lashing reads
   */
  public Fixer.Result fix(LoadOptions project, LoadResult loaded, RuleSettings settings, Fixer.Options options,
      Predicate<Finding> fixing) {
    return new Fixer(rules).fix(project, loaded, settings, options, fixing);
  }

  /** An override file that hardens the project without touching its files. */
  public PatchResult patch(PatchOptions options) {
    return new Patcher(rules).generate(options);
  }

  /** The merged project as {@code docker compose config} prints it, in YAML. */
  public String configYaml(LoadResult project) {
    return ConfigWriter.yaml(project.tree());
  }

  /** The merged project as {@code docker compose config --format json} prints it. */
  public String configJson(LoadResult project) {
    return ConfigWriter.json(project.tree());
  }

  /** A stack inventory, checked against its schema. */
  public Inventory inventory(Path file, String displayName) {
    return InventoryLoader.load(file, displayName);
  }

  /** One hardened compose file per selected stack; null {@code environment} or {@code stack} selects all. */
  public List<GeneratedFile> generate(Inventory inventory, String source, String environment, String stack) {
    return ComposeGenerator.generate(inventory, source, environment, stack, rules);
  }

  /** What runs on a host, classified against the inventory's expectation for its environment. */
  public AuditResult audit(Inventory inventory, Environment environment, HostState state, Instant now) {
    return Auditor.audit(inventory, environment, state, now);
  }
}
