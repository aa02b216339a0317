package dev.lashing.cli;

import dev.lashing.api.Lashing;
import dev.lashing.inventory.Inventory;
import dev.lashing.inventory.generate.ComposeGenerator.GeneratedFile;
import dev.lashing.inventory.generate.ComposeGenerator;
import dev.lashing.lint.Finding;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.render.UnifiedDiff;
import dev.lashing.schema.Suggestions;
import dev.lashing.source.AtomicFiles;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import dev.lashing.yaml.SourceFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code lashing generate INVENTORY}: writes one hardened compose file per stack of the inventory, to
 * {@code DIR/<environment>/<stack>/compose.yaml} (DIR defaults to the inventory's directory), then lints each
 * with its tier's policy; a finding there is reported and exits 1, since a generated file must be clean.
 * {@code --check} writes nothing: it compares what it would write with the files on disk and exits 1 with a
 * diff when they drift. Exit 2 for an invalid inventory or usage.
 */
final class GenerateCommand {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Path workingDirectory;

  GenerateCommand(PrintWriter out, PrintWriter err, Path workingDirectory) {
    this.out = out;
    this.err = err;
    this.workingDirectory = workingDirectory;
  }

  static Options options() {
    Options options = new Options();
    options.addOption(Option.builder().longOpt("env").hasArg().argName("ENV")
        .desc("only this environment's stacks").build());
    options.addOption(Option.builder().longOpt("stack").hasArg().argName("STACK")
        .desc("only this stack").build());
    options.addOption(Option.builder("o").longOpt("output").hasArg().argName("DIR")
        .desc("where to write DIR/<env>/<stack>/compose.yaml (default: the inventory's directory)").build());
    options.addOption(Option.builder().longOpt("check")
        .desc("write nothing; exit 1 with a diff when the files on disk differ from what would be generated").build());
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return options;
  }

  int run(String[] args) {
    CommandLine line = Arguments.parse("generate INVENTORY [--env ENV] [--stack STACK] [-o DIR] [--check]",
        options(), args, out);
    if (line == null) {
      return Cli.OK;
    }
    if (line.getArgList().size() != 1) {
      throw new Arguments.UsageException("generate takes one inventory file");
    }
    String name = line.getArgList().get(0);
    Path file = workingDirectory.resolve(name).toAbsolutePath().normalize();
    Lashing lashing = InstalledRules.lashing();
    Inventory inventory = lashing.inventory(file, name);
    String env = line.getOptionValue("env");
    String stack = line.getOptionValue("stack");
    select(inventory, env, stack);
    Path output = line.hasOption("output")
        ? workingDirectory.resolve(line.getOptionValue("output")).toAbsolutePath().normalize()
        : file.getParent();
    // The header names the inventory relative to the output directory, so the bytes do not depend on where
    // lashing runs from.
    String source = output.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    List<GeneratedFile> files = lashing.generate(inventory, source, env, stack);
    try {
      return line.hasOption("check") ? check(files, output, env, stack) : write(inventory, files, output, lashing);
    } catch (IOException e) {
      err.println("lashing: cannot " + (line.hasOption("check") ? "read" : "write") + " the compose files: "
          + IoErrors.describe(e));
      return Cli.INVALID;
    }
  }

  /** Usage errors for an environment or stack the inventory does not have. */
  private static void select(Inventory inventory, String env, String stack) {
    if (env != null && !inventory.environments().containsKey(env)) {
      throw new Arguments.UsageException("the inventory has no environment '" + env + "'"
          + Suggestions.closest(env, inventory.environments().keySet()).map(s -> " (did you mean '" + s + "'?)")
              .orElse(""));
    }
    if (stack != null) {
      Set<String> stacks = new HashSet<>();
      for (Inventory.Environment e : inventory.ordered()) {
        if (env == null || e.name().equals(env)) {
          stacks.addAll(e.stacks().keySet());
        }
      }
      if (!stacks.contains(stack)) {
        throw new Arguments.UsageException("no stack '" + stack + "' in " + (env == null ? "the inventory"
            : "environment " + env) + Suggestions.closest(stack, stacks).map(s -> " (did you mean '" + s + "'?)")
                .orElse(""));
      }
    }
  }

  private int write(Inventory inventory, List<GeneratedFile> files, Path output, Lashing lashing)
      throws IOException {
    // A file in the way that is not ours may be the user's own compose file: nothing is written then.
    List<String> foreign = new ArrayList<>();
    for (GeneratedFile f : files) {
      Path target = output.resolve(f.path());
      if (Files.exists(target) && !isGenerated(target)) {
        foreign.add(display(target));
      }
    }
    if (!foreign.isEmpty()) {
      for (String name : foreign) {
        err.println("lashing: " + name + " was not written by lashing generate (its first line is not our header);"
            + " move it away, or compare it with --check");
      }
      err.println("lashing: nothing written");
      return Cli.INVALID;
    }
    boolean findings = false;
    for (GeneratedFile f : files) {
      Path target = output.resolve(f.path());
      Files.createDirectories(target.getParent());
      String before = Files.isRegularFile(target) ? Files.readString(target, StandardCharsets.UTF_8) : null;
      String text = before == null ? f.text() : withLineBreaksOf(before, f.text());
      boolean same = text.equals(before);
      if (!same) {
        AtomicFiles.write(target, text);
      }
      out.println((same ? "unchanged " : "wrote ") + display(target));
      Inventory.Stack stack = inventory.environments().get(f.environment()).stacks().get(f.stack());
      findings |= lint(lashing, target, RuleSettings.of(stack.tier().policy()));
    }
    if (files.isEmpty()) {
      err.println("lashing: the inventory has no stacks to generate");
    }
    return findings ? Cli.FINDINGS : Cli.OK;
  }

  /** Lints a generated file with its tier's policy; reports and returns true when anything is found. */
  private boolean lint(Lashing lashing, Path file, RuleSettings settings) {
    try {
      LoadResult result = lashing.load(LoadOptions.of(workingDirectory, Map.of(), file));
      List<Finding> findings = lashing.lint(result, settings).stream().filter(f -> !f.isSuppressed()).toList();
      for (Finding f : findings) {
        err.println(f.at() + ": " + f.severity().label() + " [" + f.ruleId() + "] " + f.message()
            .replace("\n", " "));
      }
      if (!findings.isEmpty()) {
        err.println("lashing: " + display(file) + " has " + findings.size() + " finding(s) under the "
            + settings.policy().label() + " policy; the inventory asks for something the generator cannot harden"
            + " (please report it if the inventory looks right)");
      }
      return !findings.isEmpty();
    } catch (ComposeException e) {
      for (Diagnostic d : e.diagnostics()) {
        err.println(d.toString().replace("\n", " "));
      }
      err.println("lashing: " + display(file) + " does not load; the inventory asks for something Compose"
          + " refuses (please report it if the inventory looks right)");
      return true;
    }
  }

  private int check(List<GeneratedFile> files, Path output, String env, String stack) throws IOException {
    int drifted = 0;
    Set<Path> expected = new HashSet<>();
    for (GeneratedFile f : files) {
      Path target = output.resolve(f.path()).normalize();
      expected.add(target);
      String shown = display(target);
      if (!Files.isRegularFile(target)) {
        out.println("missing: " + shown);
        drifted++;
        continue;
      }
      String onDisk = Files.readString(target, StandardCharsets.UTF_8);
      String generated = withLineBreaksOf(onDisk, f.text());
      if (onDisk.equals(generated)) {
        continue;
      }
      if (onDisk.replace("\r\n", "\n").equals(f.text())) {
        // a diff would show every line that ends otherwise, and nothing a reader could see
        out.println("line endings: " + shown + " mixes CRLF and LF; lashing generate ends every line with "
            + (generated.equals(f.text()) ? "LF" : "CRLF") + ", as its first");
      } else {
        out.print(UnifiedDiff.of(shown + " (on disk)", onDisk, shown + " (generated)", generated));
      }
      drifted++;
    }
    for (Path stale : stale(output, env, stack, expected)) {
      out.println("stale: " + display(stale) + " (its stack is no longer in the inventory; remove it)");
      drifted++;
    }
    if (drifted > 0) {
      err.println("lashing: " + drifted + " of the generated files drift from the inventory; run `lashing generate`"
          + " to rewrite them");
      return Cli.FINDINGS;
    }
    err.println("lashing: " + files.size() + " generated file(s) match the inventory");
    return Cli.OK;
  }

  /** Generated files under the output directory (they start with our header) that the inventory no longer makes. */
  private static List<Path> stale(Path output, String env, String stack, Set<Path> expected) throws IOException {
    List<Path> stale = new ArrayList<>();
    if (!Files.isDirectory(output)) {
      return stale;
    }
    try (Stream<Path> envs = Files.list(output)) {
      for (Path envDir : envs.filter(Files::isDirectory).sorted().toList()) {
        if (env != null && !envDir.getFileName().toString().equals(env)) {
          continue;
        }
        try (Stream<Path> stacks = Files.list(envDir)) {
          for (Path stackDir : stacks.filter(Files::isDirectory).sorted().toList()) {
            Path candidate = stackDir.resolve(ComposeGenerator.FILE_NAME).normalize();
            if ((stack == null || stackDir.getFileName().toString().equals(stack))
                && !expected.contains(candidate) && isGenerated(candidate)) {
              stale.add(candidate);
            }
          }
        }
      }
    }
    return stale;
  }

  /**
   * The generated text (lines ended by LF) with the line breaks of the file it replaces: CRLF when the file's
   * first line ends with CRLF (a checkout with git's autocrlf on Windows), as {@code lashing fix} keeps a file's own.
   * So neither writing nor {@code --check} finds a difference in line breaks alone.
   */
  static String withLineBreaksOf(String existing, String generated) {
    return SourceFile.lineBreakOf(existing).equals("\r\n") ? generated.replace("\n", "\r\n") : generated;
  }

  private static boolean isGenerated(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    return FirstWords.of(file).startsWith(ComposeGenerator.HEADER);
  }

  private String display(Path file) {
    return SourceFiles.displayName(workingDirectory, file);
  }
}
