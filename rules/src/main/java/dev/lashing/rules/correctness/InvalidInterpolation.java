package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.LoadProblemRule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.Diagnostic;

/** Reports malformed interpolation and missing required variables. */
@RuleInfo(
    id = "invalid-interpolation",
    summary = "A malformed ${...} expression, or a required variable without a value",
    category = Category.CORRECTNESS,
    severity = Severity.HIGH)
public final class InvalidInterpolation extends LoadProblemRule {
  @Override
  public RuleInfo info() {
    return InvalidInterpolationInfo.INFO;
  }

  @Override
  protected Diagnostic.Kind kind() {
    return Diagnostic.Kind.INTERPOLATION;
  }
}
