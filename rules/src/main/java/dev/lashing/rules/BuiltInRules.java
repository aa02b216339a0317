package dev.lashing.rules;

import dev.lashing.lint.Rule;
import dev.lashing.lint.RulePack;
import dev.lashing.rules.correctness.CorrectnessRules;
import java.util.ArrayList;
import java.util.List;

/** Lashing's own rules, registered through {@code META-INF/services/dev.lashing.lint.RulePack}. */
public final class BuiltInRules implements RulePack {
  @Override
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    rules.addAll(CorrectnessRules.all());
    return rules;
  }
}
