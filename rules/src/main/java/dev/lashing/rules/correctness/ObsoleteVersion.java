package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.LoadProblemRule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.Diagnostic;
import java.util.List;

/** The top-level {@code version} selects nothing in Compose v2 and only produces a warning. */
@RuleInfo(
    id = "obsolete-version",
    summary = "The top-level version attribute is obsolete and ignored",
    category = Category.CORRECTNESS,
    severity = Severity.LOW,
    fixable = true)
public final class ObsoleteVersion extends LoadProblemRule {
  @Override
  public RuleInfo info() {
    return ObsoleteVersionInfo.INFO;
  }

  @Override
  protected Diagnostic.Kind kind() {
    return Diagnostic.Kind.OBSOLETE_VERSION;
  }

  @Override
  protected Fix fix(Diagnostic diagnostic) {
    return new Fix("remove the version line", Fix.Safety.SAFE, () -> List.of(new Fix.Remove(List.of("version"))));
  }
}
