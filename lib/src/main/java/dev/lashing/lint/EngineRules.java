package dev.lashing.lint;

import java.util.List;

/**
 * Rules the engine itself reports (about suppression comments); they are in the catalog like any other
 * so they can be configured, documented and explained.
 */
public final class EngineRules implements RulePack {
  static final String INVALID_SUPPRESSION = "invalid-suppression";
  static final String UNUSED_SUPPRESSION = "unused-suppression";

  @Override
  public List<Rule> rules() {
    return List.of(new InvalidSuppression(), new UnusedSuppression());
  }

  /** Reported by the engine while it reads suppression comments. */
  @RuleInfo(
      id = INVALID_SUPPRESSION,
      summary = "A lashing-ignore comment names no rule, names a rule there is not, or gives no reason",
      category = Category.CORRECTNESS,
      severity = Severity.MEDIUM)
  static final class InvalidSuppression implements Rule {
    @Override
    public void check(RuleContext context) {}

    @Override
    public RuleInfo info() {
      return EngineRules_InvalidSuppressionInfo.INFO;
    }
  }

  /** Reported by the engine after it matched suppressions to findings. */
  @RuleInfo(
      id = UNUSED_SUPPRESSION,
      summary = "A lashing-ignore comment suppresses no finding",
      category = Category.CORRECTNESS,
      severity = Severity.LOW)
  static final class UnusedSuppression implements Rule {
    @Override
    public void check(RuleContext context) {}

    @Override
    public RuleInfo info() {
      return EngineRules_UnusedSuppressionInfo.INFO;
    }
  }
}
