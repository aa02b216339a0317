package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.LoadProblemRule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.Diagnostic;

/** Reports files that cannot be read as YAML. */
@RuleInfo(
    id = "yaml-syntax",
    summary = "The file is not valid YAML, or not safe to read (bad encoding, alias bomb, deep nesting)",
    category = Category.CORRECTNESS,
    severity = Severity.CRITICAL)
public final class YamlSyntax extends LoadProblemRule {
  @Override
  public RuleInfo info() {
    return YamlSyntaxInfo.INFO;
  }

  @Override
  protected Diagnostic.Kind kind() {
    return Diagnostic.Kind.YAML_SYNTAX;
  }
}
