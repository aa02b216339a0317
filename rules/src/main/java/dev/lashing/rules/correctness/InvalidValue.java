package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.LoadProblemRule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.Diagnostic;

/** Reports the values Compose refuses that no other rule covers (bad port specs, invalid booleans, cycles in extends…). */
@RuleInfo(
    id = "invalid-value",
    summary = "A value Compose refuses when it loads the project",
    category = Category.CORRECTNESS,
    severity = Severity.HIGH)
public final class InvalidValue extends LoadProblemRule {
  @Override
  protected Diagnostic.Kind kind() {
    return Diagnostic.Kind.INVALID_VALUE;
  }
}
