package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.LoadProblemRule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.Diagnostic;

/** Reports schema violations, with a did-you-mean for misspelled keys. */
@RuleInfo(
    id = "schema",
    summary = "A key or value the Compose Specification does not allow",
    category = Category.CORRECTNESS,
    severity = Severity.HIGH)
public final class Schema extends LoadProblemRule {
  @Override
  public RuleInfo info() {
    return SchemaInfo.INFO;
  }

  @Override
  protected Diagnostic.Kind kind() {
    return Diagnostic.Kind.SCHEMA;
  }
}
