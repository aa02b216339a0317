package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.Level;
import dev.lashing.lint.LoadProblemRule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.Diagnostic;

/** A variable used without a value and without a default: Compose substitutes an empty string. */
@RuleInfo(
    id = "unset-variable",
    summary = "A variable is used but not set, and has no default; Compose substitutes an empty string",
    category = Category.CORRECTNESS,
    severity = Severity.MEDIUM,
    production = Level.HIGH)
public final class UnsetVariable extends LoadProblemRule {
  @Override
  public RuleInfo info() {
    return UnsetVariableInfo.INFO;
  }

  @Override
  protected Diagnostic.Kind kind() {
    return Diagnostic.Kind.UNSET_VARIABLE;
  }
}
