package dev.lashing.patch;

import dev.lashing.converge.ConvergeLoop;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Gateways;
import dev.lashing.lint.Linter;
import dev.lashing.lint.Policy;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.ComposeFiles;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.source.AtomicFiles;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.yaml.SourceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a Compose override file that hardens a project without touching its files: lints the project, turns
 * the fixes of the rules it covers into what an override merges to the same result, adds backup jobs for the
 * databases it recognises, then loads the user's files with the patch through Lashing's own loader and lints
 * again, repeating until nothing it covers is left (a healthcheck it adds lets dependents wait for it, a network
 * it removes needs another). A patch that does not load, or leaves a covered finding, is never returned: that
 * is a bug, reported as a {@link PatchException}.
 */
public final class Patcher {
  private static final int MAX_ROUNDS = 6;

  private final RuleRegistry registry;
  private final Linter linter;

  public Patcher(RuleRegistry registry) {
    this.registry = registry;
    this.linter = new Linter(registry);
  }

  /**
   * The patch for a project.
   *
   * @throws ComposeException when the user's files do not load
   * @throws IllegalArgumentException for an option that does not fit the project (an unknown gateway or rule)
   * @throws PatchException when the patch does not do what it must (a bug)
   * @throws SourceFiles.TooLargeToWrite when the patch would be larger than a file Lashing reads
   */
  public PatchResult generate(PatchOptions options) {
    LoadOptions load = ComposeFiles.found(options.load());
    LoadResult before = ProjectLoader.load(load);
    Policy policy = options.settings().policy();
    PatchRules rules = new PatchRules(registry);
    Gateways gateways = rules.gateways(options, before);
    String network = rules.network(options, before);
    RuleSettings settings = rules.settings(options, gateways.names(), network);
    Set<String> covered = rules.covered(options, settings);
    boolean backups = options.backups() != null ? options.backups() : policy != Policy.DEVELOPMENT;
    PatchFilter filter = new PatchFilter(registry, covered, Set.copyOf(gateways.names()), policy);
    // The patch is never written while it is built: the loader reads its text in place of the output file.
    Path patchFile = load.workingDirectory().resolve(options.outputName()).toAbsolutePath().normalize();
    refuseToReplaceWhatTheProjectReads(before, load.workingDirectory(), patchFile, options.outputName());
    Rounds rounds = new Rounds(load, patchFile, before.environment(), filter, backups, options,
        rules.digestRule().orElse("--digests"));
    // one round more than the patch may take, to tell whether the last one left anything
    List<Finding> findings = new ConvergeLoop(linter).run(before, settings, MAX_ROUNDS + 1, rounds).findings();

    PatchBuilder builder = rounds.builder;
    builder.sort(new ArrayList<>(before.project().services().keySet()));
    if (builder.isEmpty()) {
      builder.root().put("services", new PatchMap());
    }
    ComposeVersion compose = ComposeVersion.requiredBy(builder.root());
    PatchHeader.Summary summary = new PatchHeader.Summary(before, findings, filter, covered, gateways.names(),
        gateways.from(), network, rounds.jobs, compose);
    String text = SourceFiles.readableBack(options.outputName(),
        PatchEmitter.write(new PatchHeader(rules).lines(options, load, summary, builder), builder.root()));
    BackupJobs.Plan plan = rounds.jobs;
    Map<String, String> databaseOfJob = new HashMap<>();
    if (plan != null) {
      plan.jobs().forEach(job -> databaseOfJob.put(job.name(), job.database()));
    }
    Verified after = verify(load, text, patchFile, settings, filter, rounds.initial, before, databaseOfJob);
    // the header counts what is left from the last round; the patch as written must leave the same
    String counted = PatchHeader.notCovered(findings, covered, plan);
    String left = PatchHeader.notCovered(after.findings(), covered, plan);
    if (!left.equals(counted)) {
      throw new PatchException("the header counts the findings left as \"" + counted + "\", but the patch leaves \""
          + left + "\"");
    }
    return new PatchResult(text, before, after.load(), filter.actionable(rounds.initial), after.findings(),
        List.copyOf(covered), settings, compose,
        plan == null ? List.of() : plan.jobs().stream().map(BackupJobs.Job::name).toList(),
        plan == null ? List.of() : plan.skipped().stream().map(k -> k.service() + ": " + k.reason()).toList());
  }

  /**
   * The rounds of one patch: the covered fixes, then (once the databases' networks and healthchecks are known)
   * the backup jobs, then what the merged result still asks for, until nothing is left.
   */
  private static final class Rounds implements ConvergeLoop.Step {
    private final LoadOptions load;
    private final Path patchFile;
    private final Map<String, String> environment;
    private final PatchFilter filter;
    private final boolean backups;
    private final PatchOptions options;
    private final String digestRule;
    private final PatchBuilder builder = new PatchBuilder();
    private List<Finding> initial = List.of();
    private BackupJobs.Plan jobs;

    Rounds(LoadOptions load, Path patchFile, Map<String, String> environment, PatchFilter filter, boolean backups,
        PatchOptions options, String digestRule) {
      this.load = load;
      this.patchFile = patchFile;
      this.environment = environment;
      this.filter = filter;
      this.backups = backups;
      this.options = options;
      this.digestRule = digestRule;
    }

    @Override
    public ConvergeLoop.Round plan(int round, LoadResult current, List<Finding> findings) {
      if (round == 1) {
        initial = findings;
      }
      List<Finding> actionable = filter.actionable(findings);
      boolean planJobs = backups && jobs == null;
      LoadResult merged = current;
      Templates templates = new Templates(merged.sources(), environment);
      // pinned once: a backup job added later runs its database's image as the patch already pins it
      List<PatchEdits.Edit> pins = round == 1 ? PatchPins.edits(merged, options.digests(), templates, digestRule)
          : List.of();
      if (actionable.isEmpty() && !planJobs && pins.isEmpty()) {
        return null;
      }
      if (round > MAX_ROUNDS) {
        throw new PatchException("after " + MAX_ROUNDS + " rounds the patch still leaves " + describe(actionable));
      }
      List<PatchEdits.Edit> edits = new ArrayList<>(pins);
      edits.addAll(PatchEdits.withReservationNotes(
          PatchEdits.withRoomForConnections(PatchEdits.edits(actionable), merged.tree()), merged.project()));
      builder.apply(edits, merged.tree(), templates);
      String loadedText = null;
      if (planJobs && !edits.isEmpty() && !builder.isEmpty()) {
        loadedText = text();
        merged = loadText(load, loadedText, patchFile, current);
        templates = new Templates(merged.sources(), environment);
      }
      if (planJobs) {
        jobs = BackupJobs.plan(merged, templates, options.settings().policy(), options.backupDirectory());
        for (BackupJobs.Job job : jobs.jobs()) {
          builder.addJob(job.name(), job.service(), job.comments());
          loadedText = null;
        }
      }
      if (builder.isEmpty()) {
        return null;
      }
      if (loadedText != null) {
        // no job added to the text loaded for them: the round is that load, not a second one of the same text
        return new ConvergeLoop.Round(withPatch(load, patchFile), Map.of(patchFile, loadedText), merged);
      }
      return new ConvergeLoop.Round(withPatch(load, patchFile), Map.of(patchFile, text()));
    }

    /** The patch so far, without its header, as the next round reads it. */
    private String text() {
      return SourceFiles.readableBack(options.outputName(), PatchEmitter.write(List.of(), builder.root()));
    }

    @Override
    public void loaded(LoadResult result) {
      // the next round reads the merged result
    }

    @Override
    public void notLoaded(ComposeException problem) {
      throw notLoading(problem);
    }
  }

  // ---- loading with the patch ----

  /** The project's files followed by the patch file, in the project's directory. */
  private static LoadOptions withPatch(LoadOptions load, Path patchFile) {
    List<Path> files = new ArrayList<>(load.files());
    files.add(patchFile);
    Path projectDirectory = load.projectDirectory() != null ? load.projectDirectory()
        : load.workingDirectory().resolve(load.files().get(0)).toAbsolutePath().normalize().getParent();
    return load.withFiles(files, projectDirectory);
  }

  /**
   * The project's files merged with the patch text, read as the file {@code patchFile} (never written); the files
   * are not parsed again where {@code earlier} read the same.
   */
  private static LoadResult loadText(LoadOptions load, String text, Path patchFile, LoadResult earlier) {
    try {
      return ProjectLoader.load(withPatch(load, patchFile), Map.of(patchFile, text), earlier);
    } catch (ComposeException e) {
      throw notLoading(e);
    }
  }

  private static PatchException notLoading(ComposeException e) {
    StringBuilder message = new StringBuilder("the patch does not load with the project's files:");
    for (Diagnostic d : e.diagnostics()) {
      message.append("\n  ").append(d);
    }
    return new PatchException(message.toString());
  }

  /**
   * Stops when the patch file is one the project reads (a compose file, one it includes or extends, an env file, its
   * variables): the patch would replace it, and is checked as if it had.
   */
  private static void refuseToReplaceWhatTheProjectReads(LoadResult before, Path workingDirectory, Path patchFile,
      String name) {
    List<Path> read = new ArrayList<>();
    before.sources().keySet().forEach(source -> read.add(workingDirectory.resolve(source)));
    read.addAll(before.projectEnvironment().everyFile());
    if (AtomicFiles.replacedInput(patchFile, read) != null) {
      throw new IllegalArgumentException(name + " is one of the project's files; the patch never replaces them");
    }
  }

  /** The project with the finished patch, and its findings. */
  private record Verified(LoadResult load, List<Finding> findings) {}

  /**
   * Loads the finished text with the user's files and checks it: it loads, no covered finding with a fix is left,
   * and no covered finding appears that the project did not have. A backup job runs its database's image, so a
   * finding of the job that its database has too (an image the digest lock does not know) is the database's, not new.
   */
  private Verified verify(LoadOptions load, String text, Path patchFile, RuleSettings settings, PatchFilter filter,
      List<Finding> initial, LoadResult before, Map<String, String> databaseOfJob) {
    LoadResult after = loadText(load, text, patchFile, before);
    List<Finding> findings = linter.lint(after, settings);
    List<Finding> left = filter.actionable(findings);
    if (!left.isEmpty()) {
      throw new PatchException("the patch leaves " + describe(left));
    }
    Map<String, Integer> earlier = new HashMap<>();
    for (Finding f : initial) {
      if (filter.covered().contains(f.ruleId())) {
        earlier.merge(f.ruleId() + "\u0000" + f.service(), 1, Integer::sum);
      }
    }
    Set<String> ruleAndService = new HashSet<>();
    for (Finding f : findings) {
      ruleAndService.add(f.ruleId() + "\u0000" + f.service());
    }
    List<Finding> added = new ArrayList<>();
    for (Finding f : findings) {
      String database = databaseOfJob.get(f.service());
      if (filter.covered().contains(f.ruleId()) && !f.isSuppressed()
          && !(database != null && ruleAndService.contains(f.ruleId() + "\u0000" + database))
          && earlier.merge(f.ruleId() + "\u0000" + f.service(), -1, Integer::sum) < 0) {
        added.add(f);
      }
    }
    if (!added.isEmpty()) {
      throw new PatchException("the patch brings new findings: " + describe(added));
    }
    return new Verified(after, findings);
  }

  private static String describe(List<Finding> findings) {
    StringBuilder text = new StringBuilder();
    for (Finding f : findings) {
      text.append("\n  ").append(f.at())
          .append(" [").append(f.ruleId()).append("] ").append(f.message());
    }
    return findings.size() + " finding(s):" + text;
  }
}
