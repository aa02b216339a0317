package dev.lashing.patch;

import dev.lashing.api.ComposeException;
import dev.lashing.api.Diagnostic;
import dev.lashing.api.LoadOptions;
import dev.lashing.api.LoadResult;
import dev.lashing.interpolation.ProjectEnvironment;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Linter;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleOptions;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.ComposeFiles;
import dev.lashing.load.ProjectLoader;
import dev.lashing.model.Service;
import dev.lashing.patch.PatchMap.Tag;
import dev.lashing.patch.PatchMap.Tagged;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Writes a Compose override file that hardens a project without touching its files: lints the project, turns
 * the fixes of the rules it covers into what an override merges to the same result, adds backup jobs for the
 * databases it recognises, then loads the user's files with the patch through Lashing's own loader and lints
 * again, repeating until nothing it covers is left (a healthcheck it adds makes {@code depends-on-healthy} apply,
 * a network it removes makes {@code implicit-default-network} apply). A patch that does not load, or leaves a
 * covered finding, is never returned: that is a bug, reported as a {@link PatchException}.
 */
public final class Patcher {
  /** Rules a patch resolves unless told otherwise. */
  public static final Set<String> DEFAULT_RULES = Set.of(
      "cpu-limit", "default-bridge", "depends-on-healthy", "healthcheck-missing", "implicit-default-network",
      "internal-service-published", "log-rotation", "memory-limit", "no-new-privileges", "pids-limit",
      "port-all-interfaces", "restart-policy");
  /**
   * Rules whose fixes an override can express but that change what containers may do, so a patch applies them
   * only when asked ({@code --also-rule} or {@code --rule}): dropping every capability or the writable root breaks many images as they
   * ship, and a privileged service usually needs to be.
   */
  public static final Set<String> OPTIONAL_RULES = Set.of("cap-drop-all", "privileged", "read-only-rootfs");

  static final String INTERNAL_SERVICE_PUBLISHED = "internal-service-published";
  static final String IMPLICIT_DEFAULT_NETWORK = "implicit-default-network";
  static final String PORT_ALL_INTERFACES = "port-all-interfaces";
  private static final int MAX_ROUNDS = 6;
  private static final Pattern GATEWAY_NAME = Pattern.compile(
      "(?:^|[-_./])(?:proxy|reverse-proxy|gateway|ingress|nginx|openresty|traefik|caddy|haproxy|envoy|lb)(?:[-_.]|$)");

  private final RuleRegistry registry;
  private final Linter linter;

  public Patcher(RuleRegistry registry) {
    this.registry = registry;
    this.linter = new Linter(registry);
  }

  /**
   * The patch for a project.
   *
   * @throws ComposeException when the user's files do not load
   * @throws IllegalArgumentException for an option that does not fit the project (an unknown gateway or rule)
   * @throws PatchException when the patch does not do what it must (a bug)
   */
  public PatchResult generate(PatchOptions options) {
    LoadOptions load = withFiles(options.load());
    LoadResult before = ProjectLoader.load(load);
    Map<String, String> environment = environment(load, before);
    Policy policy = options.settings().policy();

    List<String> gateways = new ArrayList<>(options.gateways());
    String gatewaysFrom = "--gateway";
    for (String g : gateways) {
      if (!before.project().services().containsKey(g)) {
        throw new IllegalArgumentException("--gateway " + g + ": the project has no service named " + g);
      }
    }
    if (gateways.isEmpty()) {
      gateways.addAll(options.settings().optionsOf(INTERNAL_SERVICE_PUBLISHED).strings("gateways", List.of()));
      gatewaysFrom = "the gateways option of " + INTERNAL_SERVICE_PUBLISHED;
    }
    if (gateways.isEmpty()) {
      gateways.addAll(guessGateways(before));
      gatewaysFrom = "recognised by name; choose them with --gateway";
    }
    String network = options.network() != null ? options.network()
        : options.settings().optionsOf(IMPLICIT_DEFAULT_NETWORK).string("network",
            before.project().name() + "_network");
    RuleSettings settings = settings(options, gateways, network);
    Set<String> covered = covered(options, settings);
    boolean backups = options.backups() != null ? options.backups() : policy != Policy.DEVELOPMENT;
    Filter filter = new Filter(covered, Set.copyOf(gateways), policy);

    PatchBuilder builder = new PatchBuilder();
    List<Finding> initial = linter.lint(before, settings);
    List<Finding> findings = initial;
    LoadResult current = before;
    BackupJobs.Plan plan = null;
    // The patch is never written while it is built: the loader reads its text in place of the output file.
    Path patchFile = load.workingDirectory().resolve(options.outputName()).toAbsolutePath().normalize();
    // The covered fixes, then (once the databases' networks and healthchecks are known) the backup jobs, then
    // what the merged result still asks for, until nothing is left.
    for (int round = 0; ; round++) {
      List<Finding> actionable = filter.actionable(findings);
      boolean planJobs = backups && plan == null;
      if (actionable.isEmpty() && !planJobs) {
        break;
      }
      if (round >= MAX_ROUNDS) {
        throw new PatchException("after " + MAX_ROUNDS + " rounds the patch still leaves "
            + describe(actionable));
      }
      Templates templates = new Templates(current.sources(), environment);
      builder.apply(PatchBuilder.withRoomForConnections(PatchBuilder.edits(actionable), current.tree()),
          current.tree(), templates);
      if (planJobs && !actionable.isEmpty() && !builder.isEmpty()) {
        current = loadWith(load, builder.root(), patchFile);
        templates = new Templates(current.sources(), environment);
      }
      if (planJobs) {
        plan = BackupJobs.plan(current, templates, policy, options.backupDirectory());
        for (BackupJobs.Job job : plan.jobs()) {
          builder.addJob(job.name(), job.service(), job.comments());
        }
      }
      if (builder.isEmpty()) {
        break;
      }
      current = loadWith(load, builder.root(), patchFile);
      findings = linter.lint(current, settings);
    }
    builder.sort(new ArrayList<>(before.project().services().keySet()));
    if (builder.isEmpty()) {
      builder.root().put("services", new PatchMap());
    }
    Summary summary = new Summary(before, findings, filter, covered, gateways, gatewaysFrom, network, plan);
    String text = PatchEmitter.write(header(options, load, summary, builder), builder.root());
    Verified after = verify(load, text, patchFile, settings, filter, initial, options);
    return new PatchResult(text, before, after.load(), filter.actionable(initial), after.findings(),
        List.copyOf(covered),
        settings, requiredCompose(builder.root()),
        plan == null ? List.of() : plan.jobs().stream().map(BackupJobs.Job::name).toList(),
        plan == null ? List.of() : plan.skipped().stream().map(k -> k.service() + ": " + k.reason()).toList());
  }

  // ---- options ----

  private static LoadOptions withFiles(LoadOptions load) {
    if (!load.files().isEmpty()) {
      return load;
    }
    List<Path> files = ComposeFiles.discover(load.workingDirectory(), load.environment());
    return new LoadOptions(files, load.workingDirectory(), load.projectDirectory(), load.envFiles(), load.profiles(),
        load.projectName(), load.environment());
  }

  /** The project environment templates are evaluated with, as the loader built it. */
  private static Map<String, String> environment(LoadOptions load, LoadResult before) {
    Path wd = load.workingDirectory().toAbsolutePath().normalize();
    Path first = wd.resolve(load.files().get(0)).normalize();
    Path projectDirectory = load.projectDirectory() != null ? wd.resolve(load.projectDirectory()) : first.getParent();
    Map<String, String> env = new HashMap<>(ProjectEnvironment.resolve(load.environment(),
        load.envFiles().stream().map(wd::resolve).toList(), projectDirectory));
    env.putIfAbsent("COMPOSE_PROJECT_NAME", before.project().name());
    return env;
  }

  /** Services publishing ports whose name or image says they are the stack's entry point. */
  static List<String> guessGateways(LoadResult project) {
    List<String> gateways = new ArrayList<>();
    for (Service s : project.project().services().values()) {
      if (s.publishedPorts().isEmpty()) {
        continue;
      }
      String image = s.image() != null && s.image().isValid() ? s.image().reference().path() : "";
      if (GATEWAY_NAME.matcher(s.name().toLowerCase(Locale.ROOT)).find()
          || GATEWAY_NAME.matcher(image.toLowerCase(Locale.ROOT)).find()) {
        gateways.add(s.name());
      }
    }
    return gateways;
  }

  /**
   * The configured settings with the gateways and network as options of the rules that take them; naming
   * gateways turns internal-service-published on, and naming a rule with --rule or --also-rule turns it on
   * (unless the configuration turns them off).
   */
  private static RuleSettings settings(PatchOptions options, List<String> gateways, String network) {
    Map<String, RuleSettings.PerRule> rules = new LinkedHashMap<>(options.settings().rules());
    for (String id : named(options)) {
      RuleSettings.PerRule rule = rules.get(id);
      if (rule == null || rule.enabled() == null) {
        rules.put(id, new RuleSettings.PerRule(Boolean.TRUE, rule == null ? null : rule.severity(),
            rule == null ? null : rule.options()));
      }
    }
    RuleSettings.PerRule published = rules.get(INTERNAL_SERVICE_PUBLISHED);
    Boolean enabled = published == null ? null : published.enabled();
    if (!options.gateways().isEmpty() && enabled == null) {
      enabled = Boolean.TRUE;
    }
    rules.put(INTERNAL_SERVICE_PUBLISHED, new RuleSettings.PerRule(enabled,
        published == null ? null : published.severity(), withOption(published, "gateways", gateways)));
    RuleSettings.PerRule networkRule = rules.get(IMPLICIT_DEFAULT_NETWORK);
    rules.put(IMPLICIT_DEFAULT_NETWORK, new RuleSettings.PerRule(networkRule == null ? null : networkRule.enabled(),
        networkRule == null ? null : networkRule.severity(), withOption(networkRule, "network", network)));
    return new RuleSettings(options.settings().policy(), rules);
  }

  private static RuleOptions withOption(RuleSettings.PerRule rule, String key, Object value) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (rule != null && rule.options() != null) {
      values.putAll(rule.options().values());
    }
    values.put(key, value);
    return new RuleOptions(values);
  }

  /** The rules this patch resolves: the default set, plus and minus what was asked, that the policy runs. */
  private Set<String> covered(PatchOptions options, RuleSettings settings) {
    Set<String> known = new TreeSet<>();
    for (Rule r : registry.rules()) {
      known.add(r.info().id());
    }
    for (String id : named(options)) {
      if (!DEFAULT_RULES.contains(id) && !OPTIONAL_RULES.contains(id)) {
        throw new IllegalArgumentException(id + ": " + (known.contains(id)
            ? "an override file cannot fix it; the patch covers " + String.join(", ", new TreeSet<>(patchable()))
            : "no such rule"));
      }
    }
    for (String id : options.skipRules()) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException("--skip-rule " + id + ": no such rule");
      }
    }
    Set<String> covered = new TreeSet<>(options.onlyRules().isEmpty() ? DEFAULT_RULES : options.onlyRules());
    covered.addAll(options.alsoRules());
    covered.removeAll(options.skipRules());
    covered.removeIf(id -> registry.get(id) == null || settings.severityOf(registry.get(id).info()) == null);
    return covered;
  }

  /** The rules named with --rule or --also-rule. */
  private static Set<String> named(PatchOptions options) {
    Set<String> named = new TreeSet<>(options.onlyRules());
    named.addAll(options.alsoRules());
    return named;
  }

  static Set<String> patchable() {
    Set<String> all = new TreeSet<>(DEFAULT_RULES);
    all.addAll(OPTIONAL_RULES);
    return all;
  }

  /** Which findings the patch acts on: covered, not suppressed, with a fix, and not a gateway's own binding. */
  record Filter(Set<String> covered, Set<String> gateways, Policy policy) {
    List<Finding> actionable(List<Finding> findings) {
      return findings.stream().filter(this::isActionable).toList();
    }

    boolean isActionable(Finding f) {
      return covered.contains(f.ruleId()) && !f.isSuppressed() && f.fix() != null && !isGatewayBinding(f);
    }

    /** Outside development, a gateway's ports stay on every interface: they are how the stack is reached. */
    boolean isGatewayBinding(Finding f) {
      return f.ruleId().equals(PORT_ALL_INTERFACES) && policy != Policy.DEVELOPMENT && gateways.contains(f.service());
    }

    /** Covered findings the patch leaves on purpose or cannot fix, and why. */
    String whyLeft(Finding f) {
      if (isGatewayBinding(f)) {
        return "gateways keep every interface";
      }
      if (f.fix() == null) {
        return f.ruleId().equals("healthcheck-missing") ? "no check known for the image" : "no fix";
      }
      return f.isSuppressed() ? "suppressed" : null;
    }
  }

  // ---- loading with the patch ----

  private static LoadResult loadWith(LoadOptions load, PatchMap patch, Path patchFile) {
    return loadText(load, PatchEmitter.write(List.of(), patch), patchFile);
  }

  /** The project's files merged with the patch text, read as the file {@code patchFile} (never written). */
  private static LoadResult loadText(LoadOptions load, String text, Path patchFile) {
    List<Path> files = new ArrayList<>(load.files());
    files.add(patchFile);
    Path projectDirectory = load.projectDirectory() != null ? load.projectDirectory()
        : load.workingDirectory().resolve(load.files().get(0)).toAbsolutePath().normalize().getParent();
    LoadOptions with = new LoadOptions(files, load.workingDirectory(), projectDirectory, load.envFiles(),
        load.profiles(), load.projectName(), load.environment());
    try {
      return ProjectLoader.load(with, Map.of(patchFile, text));
    } catch (ComposeException e) {
      StringBuilder message = new StringBuilder("the patch does not load with the project's files:");
      for (Diagnostic d : e.diagnostics()) {
        message.append("\n  ").append(d);
      }
      throw new PatchException(message.toString());
    }
  }

  /** The project with the finished patch, and its findings. */
  private record Verified(LoadResult load, List<Finding> findings) {}

  /**
   * Loads the finished text with the user's files and checks it: it loads, no covered finding with a fix is left,
   * and no covered finding appears that the project did not have.
   */
  private Verified verify(LoadOptions load, String text, Path patchFile, RuleSettings settings, Filter filter,
      List<Finding> initial, PatchOptions options) {
    LoadResult after = loadText(load, text, patchFile);
    List<Finding> findings = linter.lint(after, settings);
    List<Finding> left = filter.actionable(findings);
    if (!left.isEmpty()) {
      throw new PatchException("the patch leaves " + describe(left));
    }
    Map<String, Integer> earlier = new HashMap<>();
    for (Finding f : initial) {
      if (filter.covered().contains(f.ruleId())) {
        earlier.merge(f.ruleId() + "\u0000" + f.service(), 1, Integer::sum);
      }
    }
    List<Finding> added = new ArrayList<>();
    for (Finding f : findings) {
      if (filter.covered().contains(f.ruleId()) && !f.isSuppressed()
          && earlier.merge(f.ruleId() + "\u0000" + f.service(), -1, Integer::sum) < 0) {
        added.add(f);
      }
    }
    if (!added.isEmpty()) {
      throw new PatchException("the patch brings new findings: " + describe(added));
    }
    return new Verified(after, findings);
  }

  private static String describe(List<Finding> findings) {
    StringBuilder text = new StringBuilder();
    for (Finding f : findings) {
      text.append("\n  ").append(f.at())
          .append(" [").append(f.ruleId()).append("] ").append(f.message());
    }
    return findings.size() + " finding(s):" + text;
  }

  // ---- the header ----

  /** What the header reports. */
  private record Summary(LoadResult before, List<Finding> after, Filter filter, Set<String> covered,
      List<String> gateways, String gatewaysFrom, String network, BackupJobs.Plan plan) {}

  private static List<String> header(PatchOptions options, LoadOptions load, Summary s, PatchBuilder builder) {
    List<String> files = new ArrayList<>();
    for (Path f : load.files()) {
      files.add(display(load.workingDirectory(), f));
    }
    List<String> lines = new ArrayList<>();
    String project = String.join(" + ", files);
    wrap(lines, "Hardening override for " + project + ", written by lashing patch: Compose merges it over the "
        + "project's files, which stay untouched. Regenerate it rather than edit it:", "");
    lines.add("  " + options.command());
    lines.add("Use it after the project's own files:");
    StringBuilder usage = new StringBuilder("  docker compose");
    for (Path e : load.envFiles()) {
      usage.append(" --env-file ").append(display(load.workingDirectory(), e));
    }
    for (String f : files) {
      usage.append(" -f ").append(f);
    }
    lines.add(usage.append(" -f ").append(options.outputName()).append(" up -d").toString());
    wrap(lines, requiredCompose(builder.root()).sentence());
    lines.add("");
    wrap(lines, "Policy " + options.settings().policy().label() + ". Once merged, lashing lint reports nothing for "
        + String.join(", ", s.covered()) + leftSuffix(s) + ".");
    if (!s.gateways().isEmpty()) {
      wrap(lines, "Gateways, whose ports stay published on every interface: " + String.join(", ", s.gateways())
          + " (" + s.gatewaysFrom() + ").");
      if (!s.gatewaysFrom().startsWith("the gateways option") && s.covered().contains(INTERNAL_SERVICE_PUBLISHED)) {
        wrap(lines, "So that lashing lint agrees, name them in .lashing.yml: rules: {" + INTERNAL_SERVICE_PUBLISHED
            + ": {options: {gateways: [" + String.join(", ", s.gateways()) + "]}}}.");
      }
    } else if (s.covered().contains(INTERNAL_SERVICE_PUBLISHED)) {
      wrap(lines, "No gateway is named or recognised, so no service keeps published ports; name entry points with "
          + "--gateway.");
    }
    if (setsLimits(builder.root())) {
      wrap(lines, "Resource limits are the rules' defaults for each kind of image; to change them, set the rules' "
          + "options in .lashing.yml (lashing explain memory-limit) and run the command again.");
    }
    if (usesNetwork(builder.root(), s.network())) {
      wrap(lines, "Services move from the shared default network to " + s.network() + ".");
    }
    if (s.plan() != null) {
      List<String> jobs = new ArrayList<>();
      for (BackupJobs.Job j : s.plan().jobs()) {
        jobs.add(j.name() + " (" + j.kind().tool + " of " + j.database() + ")");
      }
      if (!jobs.isEmpty()) {
        wrap(lines, "Backup jobs: " + String.join(", ", jobs) + ", under "
            + (options.backupDirectory() == null ? BackupJobs.DEFAULT_DIRECTORY : options.backupDirectory())
            + "; 7 daily and 4 weekly copies each.");
      }
      for (BackupJobs.Job j : s.plan().jobs()) {
        for (String note : j.notes()) {
          wrap(lines, "Warning: " + note + ".");
        }
      }
      for (BackupJobs.Skipped k : s.plan().skipped()) {
        wrap(lines, "No backup job for " + k.service() + ": " + k.reason() + ".");
      }
    }
    Set<String> others = new TreeSet<>();
    for (Finding f : s.after()) {
      if (!f.isSuppressed() && !s.covered().contains(f.ruleId())) {
        others.add(f.ruleId());
      }
    }
    if (!others.isEmpty()) {
      wrap(lines, "Not covered here, for a person to decide (lashing lint still reports them): "
          + String.join(", ", others) + ".");
    }
    lines.add("Each block below names the rules it resolves.");
    return lines;
  }

  /** " (except: healthcheck-missing 3, no check known for the image)" when covered findings stay. */
  private static String leftSuffix(Summary s) {
    Map<String, Integer> left = new TreeMap<>();
    for (Finding f : s.after()) {
      String why = s.covered().contains(f.ruleId()) ? s.filter().whyLeft(f) : null;
      if (why != null && !why.equals("suppressed")) {
        left.merge(f.ruleId() + " " + "%d" + ", " + why, 1, Integer::sum);
      }
    }
    if (left.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    left.forEach((text, n) -> parts.add(text.replace("%d", Integer.toString(n))));
    return " (except " + String.join("; ", parts) + ")";
  }

  private static boolean setsLimits(PatchMap root) {
    if (root.get("services") instanceof PatchMap services) {
      for (String name : services.keys()) {
        if (services.entry(name).comments().isEmpty() && services.get(name) instanceof PatchMap service
            && (service.has("deploy") || service.has("mem_limit") || service.has("cpus") || service.has("pids_limit"))
            && service.entry(service.has("deploy") ? "deploy" : service.has("mem_limit") ? "mem_limit"
                : service.has("cpus") ? "cpus" : "pids_limit").rules().stream().anyMatch(r -> r.endsWith("-limit"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean usesNetwork(PatchMap root, String network) {
    return root.get("networks") instanceof PatchMap networks && networks.has(network);
  }

  private static String display(Path workingDirectory, Path file) {
    Path wd = workingDirectory.toAbsolutePath().normalize();
    Path absolute = wd.resolve(file).normalize();
    return absolute.startsWith(wd) ? wd.relativize(absolute).toString() : file.toString();
  }

  /** Appends {@code text} as lines of at most 100 characters, the lines after the first indented. */
  private static void wrap(List<String> lines, String text) {
    wrap(lines, text, "  ");
  }

  private static void wrap(List<String> lines, String text, String indent) {
    int width = 98;
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(indent);
      }
      if (line.length() > 0 && !line.toString().isBlank()) {
        line.append(' ');
      }
      line.append(word);
    }
    if (!line.toString().isBlank()) {
      lines.add(line.toString());
    }
  }

  // ---- the Compose version ----

  /** The oldest Docker Compose that reads a patch, from the features it uses. */
  public enum ComposeVersion {
    ANY_V2("Needs Docker Compose v2; it uses no !reset or !override."),
    RESET("Needs Docker Compose 2.18.0 or later, for !reset (Compose v1 cannot read it)."),
    OVERRIDE("Needs Docker Compose 2.24.4 or later, for !override (2.18.0 brought !reset; Compose v1 reads neither).");

    private final String sentence;

    ComposeVersion(String sentence) {
      this.sentence = sentence;
    }

    public String sentence() {
      return sentence;
    }
  }

  static ComposeVersion requiredCompose(PatchMap root) {
    Set<Tag> tags = new LinkedHashSet<>();
    collectTags(root, tags);
    return tags.contains(Tag.OVERRIDE) ? ComposeVersion.OVERRIDE
        : tags.contains(Tag.RESET) ? ComposeVersion.RESET : ComposeVersion.ANY_V2;
  }

  private static void collectTags(Object value, Set<Tag> tags) {
    if (value instanceof Tagged t) {
      tags.add(t.tag());
      collectTags(t.value(), tags);
    } else if (value instanceof PatchMap map) {
      for (String k : map.keys()) {
        collectTags(map.get(k), tags);
      }
    } else if (value instanceof Collection<?> list) {
      for (Object item : list) {
        collectTags(item, tags);
      }
    }
  }
}
