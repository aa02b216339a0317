package dev.lashing.patch;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleRole;
import java.util.List;
import java.util.Set;

/** Which findings a patch acts on: covered, not suppressed, with a fix (a gateway's own binding has none). */
final class PatchFilter {
  private final RuleRegistry registry;
  private final Set<String> covered;
  private final Set<String> gateways;
  private final Policy policy;

  PatchFilter(RuleRegistry registry, Set<String> covered, Set<String> gateways, Policy policy) {
    this.registry = registry;
    this.covered = covered;
    this.gateways = gateways;
    this.policy = policy;
  }

  Set<String> covered() {
    return covered;
  }

  List<Finding> actionable(List<Finding> findings) {
    return findings.stream().filter(this::isActionable).toList();
  }

  boolean isActionable(Finding f) {
    return covered.contains(f.ruleId()) && !f.isSuppressed() && f.fix() != null;
  }

  /** Outside development, a gateway's ports stay on every interface: they are how the stack is reached. */
  boolean isGatewayBinding(Finding f) {
    Rule rule = registry.get(f.ruleId());
    return rule != null && RuleRegistry.hasRole(rule.info(), RuleRole.ALL_INTERFACES) && policy != Policy.DEVELOPMENT
        && gateways.contains(f.service());
  }

  /** Covered findings the patch leaves on purpose or cannot fix, and why. */
  String whyLeft(Finding f) {
    if (isGatewayBinding(f)) {
      return "gateways keep every interface";
    }
    if (f.fix() == null) {
      Rule rule = registry.get(f.ruleId());
      return rule == null || rule.info().noFix().isEmpty() ? "no fix" : rule.info().noFix();
    }
    return f.isSuppressed() ? "suppressed" : null;
  }
}
