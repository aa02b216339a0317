package dev.lashing.cli;

import dev.lashing.api.Lashing;
import dev.lashing.config.LintConfig;
import dev.lashing.fix.DigestLock;
import dev.lashing.fix.Fixer;
import dev.lashing.fix.Skip;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleRole;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.source.AtomicFiles;
import dev.lashing.source.ComposeException;
import dev.lashing.yaml.SourceFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code lashing fix}: fixes the findings of each project in the user's own files with minimal text edits.
 * Without {@code --write} it prints the unified diff and writes nothing (exit 1 when there is something to
 * fix, 0 when not); with {@code --write} it writes each changed file atomically, keeping its mode and
 * encoding, and refuses (exit 2) when a file changed since it was read; fixes that do not settle are a bug
 * (exit 3, nothing printed or written). Behaviour-changing fixes need {@code --unsafe-fixes} or the rule's
 * {@code unsafe_fix} option.
 */
final class FixCommand {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> environment;
  private final Path workingDirectory;

  FixCommand(PrintWriter out, PrintWriter err, Map<String, String> environment, Path workingDirectory) {
    this.out = out;
    this.err = err;
    this.environment = environment;
    this.workingDirectory = workingDirectory;
  }

  static Options options() {
    Options options = Arguments.projectOptions();
    Arguments.addPolicyAndConfig(options);
    Arguments.addGateway(options);
    options.addOption(Option.builder().longOpt("unsafe-fixes")
        .desc("also apply fixes that change behaviour (read_only, cap_drop, unpublished ports...)").build());
    options.addOption(Option.builder().longOpt("rule").hasArg().argName("ID")
        .desc("fix only this rule's findings (repeatable; enables the rule if it is off)").build());
    Arguments.addDigests(options);
    options.addOption(Option.builder().longOpt("write")
        .desc("write the fixed files (default: print the diff and write nothing)").build());
    return options;
  }

  int run(String[] args) {
    CommandLine line = Arguments.parse("fix [FILE|DIR]... [options]", options(), args, out);
    if (line == null) {
      return Cli.OK;
    }
    Policy policyFlag = Arguments.policy(line);
    Lashing lashing = InstalledRules.lashing();
    RuleRegistry registry = lashing.rules();
    Set<String> rules = new LinkedHashSet<>(Arguments.values(line, "rule"));
    DigestLock digests = Arguments.digests(line, workingDirectory);
    for (String id : rules) {
      Rule rule = registry.get(id);
      if (rule == null) {
        throw new Arguments.UsageException(RuleRegistry.unknownRule(id, registry.ids()));
      }
      boolean fromLock = RuleRegistry.hasRole(rule.info(), RuleRole.DIGEST_LOCK);
      if (!rule.info().fixable() && !(fromLock && !digests.isEmpty())) {
        throw new Arguments.UsageException("rule '" + id + "' has no fix"
            + (fromLock ? " without --digests FILE" : ""));
      }
    }
    LintConfig config = Arguments.config(line, registry, workingDirectory);
    Fixer.Options fixOptions = new Fixer.Options(line.hasOption("unsafe-fixes"), rules, digests);

    boolean invalid = false;
    Map<Path, Fixer.FileFix> changes = new LinkedHashMap<>();
    List<Finding> fixed = new ArrayList<>();
    List<Skip> skipped = new ArrayList<>();
    List<Set<String>> services = new ArrayList<>(); // of each project read, null when it could not be
    for (LoadOptions load : Arguments.projects(line, workingDirectory, environment)) {
      Path first = workingDirectory.resolve(load.files().get(0));
      if (config.ignores(first)) {
        continue;
      }
      RuleSettings settings = Arguments.settings(line, config, first, policyFlag, lashing.rules());
      Fixer.Result result;
      try {
        LoadResult loaded = lashing.load(load);
        services.add(loaded.project().services().keySet());
        result = lashing.fix(load, loaded, settings, fixOptions);
      } catch (ComposeException e) {
        services.add(null);
        invalid = true;
        Refusal.explain(err, "fix", first, workingDirectory, e);
        continue;
      } catch (SourceFiles.TooLargeToWrite e) {
        invalid = true;
        err.println("lashing: fix writes nothing for " + load.files().get(0) + ": " + e.getMessage());
        continue;
      } catch (Fixer.Unsettled e) {
        // a bug of the fix engine: no project's fixes are printed or written, since none can be vouched for
        err.println("lashing: internal error: " + load.files().get(0) + ": " + e.getMessage() + "; nothing written");
        err.println("lashing: please report this with the input that caused it");
        return Cli.INTERNAL_ERROR;
      }
      boolean clash = false;
      for (Fixer.FileFix f : result.files()) {
        Fixer.FileFix earlier = changes.get(f.path());
        if (earlier != null && !earlier.equals(f)) {
          err.println("lashing: " + f.name() + " belongs to several of the projects given, which fix it differently;"
              + " fix those projects one at a time");
          clash = true;
        }
      }
      if (clash) {
        invalid = true;
        continue;
      }
      for (Fixer.FileFix f : result.files()) {
        changes.put(f.path(), f);
      }
      fixed.addAll(result.fixed());
      skipped.addAll(result.skipped());
    }
    Arguments.warnOfUnknownGateways(line, services, err);
    reportSkipped(skipped, line.hasOption("unsafe-fixes"));
    if (!line.hasOption("write")) {
      for (Fixer.FileFix f : changes.values()) {
        out.print(f.diff());
      }
      if (invalid) {
        return Cli.INVALID;
      }
      return changes.isEmpty() ? Cli.OK : Cli.FINDINGS;
    }
    if (!write(changes.values())) {
      return Cli.INVALID;
    }
    if (!invalid || !changes.isEmpty()) {
      summary(changes.values(), fixed); // not "nothing to fix" right after saying what to solve first
    }
    return invalid ? Cli.INVALID : Cli.OK;
  }

  /** Writes every file, or none when one of them changed since it was read. */
  boolean write(java.util.Collection<Fixer.FileFix> files) {
    Map<Fixer.FileFix, Charset> charsets = new LinkedHashMap<>();
    boolean refused = false;
    for (Fixer.FileFix f : files) {
      try {
        byte[] now = Files.readAllBytes(f.path());
        Charset charset = SourceFiles.charsetOf(now);
        if (!Arrays.equals(now, encode(f.before(), charset))) {
          err.println("lashing: " + f.name() + " changed since it was read; nothing written. Run lashing fix again.");
          refused = true;
        }
        charsets.put(f, charset);
      } catch (NoSuchFileException e) {
        err.println("lashing: " + f.name() + " is gone since it was read; nothing written");
        refused = true;
      } catch (IOException e) {
        err.println("lashing: " + f.name() + ": cannot read: " + e.getMessage() + "; nothing written");
        refused = true;
      }
    }
    if (refused) {
      return false;
    }
    // Each file is written whole or not at all; when one cannot be written, the others still are, and the
    // user is told which files hold the fixes and which do not.
    List<String> written = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Map.Entry<Fixer.FileFix, Charset> e : charsets.entrySet()) {
      String name = e.getKey().name();
      try {
        AtomicFiles.write(e.getKey().path(), encode(e.getKey().after(), e.getValue()));
        written.add(name);
      } catch (IOException ex) {
        err.println("lashing: " + IoErrors.describe(name, ex) + "; " + name + " not written, it is unchanged");
        failed.add(name);
      }
    }
    if (failed.isEmpty()) {
      return true;
    }
    err.println("lashing: written: " + (written.isEmpty() ? "none" : String.join(", ", written))
        + "; not written: " + String.join(", ", failed));
    return false;
  }



  static byte[] encode(String text, Charset charset) {
    try {
      ByteBuffer buffer = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(text));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("cannot encode the fixed text as " + charset, e);
    }
  }

  private void summary(java.util.Collection<Fixer.FileFix> files, List<Finding> fixed) {
    if (files.isEmpty()) {
      out.println("lashing: nothing to fix");
      return;
    }
    Map<String, Integer> byRule = new LinkedHashMap<>();
    for (Finding f : fixed) {
      byRule.merge(f.ruleId(), 1, Integer::sum);
    }
    for (Finding f : fixed) {
      out.println((f.service() == null ? "" : f.service() + ": ") + f.fix().description() + " [" + f.ruleId() + "]");
    }
    out.println("lashing: fixed " + fixed.size() + (fixed.size() == 1 ? " finding" : " findings") + " in "
        + files.stream().map(Fixer.FileFix::name).collect(Collectors.joining(", ")) + " ("
        + byRule.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
        + ")");
  }

  private void reportSkipped(List<Skip> skipped, boolean unsafe) {
    List<Skip> needUnsafe = skipped.stream().filter(s -> s.reason() == Skip.Reason.UNSAFE).toList();
    if (!needUnsafe.isEmpty()) {
      Set<String> ids = new TreeSet<>();
      needUnsafe.forEach(s -> ids.add(s.finding().ruleId()));
      err.println("lashing: " + needUnsafe.size() + " behaviour-changing "
          + (needUnsafe.size() == 1 ? "fix was" : "fixes were") + " not applied; review them and run with"
          + " --unsafe-fixes, or allow one rule in .lashing.yml (rules: {RULE: {options: {unsafe_fix: true}}}):");
      for (Skip s : needUnsafe) {
        err.println("  " + where(s.finding()) + " [" + s.finding().ruleId() + "] " + s.finding().fix().description());
      }
    }
    for (Skip s : skipped) {
      if (s.reason() != Skip.Reason.UNSAFE) {
        err.println("lashing: not fixed: " + where(s.finding()) + " [" + s.finding().ruleId() + "] " + s.message());
      }
    }
  }

  private static String where(Finding f) {
    return f.at().toString() + (f.service() == null ? "" : " (" + f.service() + ")");
  }

}
