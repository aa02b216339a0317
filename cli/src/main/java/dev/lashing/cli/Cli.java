package dev.lashing.cli;

import dev.lashing.api.Lashing;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.render.Json;
import dev.lashing.schema.Suggestions;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

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

  /** The commands, for a "did you mean" when one is misspelled. */
  private static final List<String> COMMANDS = List.of(
      "lint", "fix", "patch", "rules", "explain", "config", "validate", "generate", "audit", "lsp", "version", "help");

  private static final String USAGE =
      """
      usage: lashing <command> [options]

      commands:
        lint      check compose files for hardening problems (pre-commit and CI)
        patch     write a Compose override file that hardens the stack without editing its files
        fix       fix findings in the compose files: prints a diff; --write applies it
        config    print the merged, interpolated project as `docker compose config` does
        validate  report schema and load errors of compose files
        generate  write hardened compose files from a stack inventory
        audit     classify a host's containers, images and volumes against the inventory
        lsp       run the language server for editors (standard input/output; see docs/editors.md)
        rules     list the rule catalog
        explain   show a rule's documentation: `lashing explain RULE`
        version   print the version
        help      show this text

      Run `lashing <command> --help` for the options of a command.
      exit codes: 0 ok, 1 findings, 2 invalid input or usage, 3 internal error
      """;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final boolean terminal;

  /**
   * @param terminal whether standard output is a terminal (colour is used only there)
   */
  public Cli(PrintWriter out, PrintWriter err, Map<String, String> environment, Path workingDirectory,
      boolean terminal) {
    this.out = out;
    this.err = err;
    this.environment = environment;
    this.workingDirectory = workingDirectory;
    this.terminal = terminal;
  }

  /** A command line whose output is not a terminal (tests, pipes). */
  public Cli(PrintWriter out, PrintWriter err, Map<String, String> environment, Path workingDirectory) {
    this(out, err, environment, workingDirectory, false);
  }

  public int run(String... args) {
    int code = command(args);
    try {
      out.flush();
    } catch (StandardOutput.Lost e) {
      code = lost(e);
    }
    err.flush();
    return code;
  }

  private int command(String... args) {
    try {
      if (args.length == 0) {
        err.print(USAGE);
        return INVALID;
      }
      String[] rest = Arrays.copyOfRange(args, 1, args.length);
      return switch (args[0]) {
        case "lint" -> new LintCommand(out, err, environment, workingDirectory, terminal).run(rest);
        case "patch" -> new PatchCommand(out, err, environment, workingDirectory).run(rest);
        case "fix" -> new FixCommand(out, err, environment, workingDirectory).run(rest);
        case "rules" -> new CatalogCommands(out, err).rules(rest);
        case "explain" -> new CatalogCommands(out, err).explain(rest);
        case "version", "--version" -> {
          if (rest.length > 0) {
            throw new Arguments.UsageException(args[0] + " takes no arguments");
          }
          out.println("lashing " + Version.current());
          yield OK;
        }
        case "generate" -> new GenerateCommand(out, err, workingDirectory).run(rest);
        case "audit" -> new AuditCommand(out, err, environment, workingDirectory).run(rest);
        case "lsp" -> new LspCommand(out, err, environment).run(rest, System.in, System.out);
        case "config" -> config(rest);
        case "validate" -> validate(rest);
        case "help", "--help", "-h" -> {
          if (rest.length > 0) {
            yield command(rest[0], "--help"); // help lint: lint's own usage
          }
          out.print(USAGE);
          yield OK;
        }
        default -> usageError("unknown command '" + args[0] + "'" + Suggestions.closest(args[0], COMMANDS)
            .map(command -> " (did you mean '" + command + "'?)").orElse(""));
      };
    } catch (Arguments.UsageException e) {
      return usageError(e.getMessage());
    } catch (ComposeException e) {
      printProblems(e.diagnostics());
      return INVALID;
    } catch (IoErrors.FileProblem e) {
      err.println("lashing: " + e.getMessage());
      return INVALID;
    } catch (UncheckedIOException e) {
      err.println("lashing: " + IoErrors.describe(e.getCause()));
      return INVALID;
    } catch (OutOfMemoryError e) {
      // what the run held is unreachable once here, so there is room to say so
      err.println("lashing: out of memory: the input needs more than the " + (Runtime.getRuntime().maxMemory() >> 20)
          + " MiB this Java may use (raise it with JAVA_TOOL_OPTIONS=-Xmx...)");
      return INVALID;
    } catch (StandardOutput.Lost e) {
      return lost(e);
    } catch (RuntimeException | StackOverflowError e) {
      err.println("lashing: internal error: " + e + " (please report it with the input that caused it)");
      return INTERNAL_ERROR;
    }
  }

  /** Standard output failed: said on standard error unless its reader just went away. */
  private int lost(StandardOutput.Lost e) {
    if (!e.readerGone()) {
      err.println("lashing: cannot write standard output: " + IoErrors.describe(e.failure()));
    }
    return e.exitCode();
  }

  private int config(String[] args) {
    Options options = Arguments.projectOptions();
    options.addOption(Option.builder().longOpt("format").hasArg().argName("yaml|json")
        .desc("output format (default yaml)").build());
    CommandLine line = Arguments.parse("config", options, args, out);
    if (line == null) {
      return OK;
    }
    String format = line.getOptionValue("format", "yaml");
    if (!format.equals("yaml") && !format.equals("json")) {
      throw new Arguments.UsageException("--format must be yaml or json, not '" + format + "'");
    }
    if (!line.getArgList().isEmpty()) {
      throw new Arguments.UsageException("config takes no arguments; use -f FILE");
    }
    Lashing lashing = InstalledRules.lashing();
    LoadResult result = loadReportingProblems(lashing, Arguments.loadOptions(
        line, Arguments.values(line, "file").stream().map(Path::of).toList(), workingDirectory, environment));
    if (result.refused()) {
      return INVALID;
    }
    if (format.equals("yaml")) {
      out.print(lashing.configYaml(result));
      return OK;
    }
    try {
      out.print(lashing.configJson(result));
    } catch (Json.UnsupportedValue e) {
      err.println("lashing: config --format json: " + e.getMessage());
      return INVALID;
    }
    return OK;
  }

  private int validate(String[] args) {
    Options options = new Options();
    options.addOption(Option.builder().longOpt("env-file").hasArg().argName(Arguments.FILE)
        .desc("read variables from FILE instead of .env (repeatable)").build());
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    CommandLine line = Arguments.parse("validate FILE...", options, args, out);
    if (line == null) {
      return OK;
    }
    if (line.getArgList().isEmpty()) {
      throw new Arguments.UsageException("validate needs at least one compose file");
    }
    boolean invalid = false;
    for (String file : line.getArgList()) {
      LoadOptions load = Arguments.loadOptions(line, List.of(Path.of(file)), workingDirectory, environment);
      try {
        invalid |= loadReportingProblems(InstalledRules.lashing(), load).refused();
      } catch (ComposeException e) {
        printProblems(e.diagnostics());
        invalid = true;
      }
    }
    return invalid ? INVALID : OK;
  }

  /**
   * Loads the project leniently and prints its problems: where Compose refuses it, every error lint would
   * report (a strict load stops at the first step that fails) and the warnings beside them, in file order.
   */
  private LoadResult loadReportingProblems(Lashing lashing, LoadOptions options) {
    LoadResult result = lashing.loadLeniently(options, Map.of());
    if (result.refused()) {
      List<Diagnostic> problems = new ArrayList<>(result.errors());
      problems.addAll(result.warnings());
      problems.sort(Diagnostic.BY_POSITION);
      printProblems(problems);
    } else {
      printProblems(result.warnings());
    }
    return result;
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
}
