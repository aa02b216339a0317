package dev.lashing.lint;

import java.util.List;

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

  /** The options the rule reads from its configuration (none by default); {@link RuleOption#UNSAFE_FIX} aside. */
  default List<RuleOption> options() {
    return List.of();
  }
}
