package dev.lashing.cli.lsp;

import dev.lashing.api.Lashing;
import dev.lashing.config.ConfigLoader;
import dev.lashing.config.LintConfig;
import dev.lashing.lint.Finding;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.ComposeFiles;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.yaml.SourceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Lints the project an open document belongs to, reading every open document from the editor's text.
 *
 * <p>The project is the one Compose would find from the document's directory when it reads the document
 * (its main file, override file, or a file it includes or extends); else, going up, the project of a
 * parent directory that reads it; else the document on its own. The nearest {@code .lashing.yml} is read
 * on every run, so a change to it applies at the next run.
 */
final class ProjectLinting {
  /** How many projects upwards may be tried for a file that is only included or extended. */
  private static final int PROJECTS_TRIED = 3;
  /** A line that starts a top-level {@code services:} or {@code include:} key, in a block or a flow mapping. */
  private static final Pattern COMPOSE_KEY = Pattern.compile("(?m)^(\\{\\s*)?[\"']?(services|include)[\"']?\\s*:");

  private final Lashing lashing;
  private final Map<String, List<RuleOption>> knownRules;
  private final Map<String, String> environment;

  ProjectLinting(Lashing lashing, Map<String, String> environment) {
    this.lashing = lashing;
    this.knownRules = lashing.rules().options();
    this.environment = Map.copyOf(environment);
  }

  RuleRegistry registry() {
    return lashing.rules();
  }

  /**
   * Lints the document's project, or gives up (empty) as soon as {@code current} says a newer change
   * made the run pointless: it is asked after each load, the slow part, and before the rules run.
   */
  Optional<ProjectRun> lint(Path document, OpenDocuments documents, BooleanSupplier current) {
    // every open document from one look, so that a run never pairs the text of one version with another's number
    Map<Path, OpenDocuments.Document> opened = new HashMap<>();
    Map<Path, String> overlay = new HashMap<>();
    documents.all().forEach(d -> {
      opened.put(d.path(), d);
      overlay.put(d.path(), d.text());
    });
    Path directory = document.getParent();
    LintConfig config;
    List<Diagnostic> configProblems = List.of();
    try {
      config = ConfigLoader.find(directory).map(file -> configuration(file, overlay)).orElse(LintConfig.NONE);
    } catch (ComposeException e) {
      // the project is still linted, as no configuration would have it, beside what is wrong in the configuration
      config = LintConfig.NONE;
      configProblems = errors(e);
    }
    if (config.ignores(document)) {
      return Optional.of(new ProjectRun(document, directory, null, List.of(), Set.of(document), opened));
    }
    Optional<ProjectRun> run = lintProject(document, overlay, opened, config, current);
    if (configProblems.isEmpty() || run.isEmpty()) {
      return run;
    }
    return Optional.of(run.get().with(lashing.lintLoadFailure(configProblems, settings(config, document, overlay)),
        configProblems.stream().filter(d -> !d.at().isSynthetic()).map(d -> Path.of(d.at().file())).toList()));
  }

  /** The configuration as the editor has it when it is open, unsaved changes and all, else as on the disk. */
  private LintConfig configuration(Path file, Map<Path, String> overlay) {
    String text = overlay.get(file.toAbsolutePath().normalize());
    return text == null ? ConfigLoader.load(file, file.toString(), knownRules)
        : ConfigLoader.load(file, SourceFiles.ofText(text, file.toString()), knownRules);
  }

  private Optional<ProjectRun> lintProject(Path document, Map<Path, String> overlay,
      Map<Path, OpenDocuments.Document> opened, LintConfig config, BooleanSupplier current) {
    Path directory = document.getParent();
    Set<List<Path>> tried = new HashSet<>();
    Path from = directory;
    while (from != null && tried.size() < PROJECTS_TRIED) {
      List<Path> files;
      try {
        files = ComposeFiles.found(LoadOptions.of(from, environment)).files().stream()
            .map(p -> p.toAbsolutePath().normalize()).toList();
      } catch (ComposeException none) {
        break;
      }
      if (!tried.add(files)) {
        break;
      }
      Path base = files.get(0).getParent();
      RuleSettings settings = settings(config, files.get(0), overlay);
      LoadOptions options = options(files, base);
      try {
        LoadResult load = lashing.loadLeniently(options, overlay);
        if (!current.getAsBoolean()) {
          return Optional.empty();
        }
        if (files.contains(document) || reads(load, base, document)) {
          return Optional.of(linted(base, options, load, settings, document, opened));
        }
      } catch (ComposeException e) {
        if (files.contains(document)) {
          return Optional.of(failed(base, errors(e), settings, document, opened));
        }
      }
      from = base.getParent();
    }
    if (!mayBeComposeFile(document, overlay.get(document))) {
      // the editor sends every YAML file; one no project reads and nothing marks as Compose's (a CI workflow, a
      // Kubernetes manifest) is not linted as a compose file of its own
      return Optional.of(new ProjectRun(document, directory, null, List.of(), Set.of(document), opened));
    }
    RuleSettings settings = settings(config, document, overlay);
    LoadOptions options = options(List.of(document), directory);
    try {
      LoadResult load = lashing.loadLeniently(options, overlay);
      return current.getAsBoolean() ? Optional.of(linted(directory, options, load, settings, document, opened))
          : Optional.empty();
    } catch (ComposeException e) {
      return Optional.of(failed(directory, errors(e), settings, document, opened));
    }
  }

  /** A compose file's name, or a top-level {@code services} or {@code include} key, block or flow style. */
  private static boolean mayBeComposeFile(Path document, String text) {
    return ComposeFiles.isNamedLikeOne(document.getFileName().toString())
        || text == null || COMPOSE_KEY.matcher(text).find();
  }

  /** The settings for a project's first file, whose policy directive the editor's text decides when it is open. */
  private static RuleSettings settings(LintConfig config, Path file, Map<Path, String> overlay) {
    String text = overlay.get(file);
    return text == null ? config.settingsFor(file, null) : config.settingsForText(file, text);
  }

  /** The project as lint checks it: every service whatever its profiles, unless COMPOSE_PROFILES names some. */
  private LoadOptions options(List<Path> files, Path base) {
    return new LoadOptions(files, base, null, List.of(), Set.of(), null, environment).checkingEveryService();
  }

  private static boolean reads(LoadResult load, Path base, Path document) {
    return load.composeFiles().stream().anyMatch(name -> base.resolve(name).normalize().equals(document));
  }

  private ProjectRun linted(Path base, LoadOptions options, LoadResult load, RuleSettings settings, Path document,
      Map<Path, OpenDocuments.Document> opened) {
    List<Finding> findings = lashing.lint(load, settings);
    Set<Path> files = new LinkedHashSet<>();
    files.add(document);
    load.composeFiles().forEach(name -> files.add(base.resolve(name).toAbsolutePath().normalize()));
    findings.stream().filter(f -> !f.at().isSynthetic() && load.sources().containsKey(f.at().file()))
        .forEach(f -> files.add(base.resolve(f.at().file()).toAbsolutePath().normalize()));
    return new ProjectRun(document, base, new ProjectRun.Loaded(lashing, options, load, settings), findings, files,
        opened);
  }

  private ProjectRun failed(Path base, List<Diagnostic> errors, RuleSettings settings, Path document,
      Map<Path, OpenDocuments.Document> opened) {
    List<Finding> findings = lashing.lintLoadFailure(errors, settings);
    Set<Path> files = new LinkedHashSet<>();
    files.add(document);
    errors.stream().filter(d -> !d.at().isSynthetic())
        .forEach(d -> files.add(base.resolve(d.at().file()).toAbsolutePath().normalize()));
    return new ProjectRun(document, base, null, findings, files, opened);
  }

  private static List<Diagnostic> errors(ComposeException e) {
    List<Diagnostic> errors = new ArrayList<>(e.diagnostics().stream().filter(Diagnostic::isError).toList());
    return errors.isEmpty() ? e.diagnostics() : errors;
  }
}
