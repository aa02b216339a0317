package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.LoadProblemRule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.Diagnostic;

/** Reports legacy limits that contradict their deploy equivalents. */
@RuleInfo(
    id = "conflicting-limits",
    summary = "A legacy attribute and its deploy equivalent disagree, or a fixed container_name is scaled",
    category = Category.CORRECTNESS,
    severity = Severity.HIGH)
public final class ConflictingLimits extends LoadProblemRule {
  @Override
  public RuleInfo info() {
    return ConflictingLimitsInfo.INFO;
  }

  @Override
  protected Diagnostic.Kind kind() {
    return Diagnostic.Kind.CONFLICTING_LIMITS;
  }
}
