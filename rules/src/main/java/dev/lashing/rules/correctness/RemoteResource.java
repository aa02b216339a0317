package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.LoadProblemRule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.Diagnostic;

/**
 * A remote {@code include} or {@code extends} (a git repository, an {@code oci://} artifact): Lashing does not
 * fetch it, so what it brings is not checked. Said once, where it is named, so that a clean run does not
 * claim more than it checked.
 */
@RuleInfo(
    id = "remote-resource",
    summary = "A remote include or extends was not fetched, so what it brings was not checked",
    category = Category.CORRECTNESS,
    severity = Severity.INFO)
public final class RemoteResource extends LoadProblemRule {
  @Override
  public RuleInfo info() {
    return RemoteResourceInfo.INFO;
  }

  @Override
  protected Diagnostic.Kind kind() {
    return Diagnostic.Kind.REMOTE_RESOURCE;
  }
}
