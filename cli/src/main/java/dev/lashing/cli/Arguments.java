package dev.lashing.cli;

import dev.lashing.api.LoadOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** Option parsing the commands share: Compose's project options, help, repeated values. */
final class Arguments {
  private Arguments() {}

  /** Compose's own options for choosing and reading a project. */
  static Options projectOptions() {
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

  /** The parsed line, or null when help was asked for (and printed to {@code out}). */
  static CommandLine parse(String usage, Options options, String[] args, PrintWriter out) {
    CommandLine line;
    try {
      line = new DefaultParser().parse(options, args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
    if (line.hasOption("help")) {
      new HelpFormatter().printHelp(out, 100, "lashing " + usage, "", options, 2, 2, "");
      return null;
    }
    return line;
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
