package dev.lashing.rules;

import dev.lashing.lint.Rule;
import dev.lashing.lint.RulePack;
import dev.lashing.rules.correctness.CorrectnessRules;
import dev.lashing.rules.network.NetworkRules;
import dev.lashing.rules.resources.ResourceRules;
import dev.lashing.rules.security.SecurityRules;
import dev.lashing.rules.supplychain.SupplyChainRules;
import java.util.ArrayList;
import java.util.List;

/** Lashing's own rules, registered through {@code META-INF/services/dev.lashing.lint.RulePack}. */
public final class BuiltInRules implements RulePack {
  @Override
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    rules.addAll(CorrectnessRules.all());
    rules.addAll(NetworkRules.all());
    rules.addAll(ResourceRules.all());
    rules.addAll(SecurityRules.all());
    rules.addAll(SupplyChainRules.all());
    return rules;
  }
}
