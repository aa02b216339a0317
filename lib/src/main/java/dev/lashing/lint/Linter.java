package dev.lashing.lint;

import dev.lashing.knowledge.ImageKind;
import dev.lashing.knowledge.KnownImage;
import dev.lashing.load.LoadResult;
import dev.lashing.model.Located;
import dev.lashing.model.Project;
import dev.lashing.model.PulledImage;
import dev.lashing.model.Service;
import dev.lashing.render.SideBySide;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.yaml.ParsedYaml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Runs the rules a configuration enables over a loaded project, then applies inline suppressions. */
public final class Linter {
  /** The order findings are reported in: file, line, column, rule, service (see {@link SortKey}). */
  public static final Comparator<Finding> ORDER = (a, b) -> SortKey.of(a).compareTo(SortKey.of(b));

  /** The size of a project's files from which its rules run on several threads. */
  private static final int PARALLEL_FROM_CHARS = 64 * 1024;
  /**
   * Or this many port bindings, from however few characters: a range is a binding per port, and the rules that
   * compare bindings cost per binding (one range of every port is 65,535).
   */
  private static final int PARALLEL_FROM_BINDINGS = 8 * 1024;

  private final RuleRegistry registry;

  public Linter(RuleRegistry registry) {
    this.registry = registry;
  }

  /**
   * {@code a.compareTo(b)}, without reading the characters when both are the same string: the findings of a file
   * share its name, and those of a rule its id, so most comparisons of a large sort are of a string with itself.
   */
  private static int compareText(String a, String b) {
    return a == b ? 0 : a.compareTo(b);
  }

  private static String serviceOrEmpty(Finding f) {
    return f.service() == null ? "" : f.service();
  }

  /**
   * The findings for a project that failed to load: each error under the rule for its kind, at the
   * rule's configured severity, or critical when that rule is off or unknown (bad input is never
   * silent).
   */
  public List<Finding> loadFailure(List<Diagnostic> errors, RuleSettings settings) {
    List<Finding> findings = new ArrayList<>();
    for (Diagnostic d : errors) {
      Rule rule = null;
      for (Rule candidate : registry.rules()) {
        if (candidate instanceof LoadProblemRule p && p.kind() == d.kind()) {
          rule = candidate;
        }
      }
      String id = rule == null ? "load-error" : rule.info().id();
      Severity severity = rule == null ? null : settings.severityOf(rule.info());
      Fix fix = rule == null ? null : ((LoadProblemRule) rule).fix(d);
      findings.add(new Finding(id, severity == null ? Severity.CRITICAL : severity, d.message(), d.at(), null,
          List.of(), fix, null));
    }
    findings.sort(ORDER);
    return findings;
  }

  /**
   * Every finding, suppressed ones included (marked), sorted by position; for a project Compose refuses, its
   * errors too, as {@link #loadFailure} reports them (a suppression comment does not hide a refusal).
   */
  public List<Finding> lint(LoadResult load, RuleSettings settings) {
    Gateways gateways = Gateways.of(registry, settings, load.project());
    ServiceImages images = ServiceImages.of(load.project());
    Map<String, String> startedBy = startedBy(load.project());
    List<Rule> enabled = registry.rules().stream().filter(rule -> settings.severityOf(rule.info()) != null).toList();
    Function<Rule, List<Finding>> check = rule -> {
      List<Finding> found = new ArrayList<>();
      rule.check(new Context(load, settings, gateways, images, startedBy, rule.info(),
          settings.severityOf(rule.info()), found));
      return found;
    };
    // On a large project the rules run side by side, each into its own list, joined in the rules' order so the
    // result is the same; each thread claims one rule at a time, as a few rules cost far more than the rest. On a
    // small project, handing them to other threads would cost more than it saves.
    List<Finding> findings = new ArrayList<>();
    if (isLarge(load)) {
      SideBySide.inOrder(enabled.size(), 1, (from, to) -> check.apply(enabled.get(from)), findings::addAll);
    } else {
      enabled.forEach(rule -> findings.addAll(check.apply(rule)));
    }
    List<Finding> result = applySuppressions(load, settings, findings);
    result.addAll(loadFailure(load.errors(), settings));
    sort(result);
    return result;
  }

  /**
   * Sorts {@code findings} into {@link #ORDER} as a stable sort by it would. Most of a large sort's time went to
   * following each finding to its range, scattered in memory, at every comparison; here each finding's place is
   * first copied into a key, one key close to the next, so the sort reads only the keys.
   */
  public static void sort(List<Finding> findings) {
    SortKey[] keys = new SortKey[findings.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = SortKey.of(findings.get(i));
    }
    Arrays.sort(keys);
    for (int i = 0; i < keys.length; i++) {
      findings.set(i, keys[i].finding());
    }
  }

  /** A finding's place in {@link #ORDER}. */
  private record SortKey(String file, int line, int column, String rule, String service, Finding finding)
      implements Comparable<SortKey> {
    static SortKey of(Finding f) {
      return new SortKey(f.at().file(), f.at().line(), f.at().column(), f.ruleId(), serviceOrEmpty(f), f);
    }

    @Override
    public int compareTo(SortKey other) {
      int order = compareText(file, other.file);
      if (order == 0) {
        order = Integer.compare(line, other.line);
      }
      if (order == 0) {
        order = Integer.compare(column, other.column);
      }
      if (order == 0) {
        order = compareText(rule, other.rule);
      }
      return order != 0 ? order : compareText(service, other.service);
    }
  }

  private static boolean isLarge(LoadResult load) {
    long size = 0;
    for (SourceFile source : load.sources().values()) {
      size += source.text().length();
    }
    if (size >= PARALLEL_FROM_CHARS) {
      return true;
    }
    int bindings = 0;
    for (Service service : load.project().services().values()) {
      bindings += service.ports().size();
    }
    return bindings >= PARALLEL_FROM_BINDINGS;
  }

  private List<Finding> applySuppressions(LoadResult load, RuleSettings settings, List<Finding> findings) {
    List<Suppressions.Problem> problems = new ArrayList<>();
    List<Suppressions.Suppression> suppressions = new ArrayList<>();
    for (SourceFile file : load.sources().values()) {
      ParsedYaml yaml = load.parsed().get(file.name());
      List<ParsedYaml.Comment> comments = yaml != null ? yaml.comments() : Suppressions.lineComments(file);
      suppressions.addAll(Suppressions.parse(file, comments, yaml, problems));
    }
    List<Finding> result = new ArrayList<>(findings.size());
    // the rules each suppression suppressed: one of several it names may suppress nothing
    List<Set<String>> used = new ArrayList<>(suppressions.size());
    suppressions.forEach(s -> used.add(new HashSet<>()));
    SuppressionIndex index = new SuppressionIndex(suppressions);
    for (Finding f : findings) {
      int first = index.firstCovering(f);
      if (first >= 0) {
        used.get(first).add(f.ruleId());
        result.add(f.suppressed(suppressions.get(first).reason()));
      } else {
        result.add(f);
      }
    }
    Severity invalid = settings.severityOf(new EngineRules.InvalidSuppression().info());
    if (invalid != null) {
      for (Suppressions.Problem p : problems) {
        result.add(new Finding(EngineRules.INVALID_SUPPRESSION, invalid, p.message(), p.at(), null, List.of(),
            null, null));
      }
    }
    Severity unused = settings.severityOf(new EngineRules.UnusedSuppression().info());
    List<String> ids = suppressions.isEmpty() ? List.of() : registry.ids();
    for (int i = 0; i < suppressions.size(); i++) {
      Suppressions.Suppression s = suppressions.get(i);
      Set<String> suppressed = used.get(i);
      List<String> idle = s.ruleIds().stream().filter(id -> !suppressed.contains(id)).toList();
      // a rule there is not makes the comment malformed (a slip in its name, with a suggestion), not merely stale
      List<String> unknown = idle.stream().filter(id -> !ids.contains(id)).toList();
      List<String> stale = idle.stream().filter(ids::contains).toList();
      if (invalid != null && !unknown.isEmpty()) {
        result.add(new Finding(EngineRules.INVALID_SUPPRESSION, invalid, "lashing-ignore names "
            + unknown.stream().map(id -> RuleRegistry.unknownRule(id, ids)).collect(Collectors.joining(", ")),
            s.at(), null, List.of(), null, null));
      }
      if (unused != null && !stale.isEmpty()) {
        result.add(new Finding(EngineRules.UNUSED_SUPPRESSION, unused,
            "lashing-ignore for " + String.join(", ", stale) + " suppresses nothing", s.at(), null, List.of(), null,
            null));
      }
    }
    return result;
  }

  /**
   * The suppressions that may cover a finding, by the file and line they cover (whole-file ones by file), so that
   * a finding is checked against those of its line, not against every suppression of the project.
   */
  private static final class SuppressionIndex {
    private final List<Suppressions.Suppression> suppressions;
    private final Map<SourceLine, List<Integer>> byLine = new HashMap<>();
    private final Map<String, List<Integer>> wholeFile = new HashMap<>();

    SuppressionIndex(List<Suppressions.Suppression> suppressions) {
      this.suppressions = suppressions;
      for (int i = 0; i < suppressions.size(); i++) {
        Suppressions.Suppression s = suppressions.get(i);
        if (s.wholeFile()) {
          wholeFile.computeIfAbsent(s.at().file(), file -> new ArrayList<>()).add(i);
        } else {
          byLine.computeIfAbsent(new SourceLine(s.at().file(), s.coveredLine()), key -> new ArrayList<>()).add(i);
          if (s.valueLine() > 0) {
            byLine.computeIfAbsent(new SourceLine(s.at().file(), s.valueLine()), key -> new ArrayList<>()).add(i);
          }
        }
      }
    }

    /** The position in the list of the first suppression that covers {@code f}, or -1. */
    int firstCovering(Finding f) {
      int onLine = first(byLine.get(new SourceLine(f.at().file(), f.at().line())), f);
      int inFile = first(wholeFile.get(f.at().file()), f);
      return onLine < 0 ? inFile : inFile < 0 ? onLine : Math.min(onLine, inFile);
    }

    private int first(List<Integer> candidates, Finding f) {
      if (candidates != null) {
        for (int i : candidates) {
          if (suppressions.get(i).covers(f)) {
            return i;
          }
        }
      }
      return -1;
    }

    private record SourceLine(String file, int line) {}
  }

  /**
   * For each service behind profiles, the words a finding of it ends with: which profiles start it (it runs only
   * when one of them is enabled). Made once for all the rules: looking the service up among thousands for each
   * finding cost more than the rest of the reporting.
   */
  private static Map<String, String> startedBy(Project project) {
    Map<String, String> words = new HashMap<>();
    for (Map.Entry<String, Service> e : project.services().entrySet()) {
      if (!e.getValue().profiles().isEmpty()) {
        List<String> names = e.getValue().profiles().stream().map(Located::value).toList();
        words.put(e.getKey(), " (" + e.getKey() + " starts only with "
            + (names.size() == 1 ? "profile " : "one of the profiles ") + String.join(", ", names) + ")");
      }
    }
    return words;
  }

  /** The context of one rule's run. */
  private static final class Context implements RuleContext {
    private final LoadResult load;
    private final RuleSettings settings;
    private final Gateways gateways;
    private final ServiceImages images;
    private final Map<String, String> startedBy;
    private final String ruleId;
    private final Severity severity;
    private final List<Finding> sink;

    Context(LoadResult load, RuleSettings settings, Gateways gateways, ServiceImages images,
        Map<String, String> startedBy, RuleInfo info, Severity severity, List<Finding> sink) {
      this.load = load;
      this.settings = settings;
      this.gateways = gateways;
      this.images = images;
      this.startedBy = startedBy;
      this.ruleId = info.id(); // read once: every finding of the rule carries it
      this.severity = severity;
      this.sink = sink;
    }

    @Override
    public LoadResult load() {
      return load;
    }

    @Override
    public Policy policy() {
      return settings.policy();
    }

    @Override
    public Gateways gateways() {
      return gateways;
    }

    @Override
    public Optional<KnownImage> knownImage(Service service) {
      return images.known(service);
    }

    @Override
    public ImageKind imageKind(Service service) {
      return images.kind(service);
    }

    @Override
    public List<PulledImage> pulledImages() {
      return images.pulled();
    }

    @Override
    public RuleOptions options() {
      return settings.optionsOf(ruleId);
    }

    @Override
    public void report(Origin origin, String service, Supplier<String> message, Fix fix) {
      String profiles = service == null ? null : startedBy.get(service);
      sink.add(new Finding(ruleId, severity, profiles == null ? message : () -> message.get() + profiles,
          origin.at(), service, origin.via(), fix, null, null));
    }

    @Override
    public void reportSecret(Origin origin, SourceRange secret, String service, String message) {
      sink.add(new Finding(ruleId, severity, message, origin.at(), service, origin.via(), null, null, secret));
    }
  }
}
