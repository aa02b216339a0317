package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.LoadProblemRule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.Diagnostic;

/** Reports files the project names but that are missing. */
@RuleInfo(
    id = "missing-file",
    summary = "A file named by the project (env_file, include, extends) does not exist",
    category = Category.CORRECTNESS,
    severity = Severity.HIGH)
public final class MissingFile extends LoadProblemRule {
  @Override
  public RuleInfo info() {
    return MissingFileInfo.INFO;
  }

  @Override
  protected Diagnostic.Kind kind() {
    return Diagnostic.Kind.MISSING_FILE;
  }
}
