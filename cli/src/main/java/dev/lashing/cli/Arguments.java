package dev.lashing.cli;

import dev.lashing.config.ConfigLoader;
import dev.lashing.config.LintConfig;
import dev.lashing.fix.DigestLock;
import dev.lashing.lint.Gateways;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.ComposeFiles;
import dev.lashing.load.LoadOptions;
import dev.lashing.schema.Suggestions;
import dev.lashing.source.ComposeException;
import dev.lashing.yaml.SourceFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/** Option parsing the commands share: Compose's project options, help, repeated values. */
final class Arguments {
  /** The argument name of every option that names a file, which an empty name never does. */
  static final String FILE = "FILE";

  private Arguments() {}

  /** Compose's own options for choosing and reading a project. */
  static Options projectOptions() {
    Options options = new Options();
    options.addOption(Option.builder("f").longOpt("file").hasArg().argName(FILE)
        .desc("compose file (repeatable; later files override earlier ones)").build());
    options.addOption(Option.builder().longOpt("env-file").hasArg().argName(FILE)
        .desc("read variables from FILE instead of .env (repeatable)").build());
    options.addOption(Option.builder().longOpt("profile").hasArg().argName("NAME")
        .desc("enable a Compose service profile (repeatable)").build());
    options.addOption(Option.builder("p").longOpt("project-name").hasArg().argName("NAME")
        .desc("project name").build());
    options.addOption(Option.builder().longOpt("project-directory").hasArg().argName("DIR")
        .desc("project directory (default: the first file's directory)").build());
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return options;
  }

  /** The parsed line, or null when help was asked for (and printed to {@code out}). */
  static CommandLine parse(String usage, Options options, String[] args, PrintWriter out) {
    CommandLine line;
    try {
      line = new DefaultParser().parse(options, args);
    } catch (UnrecognizedOptionException e) {
      throw new UsageException(e.getMessage() + didYouMean(e.getOption(), options));
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
    if (line.hasOption("help")) {
      new HelpFormatter().printHelp(out, 100, "lashing " + usage, "", options, 2, 2, "");
      return null;
    }
    for (Option given : line.getOptions()) {
      // typically a variable that expanded to nothing; read or written, the name would mean the working directory
      if (FILE.equals(given.getArgName()) && given.getValuesList().contains("")) {
        throw new UsageException("--" + given.getLongOpt() + ": the file name is empty");
      }
    }
    if (line.getArgList().contains("")) {
      // the same for a file or folder named as an argument: lint would have linted the working directory
      throw new UsageException("an argument is empty: name a file (a variable that expanded to nothing?)");
    }
    return line;
  }

  /** " (did you mean '--format'?)" for a misspelled long option, as a misspelled key of .lashing.yml gets. */
  private static String didYouMean(String written, Options options) {
    if (written == null || !written.startsWith("--")) {
      return "";
    }
    String name = written.substring(2).split("=", 2)[0];
    List<String> known = options.getOptions().stream().map(Option::getLongOpt).filter(Objects::nonNull).toList();
    return Suggestions.closest(name, known).map(option -> " (did you mean '--" + option + "'?)").orElse("");
  }

  static LoadOptions loadOptions(
      CommandLine line, List<Path> files, Path workingDirectory, Map<String, String> environment) {
    String projectDirectory = line.getOptionValue("project-directory");
    return new LoadOptions(
        files,
        workingDirectory,
        projectDirectory == null ? null : Path.of(projectDirectory),
        values(line, "env-file").stream().map(Path::of).toList(),
        Set.copyOf(values(line, "profile")),
        line.getOptionValue("project-name"),
        environment);
  }

  /** The project as lint, fix and patch check it: see {@link LoadOptions#checkingEveryService()}. */
  static LoadOptions checkedLoadOptions(
      CommandLine line, List<Path> files, Path workingDirectory, Map<String, String> environment) {
    return loadOptions(line, files, workingDirectory, environment).checkingEveryService();
  }

  /** {@code --policy} and {@code --config}, shared by the commands that lint. */
  static void addPolicyAndConfig(Options options) {
    options.addOption(Option.builder().longOpt("policy").hasArg().argName("POLICY")
        .desc("default, production or development (default: from .lashing.yml, else default)").build());
    options.addOption(Option.builder().longOpt("config").hasArg().argName(FILE)
        .desc("configuration file (default: .lashing.yml found upwards from the working directory)").build());
  }

  /** {@code --gateway}, shared by lint, fix and patch so that they agree on the stack's entry points. */
  static void addGateway(Options options) {
    options.addOption(Option.builder().longOpt("gateway").hasArg().argName("SERVICE")
        .desc("a service that may publish ports (repeatable; default: the rule option, else recognised by name)")
        .build());
  }

  /** {@code --digests FILE}, shared by fix and patch so that they read one lock format. */
  static void addDigests(Options options) {
    options.addOption(Option.builder().longOpt("digests").hasArg().argName(FILE)
        .desc("pin images to the digests in FILE (lines 'image: sha256:...', or a JSON object)").build());
  }

  /**
   * Warns of each --gateway that names a service of none of the projects the run read, the service names of each
   * in {@code projects}: a typo would otherwise pass unnoticed (patch, which writes the gateways into its file,
   * refuses it). A warning rather than an error, since a pre-commit hook passes its --gateway on every run, also
   * when the commit touches other stacks; nothing is said when a project could not be read.
   */
  static void warnOfUnknownGateways(CommandLine line, List<Set<String>> projects, PrintWriter err) {
    if (projects.isEmpty() || projects.contains(null)) {
      return;
    }
    for (String gateway : values(line, "gateway")) {
      if (projects.stream().noneMatch(services -> services.contains(gateway))) {
        err.println("lashing: warning: --gateway " + gateway + ": " + (projects.size() == 1
            ? "the project has no service" : "none of the projects has a service") + " named " + gateway);
      }
    }
  }

  /** The --digests lock, or no digests when not given. */
  static DigestLock digests(CommandLine line, Path workingDirectory) {
    if (!line.hasOption("digests")) {
      return DigestLock.NONE;
    }
    String name = line.getOptionValue("digests");
    try {
      return DigestLock.parse(name, SourceFiles.readUtf8(workingDirectory.resolve(name), name).text());
    } catch (ComposeException e) {
      // unreadable, too large, not UTF-8: what a compose file would be told, with its position
      throw new UsageException("--digests: " + e.diagnostics().get(0));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--digests: " + e.getMessage());
    }
  }

  /** The settings for a project's first file, with the --gateway services as the gateways option. */
  static RuleSettings settings(CommandLine line, LintConfig config, Path first, Policy policyFlag,
      RuleRegistry registry) {
    return settings(line, config, first, null, policyFlag, registry);
  }

  /**
   * {@link #settings}, with the policy the first file names for itself read from {@code firstText}, its text as
   * the load read it, rather than from the disk a second time (from the disk when {@code firstText} is null).
   */
  static RuleSettings settings(CommandLine line, LintConfig config, Path first, String firstText, Policy policyFlag,
      RuleRegistry registry) {
    RuleSettings settings = policyFlag == null && firstText != null ? config.settingsForText(first, firstText)
        : config.settingsFor(first, policyFlag);
    return Gateways.named(registry, settings, values(line, "gateway"));
  }

  /** The --policy flag, or null when not given (the configuration decides). */
  static Policy policy(CommandLine line) {
    return line.hasOption("policy") ? parse(() -> Policy.parse(line.getOptionValue("policy"))) : null;
  }

  /** The --config file, else the nearest .lashing.yml, else no configuration. */
  static LintConfig config(CommandLine line, RuleRegistry registry, Path workingDirectory) {
    Map<String, List<RuleOption>> known = registry.options();
    return configFile(line, workingDirectory)
        .map(file -> ConfigLoader.load(file, line.hasOption("config") ? line.getOptionValue("config")
            : SourceFiles.displayName(workingDirectory, file),
            known))
        .orElse(LintConfig.NONE);
  }

  /** The configuration file a run reads: --config FILE, else the nearest .lashing.yml; none without either. */
  static Optional<Path> configFile(CommandLine line, Path workingDirectory) {
    return line.hasOption("config") ? Optional.of(workingDirectory.resolve(line.getOptionValue("config")))
        : ConfigLoader.find(workingDirectory);
  }

  /**
   * The projects to check, each as lint, fix and patch load it ({@link #checkedLoadOptions}): of the positional
   * files and directories; else of the -f files, as one project; else the one Compose finds.
   */
  static List<LoadOptions> projects(CommandLine line, Path workingDirectory, Map<String, String> environment) {
    List<String> positional = line.getArgList();
    List<String> dashF = values(line, "file");
    if (!positional.isEmpty() && !dashF.isEmpty()) {
      throw new UsageException("give files either as arguments or with -f, not both");
    }
    List<List<Path>> projects = !positional.isEmpty() ? LintTargets.projects(workingDirectory, positional)
        : List.of(dashF.stream().map(Path::of).toList());
    return projects.stream()
        .map(files -> ComposeFiles.found(checkedLoadOptions(line, files, workingDirectory, environment)))
        .toList();
  }

  /** A value parsed from an option; a parser's IllegalArgumentException is a usage error. */
  static <T> T parse(Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  static List<String> values(CommandLine line, String option) {
    String[] values = line.getOptionValues(option);
    return values == null ? List.of() : List.of(values);
  }

  /** A mistake on the command line. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
