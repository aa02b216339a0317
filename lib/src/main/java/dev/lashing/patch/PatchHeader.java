package dev.lashing.patch;

import dev.lashing.lint.Finding;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.syntax.ShellWords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The comment at the top of a patch: how to regenerate and use it, the Compose version it needs, what it covers
 * and what it leaves, its gateways, network and backup jobs.
 */
public final class PatchHeader {
  /** The words every patch begins with, after {@code # }: how a file is known to be one that patch wrote. */
  private static final String FIRST_WORDS = "Hardening override for ";

  /** What the header reports. */
  record Summary(LoadResult before, List<Finding> after, PatchFilter filter, Set<String> covered,
      List<String> gateways, String gatewaysFrom, String network, BackupJobs.Plan plan, ComposeVersion compose) {}

  private final PatchRules rules;

  PatchHeader(PatchRules rules) {
    this.rules = rules;
  }

  /** Whether {@code text} is a patch that lashing patch wrote (and may write again). */
  public static boolean isPatch(String text) {
    return text.startsWith("# " + FIRST_WORDS);
  }

  /** The header's lines, without comment markers. */
  List<String> lines(PatchOptions options, LoadOptions load, Summary s, PatchBuilder builder) {
    List<String> files = new ArrayList<>();
    for (Path f : load.files()) {
      files.add(display(load.workingDirectory(), f));
    }
    List<String> lines = new ArrayList<>();
    String project = String.join(" + ", files);
    wrap(lines, FIRST_WORDS + project + ", written by lashing patch: Compose merges it over the "
        + "project's files, which stay untouched. Regenerate it rather than edit it:", "");
    lines.add("  " + options.command());
    lines.add("Use it after the project's own files:");
    lines.add(usage(load, files, options.outputName()));
    wrap(lines, s.compose().sentence());
    lines.add("");
    wrap(lines, "Policy " + options.settings().policy().label() + ". Once merged, lashing lint reports nothing for "
        + String.join(", ", s.covered()) + leftSuffix(s) + ".");
    String gatewaysRule = rules.gatewaysRule().orElse(null);
    boolean coversGateways = gatewaysRule != null && s.covered().contains(gatewaysRule);
    if (!s.gateways().isEmpty()) {
      wrap(lines, "Gateways, whose ports stay published on every interface: " + String.join(", ", s.gateways())
          + " (" + s.gatewaysFrom() + ").");
      if (!s.gatewaysFrom().startsWith("the gateways option") && coversGateways) {
        wrap(lines, "So that lashing lint agrees, name them in .lashing.yml: rules: {" + gatewaysRule
            + ": {options: {gateways: [" + String.join(", ", s.gateways()) + "]}}}.");
      }
    } else if (coversGateways) {
      wrap(lines, "No gateway is named or recognised, so no service keeps published ports; name entry points with "
          + "--gateway.");
    }
    if (setsLimits(builder.root())) {
      wrap(lines, "Resource limits are the rules' defaults for each kind of image; to change them, set the rules' "
          + "options in .lashing.yml" + rules.kindDefaultsRule().map(id -> " (lashing explain " + id + ")").orElse("")
          + " and run the command again.");
    }
    if (usesNetwork(builder.root(), s.network())) {
      wrap(lines, "Services move from the shared default network to " + s.network() + ".");
    }
    if (s.plan() != null) {
      List<String> jobs = new ArrayList<>();
      for (BackupJobs.Job j : s.plan().jobs()) {
        jobs.add(j.name() + " (" + j.kind().tool() + " of " + j.database() + ")");
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
    String others = notCovered(s.after(), s.covered(), s.plan());
    if (!others.isEmpty()) {
      wrap(lines, "Not covered here, for a person to decide (lashing lint still reports them once this is merged): "
          + others + ".");
    }
    lines.add("Each block below names the rules it resolves.");
    return lines;
  }

  /**
   * The findings of the rules the patch does not cover, by rule, as lashing lint reports them once the patch is merged
   * ({@code after}): "cap-drop-all 5, image-digest 7 (1 in the backup job this patch adds)". The backup jobs' own
   * findings are counted too, and said, since the project did not have them. Empty when there are none.
   */
  static String notCovered(List<Finding> after, Set<String> covered, BackupJobs.Plan plan) {
    Set<String> jobs = new TreeSet<>();
    if (plan != null) {
      plan.jobs().forEach(j -> jobs.add(j.name()));
    }
    Map<String, Integer> left = new TreeMap<>();
    Map<String, Integer> inJobs = new TreeMap<>();
    for (Finding f : after) {
      if (!f.isSuppressed() && !covered.contains(f.ruleId())) {
        left.merge(f.ruleId(), 1, Integer::sum);
        if (f.service() != null && jobs.contains(f.service())) {
          inJobs.merge(f.ruleId(), 1, Integer::sum);
        }
      }
    }
    List<String> parts = new ArrayList<>();
    left.forEach((rule, n) -> parts.add(rule + " " + n + (inJobs.containsKey(rule) ? " (" + inJobs.get(rule)
        + " in the backup " + (jobs.size() == 1 ? "job" : "jobs") + " this patch adds)" : "")));
    return String.join(", ", parts);
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

  private boolean setsLimits(PatchMap root) {
    List<String> limitRules = rules.limitRules();
    if (root.get("services") instanceof PatchMap services) {
      for (String name : services.keys()) {
        if (services.entry(name).comments().isEmpty() && services.get(name) instanceof PatchMap service
            && (service.has("deploy") || service.has("mem_limit") || service.has("cpus") || service.has("pids_limit"))
            && service.entry(service.has("deploy") ? "deploy" : service.has("mem_limit") ? "mem_limit"
                : service.has("cpus") ? "cpus" : "pids_limit").rules().stream().anyMatch(limitRules::contains)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean usesNetwork(PatchMap root, String network) {
    return root.get("networks") instanceof PatchMap networks && networks.has(network);
  }

  /**
   * The command that starts the project with the patch: every option that chose the project the patch was computed
   * for ({@code -p}, {@code --profile}, {@code --env-file}, {@code --project-directory}), so that it starts that one
   * and not another beside it. The profile {@code *} is not one the user named: it is how patch checks every service
   * when none is named ({@link LoadOptions#checkingEveryService()}), and starting them all would be a change.
   */
  private static String usage(LoadOptions load, List<String> files, String output) {
    Path wd = load.workingDirectory();
    StringBuilder usage = new StringBuilder("  docker compose");
    if (load.projectName() != null) {
      usage.append(" -p ").append(ShellWords.quoted(load.projectName()));
    }
    for (String profile : new TreeSet<>(load.profiles())) {
      if (!profile.equals(LoadOptions.EVERY_PROFILE)) {
        usage.append(" --profile ").append(ShellWords.quoted(profile));
      }
    }
    for (Path e : load.envFiles()) {
      usage.append(" --env-file ").append(ShellWords.quoted(display(wd, e)));
    }
    if (load.projectDirectory() != null) {
      String directory = display(wd, load.projectDirectory());
      usage.append(" --project-directory ").append(ShellWords.quoted(directory.isEmpty() ? "." : directory));
    }
    for (String f : files) {
      usage.append(" -f ").append(ShellWords.quoted(f));
    }
    return usage.append(" -f ").append(ShellWords.quoted(output)).append(" up -d").toString();
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
}
