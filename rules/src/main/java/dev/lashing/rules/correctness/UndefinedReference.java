package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.LoadProblemRule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.Diagnostic;

/** Reports references to things the project does not define. */
@RuleInfo(
    id = "undefined-reference",
    summary = "A service, network, volume, secret or config is used but not defined",
    category = Category.CORRECTNESS,
    severity = Severity.HIGH)
public final class UndefinedReference extends LoadProblemRule {
  @Override
  public RuleInfo info() {
    return UndefinedReferenceInfo.INFO;
  }

  @Override
  protected Diagnostic.Kind kind() {
    return Diagnostic.Kind.UNDEFINED_REFERENCE;
  }
}
