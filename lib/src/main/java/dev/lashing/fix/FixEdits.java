package dev.lashing.fix;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.load.LoadResult;
import java.util.List;
import java.util.Map;

/**
 * The minimal text edits that fix findings of one loaded project, exactly as the first round of
 * {@code lashing fix} would write them, without writing anything: for reports that carry fixes (SARIF) and
 * for editors that offer them. Safe and behaviour-changing fixes alike; the caller says which is which.
 */
public final class FixEdits {
  private final FixPlanner planner;

  public FixEdits(LoadResult load) {
    this.planner = new FixPlanner(load);
  }

  /**
   * The edits that fix {@code finding} on its own, by file name, each file's edits in the order they apply;
   * empty when it has no fix, is suppressed, or its fix cannot be written.
   */
  public Map<String, List<TextEdit>> of(Finding finding) {
    Fix fix = finding.fix();
    return fix == null || finding.isSuppressed() ? Map.of()
        : planner.plan(List.of(new FixPlanner.Candidate(finding, fix))).edits();
  }
}
