package dev.lashing.config;

import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleSettings;
import dev.lashing.lint.Severity;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A repository's {@code .lashing.yml}: the default policy, policies by file glob, per-rule settings,
 * ignored paths and the failure threshold. Globs are relative to the configuration's directory.
 *
 * @param directory where the configuration file is (globs are relative to it), or null for none
 * @param failOn the lowest severity that fails a lint run, or null to use the command's default
 */
public record LintConfig(
    Path directory,
    Policy policy,
    Severity failOn,
    List<PolicyByGlob> policies,
    Map<String, RuleSettings.PerRule> rules,
    List<String> ignore) {

  /** No configuration file: the default policy, every rule as the policy sets it. */
  public static final LintConfig NONE =
      new LintConfig(null, Policy.DEFAULT, null, List.of(), Map.of(), List.of());

  /** A policy for the files matching any of {@code globs}. */
  public record PolicyByGlob(List<String> globs, Policy policy) {
    public PolicyByGlob {
      globs = List.copyOf(globs);
    }
  }

  public LintConfig {
    policies = List.copyOf(policies);
    rules = Map.copyOf(rules);
    ignore = List.copyOf(ignore);
  }

  /** The policy for a file: the first matching {@code policies} entry, else {@code policy}. */
  public Policy policyFor(Path file) {
    return policyFor(file, null);
  }

  /**
   * The policy for a file that names {@code named} for itself (a {@code # lashing: policy=} comment; null when
   * it names none): the first matching {@code policies} entry, else {@code named}, else {@code policy}.
   */
  public Policy policyFor(Path file, Policy named) {
    for (PolicyByGlob entry : policies) {
      if (matchesAny(entry.globs(), file)) {
        return entry.policy();
      }
    }
    return named != null ? named : policy;
  }

  public boolean ignores(Path file) {
    return matchesAny(ignore, file);
  }

  /**
   * Rule settings for a compose file; {@code policyOverride} (the --policy flag) wins when not null, then a
   * {@code policies} glob, then the policy the file names for itself ({@link PolicyDirective}), then
   * {@code policy}.
   */
  public RuleSettings settingsFor(Path file, Policy policyOverride) {
    return policyOverride != null ? new RuleSettings(policyOverride, rules)
        : settingsNaming(file, PolicyDirective.of(file));
  }

  /**
   * Rule settings for a compose file as {@code text} reads, which may differ from the disk (an editor's unsaved
   * buffer): a {@code policies} glob, then the policy the text names for itself, then {@code policy}.
   */
  public RuleSettings settingsForText(Path file, String text) {
    return settingsNaming(file, PolicyDirective.in(text));
  }

  private RuleSettings settingsNaming(Path file, Optional<Policy> named) {
    return new RuleSettings(policyFor(file, named.orElse(null)), rules);
  }

  private boolean matchesAny(List<String> globs, Path file) {
    if (globs.isEmpty()) {
      return false;
    }
    Path absolute = file.toAbsolutePath().normalize();
    Path base = directory == null ? Path.of("").toAbsolutePath() : directory;
    if (!absolute.startsWith(base)) {
      return false;
    }
    Path relative = base.relativize(absolute);
    for (String glob : globs) {
      PathMatcher matcher = matcher(glob);
      // ./compose.yaml is the one beside the configuration; compose.yaml is any file of that name below it
      if (matcher.matches(relative) || !glob.startsWith("./") && matcher.matches(relative.getFileName())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The matcher of one of the configuration's globs, relative to its directory: a leading {@code ./} names that
   * directory, so {@code ./compose.yaml} is {@code compose.yaml}.
   *
   * @throws java.util.regex.PatternSyntaxException when {@code glob} is not one (the loader says where)
   */
  static PathMatcher matcher(String glob) {
    String relative = glob;
    while (relative.startsWith("./")) {
      relative = relative.substring(2);
    }
    return FileSystems.getDefault().getPathMatcher("glob:" + relative);
  }

  /**
   * Why a glob can match no file, or empty: one that leaves the configuration's directory ({@code ../x}, or an
   * absolute {@code /x}) names files it never applies to, since it applies to the files below that directory.
   */
  static Optional<String> outside(String glob) {
    String relative = glob;
    while (relative.startsWith("./")) {
      relative = relative.substring(2);
    }
    return relative.startsWith("/") || relative.equals("..") || relative.startsWith("../")
        ? Optional.of("globs are relative to the configuration's folder and apply to the files below it, so '"
            + glob + "' would match none; write the path from that folder")
        : Optional.empty();
  }
}
