package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.LoadProblemRule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.Diagnostic;

/** Reports mapping keys written twice. */
@RuleInfo(
    id = "duplicate-key",
    summary = "A mapping key is written twice; Compose refuses the file",
    category = Category.CORRECTNESS,
    severity = Severity.CRITICAL)
public final class DuplicateKey extends LoadProblemRule {
  @Override
  public RuleInfo info() {
    return DuplicateKeyInfo.INFO;
  }

  @Override
  protected Diagnostic.Kind kind() {
    return Diagnostic.Kind.DUPLICATE_KEY;
  }
}
