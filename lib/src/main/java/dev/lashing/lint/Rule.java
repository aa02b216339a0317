package dev.lashing.lint;

import java.util.List;

/**
 * A check of a loaded project. Implementations are annotated with {@link RuleInfo}, keep no state between
 * runs, and never change the project.
 */
public interface Rule {
  void check(RuleContext context);

  /**
   * The rule's metadata. A rule compiled with Lashing's annotation processor (module {@code processor}) must return
   * what it wrote out from the annotation, {@code return PrivilegedInfo.INFO;} for a rule {@code Privileged}, which
   * costs nothing to read. This default reads the annotation itself, for rule packs built without the processor:
   * that costs every run dynamic proxy classes and annotation parsing, an eighth of a one-file lint.
   */
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
