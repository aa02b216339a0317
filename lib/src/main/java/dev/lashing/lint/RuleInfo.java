package dev.lashing.lint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Everything about a rule except its logic, in one place: the catalog, the docs, the CLI, SARIF and
 * suppressions all read it from here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** Stable kebab-case id, used in suppressions, config and output. */
  String id();

  /** One line, no trailing period. */
  String summary();

  Category category();

  /** Severity under the default policy. */
  Severity severity();

  /** Under the production policy (SAME: as default; OFF: does not run). */
  Level production() default Level.SAME;

  /** Under the development policy. */
  Level development() default Level.SAME;

  /** CIS Docker Benchmark v1.6.0 recommendation, e.g. "5.5"; empty when none applies. */
  String cis() default "";

  /** The same recommendation's number in CIS v1.5.0 and earlier (section 5 was renumbered in 1.6.0). */
  String cisV15() default "";

  /** Whether findings carry a fix. */
  boolean fixable() default false;

  /**
   * Runs only where a policy names a level for it or the configuration turns it on (rules that need
   * options, such as an image allow-list, or that most stacks would find too strict).
   */
  boolean optIn() default false;

  /** Whether {@code lashing patch} covers the rule. */
  PatchCoverage patch() default PatchCoverage.NONE;

  /** What other parts of Lashing find the rule for. */
  RuleRole[] roles() default {};

  /** Why a finding may come without a fix, for people ("no check known for the image"); empty: "no fix". */
  String noFix() default "";
}
