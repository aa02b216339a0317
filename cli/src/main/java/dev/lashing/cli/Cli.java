package dev.lashing.cli;

import dev.lashing.api.ComposeException;
import dev.lashing.api.Diagnostic;
import dev.lashing.api.LoadOptions;
import dev.lashing.api.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.render.ConfigWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The command line: parses arguments, runs one command, prints, and returns the exit code.
 *
 * <p>Exit codes: 0 ok; 1 findings at or above the failure threshold; 2 invalid input or usage, one
 * {@code file:line:col: message} line per problem; 3 an internal error (a bug in Lashing).
 */
public final class Cli {
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int INVALID = 2;
  public static final int INTERNAL_ERROR = 3;

  private static final String USAGE =
      """
      usage: lashing <command> [options]

      commands:
        config    print the merged, interpolated project as `docker compose config` does
        validate  report schema and load errors of compose files
        help      show this text

      Run `lashing <command> --help` for the options of a command.
      exit codes: 0 ok, 1 findings, 2 invalid input or usage, 3 internal error
      """;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> environment;
  private final Path workingDirectory;

  public Cli(PrintWriter out, PrintWriter err, Map<String, String> environment, Path workingDirectory) {
    this.out = out;
    this.err = err;
    this.environment = environment;
    this.workingDirectory = workingDirectory;
  }

  public int run(String... args) {
    try {
      if (args.length == 0) {
        err.print(USAGE);
        return INVALID;
      }
      String[] rest = Arrays.copyOfRange(args, 1, args.length);
      return switch (args[0]) {
        case "config" -> config(rest);
        case "validate" -> validate(rest);
        case "help", "--help", "-h" -> {
          out.print(USAGE);
          yield OK;
        }
        default -> usageError("unknown command '" + args[0] + "'");
      };
    } catch (UsageException e) {
      return usageError(e.getMessage());
    } catch (ComposeException e) {
      printProblems(e.diagnostics());
      return INVALID;
    } catch (RuntimeException | StackOverflowError e) {
      err.println("lashing: internal error: " + e + " (please report it with the input that caused it)");
      return INTERNAL_ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int config(String[] args) {
    Options options = projectOptions();
    options.addOption(Option.builder().longOpt("format").hasArg().argName("yaml|json")
        .desc("output format (default yaml)").build());
    CommandLine line = parse("config", options, args);
    if (line == null) {
      return OK;
    }
    String format = line.getOptionValue("format", "yaml");
    if (!format.equals("yaml") && !format.equals("json")) {
      throw new UsageException("--format must be yaml or json, not '" + format + "'");
    }
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("config takes no arguments; use -f FILE");
    }
    LoadResult result = ProjectLoader.load(loadOptions(line, List.of()));
    printProblems(result.warnings());
    out.print(format.equals("json") ? ConfigWriter.json(result.tree()) : ConfigWriter.yaml(result.tree()));
    return OK;
  }

  private int validate(String[] args) {
    Options options = new Options();
    options.addOption(Option.builder().longOpt("env-file").hasArg().argName("FILE")
        .desc("read variables from FILE instead of .env (repeatable)").build());
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    CommandLine line = parse("validate FILE...", options, args);
    if (line == null) {
      return OK;
    }
    if (line.getArgList().isEmpty()) {
      throw new UsageException("validate needs at least one compose file");
    }
    boolean invalid = false;
    for (String file : line.getArgList()) {
      LoadOptions load = loadOptions(line, List.of(Path.of(file)));
      try {
        printProblems(ProjectLoader.load(load).warnings());
      } catch (ComposeException e) {
        printProblems(e.diagnostics());
        invalid = true;
      }
    }
    return invalid ? INVALID : OK;
  }

  private static Options projectOptions() {
    Options options = new Options();
    options.addOption(Option.builder("f").longOpt("file").hasArg().argName("FILE")
        .desc("compose file (repeatable; later files override earlier ones)").build());
    options.addOption(Option.builder().longOpt("env-file").hasArg().argName("FILE")
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

  /** The parsed line, or null when help was asked for (and printed). */
  private CommandLine parse(String command, Options options, String[] args) {
    CommandLine line;
    try {
      line = new DefaultParser().parse(options, args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
    if (line.hasOption("help")) {
      HelpFormatter help = new HelpFormatter();
      help.printHelp(out, 100, "lashing " + command, "", options, 2, 2, "");
      return null;
    }
    return line;
  }

  private LoadOptions loadOptions(CommandLine line, List<Path> files) {
    List<Path> given = files.isEmpty() ? values(line, "file").stream().map(Path::of).toList() : files;
    String projectDirectory = line.getOptionValue("project-directory");
    return new LoadOptions(
        given,
        workingDirectory,
        projectDirectory == null ? null : Path.of(projectDirectory),
        values(line, "env-file").stream().map(Path::of).toList(),
        Set.copyOf(values(line, "profile")),
        line.getOptionValue("project-name"),
        environment);
  }

  private static List<String> values(CommandLine line, String option) {
    String[] values = line.getOptionValues(option);
    return values == null ? List.of() : List.of(values);
  }

  private void printProblems(List<Diagnostic> problems) {
    for (Diagnostic d : problems) {
      err.println(d.toString().replace("\n", " "));
    }
  }

  private int usageError(String message) {
    err.println("lashing: " + message);
    err.println("Run 'lashing help' for usage.");
    return INVALID;
  }

  /** A mistake on the command line. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
