package dev.lashing.lint;

/**
 * A check of a loaded project. Implementations are annotated with {@link RuleInfo}, keep no state between
 * runs, and never change the project.
 */
public interface Rule {
  void check(RuleContext context);

  /** The rule's metadata. */
  default RuleInfo info() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
    }
    return info;
  }
}
