package dev.lashing.lint;

import java.util.Map;

/**
 * How a lint run is configured: the policy, and per rule an on/off switch, a severity and options
 * (from {@code .lashing.yml}).
 */
public record RuleSettings(Policy policy, Map<String, PerRule> rules) {

  /** One rule's configuration; null fields keep the policy's choice. */
  public record PerRule(Boolean enabled, Severity severity, RuleOptions options) {
    /** {@code rule} (null when not configured) with an option set and, when {@code enabled} is not null and
     * the configuration leaves it open, switched that way. */
    public static PerRule withOption(PerRule rule, Boolean enabled, String key, Object value) {
      Boolean on = rule == null || rule.enabled() == null ? enabled : rule.enabled();
      RuleOptions options = rule == null || rule.options() == null ? RuleOptions.NONE : rule.options();
      return new PerRule(on, rule == null ? null : rule.severity(), options.with(key, value));
    }
  }

  public RuleSettings {
    rules = Map.copyOf(rules);
  }

  public static RuleSettings of(Policy policy) {
    return new RuleSettings(policy, Map.of());
  }

  /** The severity {@code rule} runs at, or null when it does not run. */
  public Severity severityOf(RuleInfo info) {
    PerRule configured = rules.get(info.id());
    if (configured != null && Boolean.FALSE.equals(configured.enabled())) {
      return null;
    }
    if (configured != null && configured.severity() != null) {
      return configured.severity();
    }
    Severity byPolicy = RuleRegistry.severityUnder(info, policy);
    if (byPolicy == null && configured != null && Boolean.TRUE.equals(configured.enabled())) {
      return info.severity();
    }
    return byPolicy;
  }

  public RuleOptions optionsOf(String ruleId) {
    PerRule configured = rules.get(ruleId);
    return configured == null || configured.options() == null ? RuleOptions.NONE : configured.options();
  }
}
