package dev.lashing.fix;

import dev.lashing.converge.ConvergeLoop;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Linter;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleRole;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.model.Image;
import dev.lashing.model.PulledImage;
import dev.lashing.render.UnifiedDiff;
import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import dev.lashing.yaml.SourceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Fixes a project's findings in its own files, in memory: lint, plan the fixes as text edits, apply them,
 * load and lint the result again, and repeat until nothing more can be fixed (a fix can make another
 * possible: a new healthcheck lets dependents wait for it; a fix skipped for a conflict waits one round).
 * Every round must load and the rounds must settle; when they do not, that is a bug of the fix engine, and
 * {@link Unsettled} is thrown rather than a result made of some of the rounds. Nothing is written here; the caller
 * decides.
 */
public final class Fixer {
  static final int MAX_ROUNDS = 8;

  /**
   * What to fix.
   *
   * @param unsafe apply behaviour-changing fixes of every rule (--unsafe-fixes)
   * @param rules only these rules (empty: every enabled rule); naming a rule also enables it
   * @param digests digests to pin images to (image-digest runs when it is not empty)
   */
  public record Options(boolean unsafe, Set<String> rules, DigestLock digests) {
    public Options {
      rules = Set.copyOf(rules);
    }

    public static Options safe() {
      return new Options(false, Set.of(), DigestLock.NONE);
    }
  }

  /** The fixes did not settle: a round would not load, or the last round still changed the files. */
  public static final class Unsettled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsettled(String message) {
      super(message);
    }
  }

  /** One file's text before and after. */
  public record FileFix(String name, Path path, String before, String after) {
    public String diff() {
      return UnifiedDiff.of(name, before, after);
    }
  }

  /**
   * The outcome.
   *
   * @param files the files that change, in the order the project read them
   * @param fixed the findings fixed, each as found in the round that fixed it
   * @param skipped the fixable findings left, and why (from the last round)
   * @param edits the edits of every round in one, by file name: what an editor applies to the text as it was loaded
   */
  public record Result(List<FileFix> files, List<Finding> fixed, List<Skip> skipped,
      Map<String, List<TextEdit>> edits) {
    public Result {
      files = List.copyOf(files);
      fixed = List.copyOf(fixed);
      skipped = List.copyOf(skipped);
      edits = Map.copyOf(edits);
    }

    public boolean changes() {
      return !files.isEmpty();
    }
  }

  private final RuleRegistry registry;
  /** The rules whose findings a digest lock fixes; they carry no fix of their own. */
  private final List<String> digestRules;

  public Fixer(RuleRegistry registry) {
    this.registry = registry;
    this.digestRules = registry.idsWith(RuleRole.DIGEST_LOCK);
  }

  /**
   * Fixes a project.
   *
   * @throws ComposeException when the project does not load as it is
   * @throws Unsettled when the fixes do not settle
   * @throws SourceFiles.TooLargeToWrite when a fixed file would be too large for Lashing to read
   */
  public Result fix(LoadOptions load, RuleSettings settings, Options options) {
    return fix(load, ProjectLoader.load(load), settings, options);
  }

  /**
   * Fixes a project already loaded with {@code load}.
   *
   * @throws Unsettled when the fixes do not settle
   * @throws SourceFiles.TooLargeToWrite when a fixed file would be too large for Lashing to read
   */
  public Result fix(LoadOptions load, LoadResult loaded, RuleSettings settings, Options options) {
    return fix(load, loaded, settings, options, finding -> true);
  }

  /**
   * Fixes only the findings {@code fixing} accepts, in every round (an editor's "fix this file"), of a project
   * already loaded with {@code load}.
   *
   * @throws Unsettled when the fixes do not settle
   * @throws SourceFiles.TooLargeToWrite when a fixed file would be too large for Lashing to read
   */
  public Result fix(LoadOptions load, LoadResult loaded, RuleSettings settings, Options options,
      Predicate<Finding> fixing) {
    RuleSettings effective = enable(settings, options, digestRules);
    Rounds rounds = new Rounds(load, loaded, effective, options, fixing);
    ConvergeLoop.Outcome outcome = new ConvergeLoop(new Linter(registry)).run(loaded, effective, MAX_ROUNDS, rounds);
    if (!outcome.settled()) {
      throw new Unsettled(rounds.broken != null
          ? "the fixed files would not load: " + rounds.broken.diagnostics().get(0)
          : "fixes still change the files after " + outcome.rounds() + " rounds");
    }
    return new Result(rounds.files(), rounds.fixed, atOriginalPositions(rounds.skipped, rounds.firstFindings),
        rounds.edits);
  }

  /** The rounds of one fix: the texts so far, what they fixed, and what is left. */
  private final class Rounds implements ConvergeLoop.Step {
    private final LoadOptions load;
    private final RuleSettings settings;
    private final Options options;
    private final Predicate<Finding> fixing;
    private final Path base;
    private final Map<String, SourceFile> originals = new LinkedHashMap<>();
    /** Each file's text as the next round reads it; from the first load, whose text may not be the file's. */
    private Map<String, String> texts = new HashMap<>();
    /** The edits of the rounds so far, by file name, against the text the first round read. */
    private final Map<String, List<TextEdit>> edits = new HashMap<>();
    private Map<String, String> next;
    private FixPlanner.Result plan;
    private final List<Finding> fixed = new ArrayList<>();
    private List<Skip> skipped = List.of();
    private List<Finding> firstFindings = List.of();
    /** Why a round did not load, or null. */
    private ComposeException broken;

    Rounds(LoadOptions load, LoadResult loaded, RuleSettings settings, Options options, Predicate<Finding> fixing) {
      this.load = load;
      this.settings = settings;
      this.options = options;
      this.fixing = fixing;
      this.base = load.workingDirectory().toAbsolutePath().normalize();
      for (String name : loaded.composeFiles()) {
        SourceFile source = loaded.sources().get(name);
        originals.put(name, source);
        if (source != null) {
          texts.put(name, source.text());
        }
      }
    }

    @Override
    public ConvergeLoop.Round plan(int round, LoadResult current, List<Finding> findings) {
      if (round == 1) {
        firstFindings = findings;
      }
      List<Skip> notNow = new ArrayList<>();
      List<FixPlanner.Candidate> candidates = candidates(findings, current, settings, options, fixing, notNow);
      plan = new FixPlanner(current).plan(candidates);
      notNow.addAll(plan.skipped());
      skipped = notNow;
      if (plan.edits().isEmpty()) {
        return null;
      }
      next = new HashMap<>(texts);
      plan.texts().forEach((name, text) -> next.put(name, SourceFiles.readableBack(name, text)));
      return new ConvergeLoop.Round(load, overlay(base, next));
    }

    @Override
    public void loaded(LoadResult result) {
      plan.edits().forEach((name, round) -> edits.merge(name, round,
          (before, after) -> TextEdits.compose(before, texts.get(name), after)));
      texts = next;
      for (FixPlanner.Candidate c : plan.applied()) {
        fixed.add(c.finding());
      }
      for (String name : result.composeFiles()) {
        originals.putIfAbsent(name, result.sources().get(name));
      }
    }

    @Override
    public void notLoaded(ComposeException problem) {
      broken = problem;
    }

    List<FileFix> files() {
      List<FileFix> files = new ArrayList<>();
      for (Map.Entry<String, SourceFile> e : originals.entrySet()) {
        String after = texts.get(e.getKey());
        if (after != null && e.getValue() != null && !after.equals(e.getValue().text())) {
          files.add(new FileFix(e.getKey(), base.resolve(e.getKey()).normalize(), e.getValue().text(), after));
        }
      }
      return files;
    }
  }

  /**
   * Skips found in a later round point into text that was never written; the same finding as first
   * reported (same rule, service and message) gives its position in the user's file. The first findings of the
   * rules and services that have skips are indexed by message once, so a skip is looked up, not compared with
   * every finding of its rule and service (10,000 ports of one service, each skipped, took two minutes).
   */
  private static List<Skip> atOriginalPositions(List<Skip> skipped, List<Finding> first) {
    Map<RuleAndService, Map<String, Finding>> firstByMessage = new HashMap<>();
    for (Skip s : skipped) {
      firstByMessage.computeIfAbsent(new RuleAndService(s.finding().ruleId(), s.finding().service()),
          key -> new HashMap<>());
    }
    for (Finding candidate : first) {
      Map<String, Finding> byMessage = firstByMessage.get(new RuleAndService(candidate.ruleId(), candidate.service()));
      if (byMessage != null) {
        byMessage.putIfAbsent(candidate.message(), candidate);
      }
    }
    List<Skip> out = new ArrayList<>();
    for (Skip s : skipped) {
      Finding f = s.finding();
      String message = f.message();
      Finding original = firstByMessage.get(new RuleAndService(f.ruleId(), f.service())).get(message);
      out.add(original == null || original.at().equals(f.at()) ? s : new Skip(new Finding(f.ruleId(), f.severity(),
          message, original.at(), f.service(), original.via(), f.fix(), f.suppression(), original.secret()), s.reason(),
          s.message()));
    }
    return out;
  }

  /** A finding's rule and service (null for a project-level finding). */
  private record RuleAndService(String ruleId, String service) {
    // equals and hashCode written out, not generated at run time (scripts/check-dist.sh says why)
    @Override
    public boolean equals(Object o) {
      return o instanceof RuleAndService other && ruleId.equals(other.ruleId) && Objects.equals(service, other.service);
    }

    @Override
    public int hashCode() {
      return ruleId.hashCode() * 31 + Objects.hashCode(service);
    }
  }

  private static Map<Path, String> overlay(Path base, Map<String, String> texts) {
    Map<Path, String> overlay = new HashMap<>();
    texts.forEach((name, text) -> overlay.put(base.resolve(name).normalize(), text));
    return overlay;
  }

  /** The settings with the rules named on the command line and, given digests, the digest-lock rule switched on. */
  private static RuleSettings enable(RuleSettings settings, Options options, List<String> digestRules) {
    Map<String, RuleSettings.PerRule> rules = new HashMap<>(settings.rules());
    List<String> on = new ArrayList<>(options.rules());
    if (!options.digests().isEmpty()) {
      on.addAll(digestRules);
    }
    for (String id : on) {
      RuleSettings.PerRule was = rules.get(id);
      rules.put(id, new RuleSettings.PerRule(true, was == null ? null : was.severity(),
          was == null ? null : was.options()));
    }
    return new RuleSettings(settings.policy(), rules);
  }

  /** The findings to fix now, in report order; the others that have a fix go to {@code notNow}. */
  private List<FixPlanner.Candidate> candidates(List<Finding> findings, LoadResult load, RuleSettings settings,
      Options options, Predicate<Finding> fixing, List<Skip> notNow) {
    List<FixPlanner.Candidate> candidates = new ArrayList<>();
    for (Finding f : findings) {
      if (f.isSuppressed() || !options.rules().isEmpty() && !options.rules().contains(f.ruleId())
          || !fixing.test(f)) {
        continue;
      }
      Fix fix = f.fix();
      if (fix == null && digestRules.contains(f.ruleId()) && !options.digests().isEmpty()) {
        Optional<Fix> pin = pin(f, load, options.digests());
        if (pin.isEmpty()) {
          notNow.add(new Skip(f, Skip.Reason.NO_DIGEST, "the digest lock has no digest for this image"));
          continue;
        }
        fix = pin.get();
        f = new Finding(f.ruleId(), f.severity(), f.message(), f.at(), f.service(), f.via(), fix, null, f.secret());
      }
      if (fix == null) {
        continue;
      }
      if (fix.safety() == Fix.Safety.BEHAVIOUR_CHANGING && !options.unsafe()
          && !settings.optionsOf(f.ruleId()).flag(RuleOption.UNSAFE_FIX.name(), false)) {
        notNow.add(new Skip(f, Skip.Reason.UNSAFE, "changes behaviour: " + fix.description()));
        continue;
      }
      candidates.add(new FixPlanner.Candidate(f, fix));
    }
    return candidates;
  }

  /** Pins the pulled image the finding is about (a service's, a volume's, a hook's...), where it is written. */
  private static Optional<Fix> pin(Finding f, LoadResult load, DigestLock digests) {
    for (PulledImage pulled : PulledImage.valid(load.project())) {
      Image image = pulled.image();
      if (image.origin().at().equals(f.at()) && Objects.equals(pulled.service(), f.service())) {
        return digests.digestOf(image).map(digest -> new Fix("pin " + image.text() + " to " + digest,
            Fix.Safety.SAFE, List.of(new Fix.Set(pulled.path(), pulled.prefix()
                + DigestLock.pinned(image.text(), digest)))));
      }
    }
    return Optional.empty();
  }
}
