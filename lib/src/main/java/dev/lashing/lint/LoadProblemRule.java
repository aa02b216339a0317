package dev.lashing.lint;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.Origin;

/**
 * A rule that reports one kind of problem the loader finds (a YAML syntax error, a schema violation,
 * an unset variable…). Warnings reach it through the load; errors (of a project loaded leniently, or of one
 * that could not be read at all) are reported under the same rule by {@link Linter#loadFailure}, so SARIF and
 * every other format show them.
 */
public abstract class LoadProblemRule implements Rule {

  /** The kind of load diagnostic this rule reports. */
  protected abstract Diagnostic.Kind kind();

  /** A fix for one diagnostic, or null. */
  protected Fix fix(Diagnostic diagnostic) {
    return null;
  }

  @Override
  public void check(RuleContext context) {
    for (Diagnostic d : context.load().warnings()) {
      if (d.kind() == kind()) {
        context.report(Origin.at(d.at()), null, d.message(), fix(d));
      }
    }
  }
}
