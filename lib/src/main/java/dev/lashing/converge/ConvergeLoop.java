package dev.lashing.converge;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Linter;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.source.ComposeException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The loop {@code fix} and {@code patch} share: lint the project, plan changes from the findings, apply them in
 * memory, load the project again with the changed texts read in place of the files, and lint again, until a
 * round plans nothing, a round does not load, or the rounds run out. Nothing is written to disk here.
 */
public final class ConvergeLoop {
  private final Linter linter;

  public ConvergeLoop(Linter linter) {
    this.linter = linter;
  }

  /**
   * What a round loads.
   *
   * @param options the files to load (a patch adds its own)
   * @param overlay texts read in place of files, by absolute normalized path
   * @param loaded the round as the step already loaded it ({@code ProjectLoader.load(options, overlay, current)}
   *     while planning), or null for the loop to load it
   */
  public record Round(LoadOptions options, Map<Path, String> overlay, LoadResult loaded) {
    /** A round the loop loads. */
    public Round(LoadOptions options, Map<Path, String> overlay) {
      this(options, overlay, null);
    }
  }

  /** What fix or patch does in each round. */
  public interface Step {
    /**
     * Plans a round from the project as it stands and its findings.
     *
     * @param round 1 for the first round
     * @return what to load next, or null when nothing is left to do
     */
    Round plan(int round, LoadResult current, List<Finding> findings);

    /** The planned round loaded. */
    void loaded(LoadResult result);

    /** The planned round does not load; the loop stops with the project as it stood. */
    void notLoaded(ComposeException problem);
  }

  /**
   * How the loop ended.
   *
   * @param last the project as last loaded
   * @param findings the findings the last round was planned from
   * @param rounds how many rounds were planned
   * @param settled whether the last round found nothing more to do
   */
  public record Outcome(LoadResult last, List<Finding> findings, int rounds, boolean settled) {}

  /** Runs at most {@code maxRounds} rounds from {@code start}. */
  public Outcome run(LoadResult start, RuleSettings settings, int maxRounds, Step step) {
    LoadResult current = start;
    List<Finding> findings = List.of();
    int rounds = 0;
    while (rounds < maxRounds) {
      rounds++;
      findings = linter.lint(current, settings);
      Round next = step.plan(rounds, current, findings);
      if (next == null) {
        return new Outcome(current, findings, rounds, true);
      }
      try {
        current = next.loaded() != null ? next.loaded()
            : ProjectLoader.load(next.options(), next.overlay(), current);
      } catch (ComposeException e) {
        step.notLoaded(e);
        return new Outcome(current, findings, rounds, false);
      }
      step.loaded(current);
    }
    return new Outcome(current, findings, rounds, false);
  }
}
