package dev.lashing.cli;

import dev.lashing.api.Lashing;
import dev.lashing.config.LintConfig;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.ComposeFiles;
import dev.lashing.load.LoadOptions;
import dev.lashing.patch.PatchException;
import dev.lashing.patch.PatchHeader;
import dev.lashing.patch.PatchOptions;
import dev.lashing.patch.PatchResult;
import dev.lashing.render.UnifiedDiff;
import dev.lashing.source.AtomicFiles;
import dev.lashing.source.ComposeException;
import dev.lashing.syntax.ShellWords;
import dev.lashing.yaml.SourceFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code lashing patch}: writes a Compose override file that, merged after the project's files, leaves no finding
 * of the rules it covers; {@code --diff} shows the effective configuration before and after. Exit 0 done, 2
 * invalid input or usage, 3 when the patch would not do what it must (a bug).
 */
final class PatchCommand {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> environment;
  private final Path workingDirectory;

  PatchCommand(PrintWriter out, PrintWriter err, Map<String, String> environment, Path workingDirectory) {
    this.out = out;
    this.err = err;
    this.environment = environment;
    this.workingDirectory = workingDirectory;
  }

  static Options options() {
    Options options = Arguments.projectOptions();
    Arguments.addPolicyAndConfig(options);
    Arguments.addGateway(options);
    options.addOption(Option.builder().longOpt("network").hasArg().argName("NAME")
        .desc("the network services move to from the default one (default: <project>_network, or"
            + " <project>_network_2, _3... where the project declares it as other than a bridge of its own)").build());
    options.addOption(Option.builder().longOpt("backup-dir").hasArg().argName("DIR")
        .desc("host directory for the backup jobs' copies (default ./backups)").build());
    options.addOption(Option.builder().longOpt("no-backup").desc("add no backup jobs").build());
    options.addOption(Option.builder().longOpt("rule").hasArg().argName("RULE")
        .desc("cover only RULE (repeatable); naming a rule switches it on").build());
    options.addOption(Option.builder().longOpt("also-rule").hasArg().argName("RULE")
        .desc("also cover RULE: " + String.join(", ", RuleRegistry.discover().patchable(PatchCoverage.OPTIONAL))
            + " (repeatable)").build());
    options.addOption(Option.builder().longOpt("skip-rule").hasArg().argName("RULE")
        .desc("do not cover RULE (repeatable)").build());
    Arguments.addDigests(options);
    options.addOption(Option.builder("o").longOpt("output").hasArg().argName(Arguments.FILE)
        .desc("write the patch to FILE instead of standard output").build());
    options.addOption(Option.builder().longOpt("diff")
        .desc("print the effective configuration's changes (before and after the patch) instead of the patch")
        .build());
    return options;
  }

  int run(String[] args) {
    CommandLine line = Arguments.parse("patch [-f FILE]... [options]", options(), args, out);
    if (line == null) {
      return Cli.OK;
    }
    if (!line.getArgList().isEmpty()) {
      throw new Arguments.UsageException("patch takes no arguments; name the compose files with -f FILE");
    }
    Policy policyFlag = Arguments.policy(line);
    String backupDir = line.getOptionValue("backup-dir");
    if (backupDir != null && (backupDir.isBlank() || backupDir.contains(":") || backupDir.contains("$"))) {
      throw new Arguments.UsageException("--backup-dir must be a path without ':' or '$', not '" + backupDir + "'");
    }
    String network = line.getOptionValue("network");
    if (network != null && !RuleOption.Type.NETWORK.accepts(network)) {
      throw new Arguments.UsageException("--network must be " + RuleOption.Type.NETWORK.expected() + ", not '"
          + network + "'");
    }
    if (backupDir != null && line.hasOption("no-backup")) {
      throw new Arguments.UsageException("give --backup-dir or --no-backup, not both");
    }
    String output = StandardOutput.fileNamedBy(line.getOptionValue("output"));
    List<Path> files = Arguments.values(line, "file").stream().map(Path::of).toList();
    LoadOptions load = ComposeFiles.found(Arguments.checkedLoadOptions(line, files, workingDirectory, environment));

    Lashing lashing = InstalledRules.lashing();
    RuleRegistry registry = lashing.rules();
    LintConfig config = Arguments.config(line, registry, workingDirectory);
    RuleSettings settings = config.settingsFor(workingDirectory.resolve(load.files().get(0)), policyFlag);
    Boolean backups = line.hasOption("no-backup") ? Boolean.FALSE : backupDir != null ? Boolean.TRUE : null;
    PatchOptions options = new PatchOptions(load, settings, Arguments.values(line, "gateway"),
        network, backupDir, backups, new LinkedHashSet<>(Arguments.values(line, "rule")),
        new LinkedHashSet<>(Arguments.values(line, "also-rule")),
        new LinkedHashSet<>(Arguments.values(line, "skip-rule")), commandLine(args),
        output != null ? output : "hardening.patch.yml", Arguments.digests(line, workingDirectory));
    PatchResult result;
    try {
      result = lashing.patch(options);
    } catch (IllegalArgumentException e) {
      throw new Arguments.UsageException(e.getMessage());
    } catch (ComposeException e) {
      Refusal.explain(err, "patch", workingDirectory.resolve(load.files().get(0)).normalize(), workingDirectory, e);
      return Cli.INVALID;
    } catch (SourceFiles.TooLargeToWrite e) {
      err.println("lashing: patch writes nothing: " + e.getMessage());
      return Cli.INVALID;
    } catch (PatchException e) {
      err.println("lashing: internal error: " + e.getMessage().replace("\n", "\n  "));
      err.println("lashing: the patch was not written; please report this with the input that caused it");
      return Cli.INTERNAL_ERROR;
    }
    if (output != null) {
      refuseToReplaceAFileOfYours(output);
      try {
        AtomicFiles.write(workingDirectory.resolve(output), result.text());
      } catch (IOException e) {
        throw new IoErrors.FileProblem(IoErrors.cannotWrite(output, e), e);
      }
    }
    if (line.hasOption("diff")) {
      String names = load.files().stream().map(Path::toString).collect(Collectors.joining(" + "));
      String diff = UnifiedDiff.of(names + " (docker compose config)", lashing.configYaml(result.before()),
          names + " + " + options.outputName() + " (docker compose config)", lashing.configYaml(result.after()));
      out.print(diff.isEmpty() ? "no changes: the project already has no finding the patch covers\n" : diff);
    } else if (output == null) {
      out.print(result.text());
    }
    return Cli.OK;
  }

  /**
   * {@code lashing patch} and the arguments as given (but {@code --diff}, which does not change the patch), quoted
   * for a POSIX shell where needed.
   */
  static String commandLine(String[] args) {
    List<String> words = new ArrayList<>(List.of("lashing", "patch"));
    for (String a : args) {
      if (a.equals("--diff")) {
        continue;
      }
      words.add(ShellWords.quoted(a));
    }
    return String.join(" ", words);
  }

  /**
   * Stops when {@code -o} names a file that patch did not write: a hand-written override file there (one not
   * given with -f) would be lost. A patch is known by its header, and is replaced as its header says.
   */
  private void refuseToReplaceAFileOfYours(String output) {
    Path target = workingDirectory.resolve(output);
    if (!Files.isRegularFile(target)) {
      return; // nothing there, or what AtomicFiles refuses with its own message (a folder)
    }
    boolean ours;
    try {
      ours = PatchHeader.isPatch(FirstWords.of(target));
    } catch (IOException unreadable) {
      ours = false;
    }
    if (!ours) {
      throw new Arguments.UsageException("-o " + output + " was not written by lashing patch (its first line is not "
          + "a patch's header); the patch never replaces a file of yours: move it away, or name another file");
    }
  }
}
