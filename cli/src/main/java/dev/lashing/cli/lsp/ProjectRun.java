package dev.lashing.cli.lsp;

import dev.lashing.api.Lashing;
import dev.lashing.fix.FixEdits;
import dev.lashing.fix.Fixer;
import dev.lashing.fix.TextEdit;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.source.SourceFile;
import dev.lashing.yaml.SourceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One lint of the project an open document belongs to, as the editor's text stood when it ran.
 *
 * <p>Findings name files relative to {@code base}; {@code opened} holds each document open when it ran, as it
 * stood: edits name its version, so that the editor refuses them once the text moved on, and its URI as the
 * editor spells it.
 */
final class ProjectRun {
  /** A project that loaded, and what fixing it as {@code lashing fix} does takes: how it was loaded and linted. */
  record Loaded(Lashing lashing, LoadOptions options, LoadResult load, RuleSettings settings) {}

  private final Path document;
  private final Path base;
  private final Loaded loaded;
  private final List<Finding> findings;
  private final Set<Path> files;
  private final Map<Path, OpenDocuments.Document> opened;
  private FixEdits fixEdits;
  private final Map<Path, Map<String, List<TextEdit>>> safeFixEdits = new HashMap<>();

  /**
   * @param document the open document the run is for
   * @param loaded the loaded project, or null when it did not load (the findings then say why)
   * @param files every file to publish diagnostics for, even none (so stale ones are cleared)
   */
  ProjectRun(Path document, Path base, Loaded loaded, List<Finding> findings, Set<Path> files,
      Map<Path, OpenDocuments.Document> opened) {
    this.document = document;
    this.base = base;
    this.loaded = loaded;
    this.findings = List.copyOf(findings);
    this.files = Set.copyOf(files);
    this.opened = Map.copyOf(opened);
  }

  List<Finding> findings() {
    return findings;
  }

  Set<Path> files() {
    return files;
  }

  /** This run with more findings, shown in {@code moreFiles} too (what is wrong in the configuration, say). */
  ProjectRun with(List<Finding> more, List<Path> moreFiles) {
    List<Finding> allFindings = new ArrayList<>(findings);
    allFindings.addAll(more);
    Set<Path> allFiles = new LinkedHashSet<>(files);
    allFiles.addAll(moreFiles);
    return new ProjectRun(document, base, loaded, allFindings, allFiles, opened);
  }

  /** The absolute path of a file named by a finding or a load result. */
  Path pathOf(String name) {
    return base.resolve(name).toAbsolutePath().normalize();
  }

  /**
   * The file a finding is shown in: where it is written, or the document for one that is written nowhere
   * the project reads (a missing file, a default).
   */
  Path placeOf(Finding f) {
    Path path = pathOf(f.at().file());
    return files.contains(path) ? path : document;
  }

  /** The findings shown in {@code file}, suppressed ones left out. */
  List<Finding> findingsIn(Path file) {
    return findings.stream().filter(f -> isShownIn(f, file)).toList();
  }

  private boolean isShownIn(Finding f, Path file) {
    return !f.isSuppressed() && placeOf(f).equals(file);
  }

  /** The editor's version of an open document this run read, or null when it read the file from disk. */
  Integer versionOf(Path file) {
    OpenDocuments.Document open = opened.get(file);
    return open == null ? null : open.version();
  }

  /** A file's URI: as the editor named it when it was open for this run, else spelled as editors spell it. */
  String uriOf(Path file) {
    return OpenDocuments.uriOf(file, opened.get(file));
  }

  /** The text this run read for {@code name}, or null when it did not load. */
  SourceFile source(String name) {
    return loaded == null ? null : loaded.load().sources().get(name);
  }

  /** The fix engine's edits for one finding, by file name; none when Compose refuses the project. */
  synchronized Map<String, List<TextEdit>> fixEdits(Finding finding) {
    return planner() == null ? Map.of() : planner().of(finding);
  }

  /**
   * The edits, by file name, that fix the safe findings shown in {@code file} as {@code lashing fix} does: in
   * rounds, until no such finding is left that can be fixed (two fixes of a service written as an alias both
   * rewrite the alias, so the second waits for the first). Kept for the run: planning every fix of a large file
   * takes seconds. None when a fixed file would be larger than a file Lashing reads, as {@code lashing fix}
   * writes none.
   *
   * @throws Fixer.Unsettled when the fixes do not settle (a bug of the fix engine)
   */
  synchronized Map<String, List<TextEdit>> safeFixEdits(Path file) {
    return safeFixEdits.computeIfAbsent(file, shown -> safelyFixable(shown).isEmpty() || !fixable() ? Map.of()
        : fixedWithin(shown));
  }

  private Map<String, List<TextEdit>> fixedWithin(Path shown) {
    try {
      return loaded.lashing().fix(loaded.options(), loaded.load(), loaded.settings(), Fixer.Options.safe(),
          f -> isShownIn(f, shown) && isSafe(f)).edits();
    } catch (SourceFiles.TooLargeToWrite e) {
      return Map.of();
    }
  }

  /** The findings shown in {@code file} whose fix is safe. */
  List<Finding> safelyFixable(Path file) {
    return findingsIn(file).stream().filter(ProjectRun::isSafe).toList();
  }

  private static boolean isSafe(Finding f) {
    return f.fix() != null && f.fix().safety() == Fix.Safety.SAFE;
  }

  /** Whether fixes can be planned: Compose takes the project. */
  private boolean fixable() {
    return loaded != null && !loaded.load().refused();
  }

  /**
   * The planner, made on first use (most runs are never asked for a fix); it is not thread-safe, hence the
   * callers' lock.
   */
  private FixEdits planner() {
    if (fixEdits == null && fixable()) {
      fixEdits = new FixEdits(loaded.load());
    }
    return fixEdits;
  }
}
