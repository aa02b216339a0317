package dev.lashing.cli;

import dev.lashing.api.Lashing;
import dev.lashing.config.LintConfig;
import dev.lashing.fix.FixEdits;
import dev.lashing.fix.TextEdit;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.lint.Severity;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.report.Baseline;
import dev.lashing.report.Formats;
import dev.lashing.report.LintReport;
import dev.lashing.report.Reporter;
import dev.lashing.schema.SchemaValidator;
import dev.lashing.source.AtomicFiles;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import dev.lashing.yaml.SourceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code lashing lint}: loads each project exactly as Compose would, runs the rules its policy enables,
 * and prints the findings. Exit 0 clean, 1 findings at or above the threshold, 2 invalid input or usage.
 */
final class LintCommand {
  static final Severity DEFAULT_FAIL_ON = Severity.HIGH;
  /** What standard input is linted as when --stdin-filename does not say. */
  private static final String STDIN_NAME = "compose.yaml";
  /** How many findings make it worth a fix engine of their own (an engine first indexes every written node). */
  private static final int FINDINGS_PER_ENGINE = 5000;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final boolean terminal;
  private final Supplier<InputStream> stdin;

  LintCommand(PrintWriter out, PrintWriter err, Map<String, String> environment, Path workingDirectory,
      boolean terminal) {
    this(out, err, environment, workingDirectory, terminal, () -> System.in);
  }

  LintCommand(PrintWriter out, PrintWriter err, Map<String, String> environment, Path workingDirectory,
      boolean terminal, Supplier<InputStream> stdin) {
    this.out = out;
    this.err = err;
    this.environment = environment;
    this.workingDirectory = workingDirectory;
    this.terminal = terminal;
    this.stdin = stdin;
  }

  static Options options() {
    Options options = Arguments.projectOptions();
    Arguments.addPolicyAndConfig(options);
    Arguments.addGateway(options);
    options.addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT[=FILE]")
        .desc("report format: " + String.join(", ", Formats.names()) + " (default text); repeatable, "
            + "with =FILE to write that report to FILE (one run, several reports)").build());
    options.addOption(Option.builder().longOpt("fail-on").hasArg().argName("SEVERITY")
        .desc("exit 1 for findings at or above: critical, high, medium, low, info (default high)").build());
    options.addOption(Option.builder().longOpt("baseline").hasArg().argName(Arguments.FILE)
        .desc("report only findings that are not in this baseline").build());
    options.addOption(Option.builder().longOpt("write-baseline").hasArg().argName(Arguments.FILE)
        .desc("record today's findings in FILE and exit 0").build());
    options.addOption(Option.builder("o").longOpt("output").hasArg().argName(Arguments.FILE)
        .desc("write the report to FILE instead of standard output").build());
    options.addOption(Option.builder("q").longOpt("quiet").desc("one line per finding (text format)").build());
    options.addOption(Option.builder().longOpt("show-secrets")
        .desc("show the passwords and tokens that secret rules find (masked as **** otherwise)").build());
    options.addOption(Option.builder().longOpt("stdin-filename").hasArg().argName(Arguments.FILE)
        .desc("with - as the file: the name standard input is linted as, for positions and for the files it"
            + " names (default compose.yaml)").build());
    options.addOption(Option.builder().longOpt("color").hasArg().argName("WHEN")
        .desc("auto, always or never (default auto: only on a terminal)").build());
    return options;
  }

  int run(String[] args) {
    CommandLine line = Arguments.parse("lint [FILE|DIR]... | - [options]", options(), args, out);
    if (line == null) {
      return Cli.OK;
    }
    startBuildingTheSchema();
    Policy policyFlag = Arguments.policy(line);
    List<ReportRequests.Request> reports = ReportRequests.parse(Arguments.values(line, "format"),
        line.getOptionValue("output"),
        (format, toFile) -> Formats.of(format, colour(line, toFile), line.hasOption("quiet")));
    Lashing lashing = InstalledRules.lashing();
    RuleRegistry registry = lashing.rules();
    LintConfig config = Arguments.config(line, registry, workingDirectory);
    Severity failOn = line.hasOption("fail-on")
        ? Arguments.parse(() -> Severity.parse(line.getOptionValue("fail-on")))
        : config.failOn() != null ? config.failOn() : DEFAULT_FAIL_ON;

    List<Finding> findings = new ArrayList<>();
    Map<String, SourceFile> sources = new LinkedHashMap<>();
    List<Path> envFiles = new ArrayList<>();
    Map<Finding, Map<String, List<TextEdit>>> fixEdits = new LinkedHashMap<>();
    boolean planFixes = reports.stream().anyMatch(r -> r.reporter().showsFixEdits());
    boolean invalid = false;
    String stdinName = line.getOptionValue("stdin-filename", STDIN_NAME);
    Map<Path, String> standardInput = standardInput(line, stdinName);
    List<LoadOptions> projects = standardInput.isEmpty() ? Arguments.projects(line, workingDirectory, environment)
        : List.of(Arguments.checkedLoadOptions(line, List.of(Path.of(stdinName)), workingDirectory, environment));
    // Projects are independent: lint them on every core, then gather the outcomes in the order given.
    List<ProjectOutcome> outcomes = OrderedParallel.map(projects,
        load -> lintProject(load, line, config, policyFlag, lashing, planFixes, standardInput));
    for (ProjectOutcome outcome : outcomes) {
      findings.addAll(outcome.findings());
      fixEdits.putAll(outcome.fixEdits());
      envFiles.addAll(outcome.envFiles());
      if (outcome.invalid()) {
        invalid = true;
        outcome.sources().forEach(sources::putIfAbsent);
      } else {
        sources.putAll(outcome.sources());
      }
    }
    Arguments.warnOfUnknownGateways(line, outcomes.stream().filter(o -> o != ProjectOutcome.IGNORED)
        .map(ProjectOutcome::services).toList(), err);
    Lashing.sortForReport(findings);
    refuseToReplaceInputs(line, reports, sources.keySet(), envFiles);

    if (line.hasOption("write-baseline")) {
      Path file = workingDirectory.resolve(line.getOptionValue("write-baseline"));
      try {
        Baseline.write(file, findings, sources, workingDirectory);
      } catch (IOException e) {
        throw new IoErrors.FileProblem(IoErrors.cannotWrite(line.getOptionValue("write-baseline"), e), e);
      }
      err.println("lashing: recorded " + findings.stream().filter(f -> !f.isSuppressed()).count()
          + " findings in " + line.getOptionValue("write-baseline"));
      return invalid ? Cli.INVALID : Cli.OK;
    }
    if (line.hasOption("baseline")) {
      findings = Baseline.read(workingDirectory.resolve(line.getOptionValue("baseline")),
          line.getOptionValue("baseline")).apply(findings, sources, workingDirectory);
    }

    LintReport masked = new LintReport(findings, registry.rules().stream().map(Rule::info).toList(), sources,
        Version.current(), fixEdits);
    LintReport report = line.hasOption("show-secrets") ? masked.showingSecrets() : masked;
    for (ReportRequests.Request request : reports) {
      write(request.reporter(), report, request.file());
    }
    if (invalid) {
      return Cli.INVALID;
    }
    boolean failing = findings.stream().anyMatch(f -> !f.isSuppressed() && f.severity().isAtLeast(failOn));
    return failing ? Cli.FINDINGS : Cli.OK;
  }

  /**
   * Stops before anything is written when a report or the baseline to write is one of the files read: a compose
   * file, a file it brings in, a file of variables ({@code .env}, {@code --env-file}), the configuration, or for a
   * report the baseline it is filtered by (a baseline may be written over itself).
   */
  private void refuseToReplaceInputs(CommandLine line, List<ReportRequests.Request> reports, Set<String> read,
      List<Path> envFiles) {
    if (!line.hasOption("write-baseline") && reports.stream().allMatch(r -> r.file() == null)) {
      return; // everything goes to standard output
    }
    List<Path> inputs = new ArrayList<>(read.stream().map(workingDirectory::resolve).toList());
    inputs.addAll(envFiles);
    // also when the run could not read them
    Arguments.values(line, "env-file").forEach(file -> inputs.add(workingDirectory.resolve(file)));
    Arguments.configFile(line, workingDirectory).ifPresent(inputs::add);
    if (line.hasOption("write-baseline")) {
      refuseToReplace(line.getOptionValue("write-baseline"), inputs);
    }
    if (line.hasOption("baseline")) {
      inputs.add(workingDirectory.resolve(line.getOptionValue("baseline")));
    }
    reports.stream().map(ReportRequests.Request::file).filter(Objects::nonNull)
        .forEach(report -> refuseToReplace(report, inputs));
  }

  private void refuseToReplace(String output, List<Path> inputs) {
    if (AtomicFiles.replacedInput(workingDirectory.resolve(output), inputs) != null) {
      throw new Arguments.UsageException(output + " is one of the files this run reads; lint never writes over "
          + "them (nothing written)");
    }
  }

  /**
   * Compiles the Compose schema on another core while this one reads the options, the configuration, the rules
   * and the first file: the schema is a good part of a short run's work, and every project needs it.
   */
  private static void startBuildingTheSchema() {
    Thread thread = new Thread(SchemaValidator::shared, "lashing-schema");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * What linting one project gave: its findings, the sources they point into, the fix engine's edits of each
   * fixable finding when a report shows them, and the names of its services (null when it could not be read).
   */
  private record ProjectOutcome(List<Finding> findings, Map<String, SourceFile> sources, List<Path> envFiles,
      boolean invalid, Map<Finding, Map<String, List<TextEdit>>> fixEdits, Set<String> services) {
    static final ProjectOutcome IGNORED = new ProjectOutcome(List.of(), Map.of(), List.of(), false, Map.of(),
        Set.of());
  }

  /**
   * With {@code -} as the only file, the text of standard input, read in place of the file {@code --stdin-filename}
   * names (by its absolute path, as the loader takes it), so that an editor can lint a buffer it has not saved;
   * else nothing.
   */
  private Map<Path, String> standardInput(CommandLine line, String name) {
    if (!line.getArgList().contains("-")) {
      if (line.hasOption("stdin-filename")) {
        throw new Arguments.UsageException("--stdin-filename names standard input, which is linted with -");
      }
      return Map.of();
    }
    if (line.getArgList().size() > 1 || line.hasOption("file")) {
      throw new Arguments.UsageException("- (standard input) is linted alone, without other files");
    }
    try {
      String text = SourceFiles.decode(SourceFiles.bounded(stdin.get(), name), name).text();
      return Map.of(workingDirectory.resolve(name).toAbsolutePath().normalize(), text);
    } catch (IOException e) {
      throw new IoErrors.FileProblem("cannot read " + IoErrors.describe("standard input", e), e);
    }
  }

  private ProjectOutcome lintProject(LoadOptions load, CommandLine line, LintConfig config, Policy policyFlag,
      Lashing lashing, boolean planFixes, Map<Path, String> overlay) {
    Path first = workingDirectory.resolve(load.files().get(0));
    if (config.ignores(first)) {
      return ProjectOutcome.IGNORED;
    }
    try {
      // Lenient: a project Compose refuses is linted anyway, its errors reported beside the rules' findings.
      LoadResult result = lashing.loadLeniently(load, overlay);
      RuleSettings settings = Arguments.settings(line, config, first, firstText(result), policyFlag, lashing.rules());
      List<Finding> found = lashing.lint(result, settings);
      return new ProjectOutcome(found, result.sources(), result.projectEnvironment().everyFile(), result.refused(),
          planFixes && !result.refused() ? fixEdits(result, found) : Map.of(), result.project().services().keySet());
    } catch (ComposeException e) {
      List<Diagnostic> errors = errors(e);
      RuleSettings settings = Arguments.settings(line, config, first, policyFlag, lashing.rules());
      return new ProjectOutcome(lashing.lintLoadFailure(errors, settings), readForCodeFrames(errors), List.of(), true,
          Map.of(), null);
    }
  }

  /** The text of the project's first compose file as the load read it, or null when it read none. */
  private static String firstText(LoadResult result) {
    SourceFile file = result.composeFiles().isEmpty() ? null : result.sources().get(result.composeFiles().get(0));
    return file == null ? null : file.text();
  }

  /**
   * The edits of each fixable finding. Many findings are planned on every core, each core's share by a fix engine
   * of its own (an engine keeps what it worked out for each file, and is not shared between threads): a SARIF
   * report of 100,000 services plans 900,000 fixes.
   */
  private static Map<Finding, Map<String, List<TextEdit>>> fixEdits(LoadResult result, List<Finding> findings) {
    int shares = Math.min(Runtime.getRuntime().availableProcessors(), 1 + findings.size() / FINDINGS_PER_ENGINE);
    if (shares <= 1) {
      return fixEdits(new FixEdits(result), findings);
    }
    List<List<Finding>> parts = new ArrayList<>();
    for (int i = 0; i < shares; i++) {
      parts.add(findings.subList(findings.size() * i / shares, findings.size() * (i + 1) / shares));
    }
    Map<Finding, Map<String, List<TextEdit>>> edits = new LinkedHashMap<>();
    OrderedParallel.map(parts, part -> fixEdits(new FixEdits(result), part)).forEach(edits::putAll);
    return edits;
  }

  private static Map<Finding, Map<String, List<TextEdit>>> fixEdits(FixEdits planner, List<Finding> findings) {
    Map<Finding, Map<String, List<TextEdit>>> edits = new LinkedHashMap<>();
    for (Finding f : findings) {
      Map<String, List<TextEdit>> fix = planner.of(f);
      if (!fix.isEmpty()) {
        edits.put(f, fix);
      }
    }
    return edits;
  }

  /** The files a failed load names, so its findings get code frames too (unreadable ones go without). */
  private Map<String, SourceFile> readForCodeFrames(List<Diagnostic> errors) {
    Map<String, SourceFile> sources = new LinkedHashMap<>();
    for (Diagnostic d : errors) {
      String name = d.at().file();
      if (!d.at().isSynthetic() && !sources.containsKey(name)) {
        try {
          sources.put(name, SourceFiles.read(workingDirectory.resolve(name), name));
        } catch (ComposeException unreadable) {
          // the finding already says why; it is shown without a frame
        }
      }
    }
    return sources;
  }

  private List<Diagnostic> errors(ComposeException e) {
    return e.diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  private boolean colour(CommandLine line, boolean toFile) {
    String when = line.getOptionValue("color", "auto");
    return switch (when) {
      case "always" -> true;
      case "never" -> false;
      case "auto" -> terminal && !environment.containsKey("NO_COLOR") && !"dumb".equals(environment.get("TERM"))
          && !toFile;
      default -> throw new Arguments.UsageException("--color must be auto, always or never, not '" + when + "'");
    };
  }

  private void write(Reporter reporter, LintReport report, String output) {
    try {
      if (output == null) {
        reporter.write(report, out);
        return;
      }
      AtomicFiles.write(workingDirectory.resolve(output), stream -> {
        Writer text = new Utf8Output(stream);
        reporter.write(report, text);
        text.flush();
      });
    } catch (IOException e) {
      throw new IoErrors.FileProblem(IoErrors.cannotWrite(output, e), e);
    }
  }

}
