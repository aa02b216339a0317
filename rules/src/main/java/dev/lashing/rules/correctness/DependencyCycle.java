package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.LoadProblemRule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.Diagnostic;

/** Reports dependency cycles. */
@RuleInfo(
    id = "dependency-cycle",
    summary = "Services depend on each other in a circle",
    category = Category.CORRECTNESS,
    severity = Severity.HIGH)
public final class DependencyCycle extends LoadProblemRule {
  @Override
  public RuleInfo info() {
    return DependencyCycleInfo.INFO;
  }

  @Override
  protected Diagnostic.Kind kind() {
    return Diagnostic.Kind.DEPENDENCY_CYCLE;
  }
}
