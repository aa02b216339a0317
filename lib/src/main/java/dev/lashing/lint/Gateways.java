package dev.lashing.lint;

import dev.lashing.knowledge.GatewayNames;
import dev.lashing.model.Project;
import dev.lashing.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stack's entry points, whose published ports are how it is reached: the {@code gateways} option of the rule
 * that takes it ({@code --gateway} sets it), else the services publishing ports whose name or image says so. Lint,
 * fix and patch all ask here, so they never disagree on which services are gateways.
 *
 */
public final class Gateways {
  static final String OPTION = "gateways";

  private final List<String> names;
  private final Set<String> lookup;
  private final String from;

  /**
   * @param names the gateways, in the project's order when recognised
   * @param from where they come from, for the patch header
   */
  public Gateways(List<String> names, String from) {
    this.names = List.copyOf(names);
    this.lookup = Set.copyOf(names);
    this.from = from;
  }

  /** The gateways, in the project's order when recognised. */
  public List<String> names() {
    return names;
  }

  /** Where they come from, for the patch header. */
  public String from() {
    return from;
  }

  /** Whether a service is a gateway: asked for every published port, so looked up, not searched. */
  public boolean contains(String service) {
    return lookup.contains(service);
  }

  /** The gateways {@code settings} name, else those recognised by name in {@code project}. */
  public static Gateways of(RuleRegistry registry, RuleSettings settings, Project project) {
    var rule = registry.idWith(RuleRole.GATEWAYS);
    List<String> configured = rule.map(id -> settings.optionsOf(id).strings(OPTION, List.of())).orElse(List.of());
    if (!configured.isEmpty()) {
      return new Gateways(configured, "the gateways option of " + rule.get());
    }
    return new Gateways(recognised(project), "recognised by name; choose them with --gateway");
  }

  /** Services publishing ports whose name or image path carries a gateway word. */
  private static List<String> recognised(Project project) {
    List<String> gateways = new ArrayList<>();
    for (Service s : project.services().values()) {
      if (s.publishedPorts().isEmpty()) {
        continue;
      }
      String image = s.image() != null && s.image().isValid() ? s.image().reference().path() : null;
      if (GatewayNames.marksService(s.name(), image)) {
        gateways.add(s.name());
      }
    }
    return gateways;
  }

  /**
   * The settings with {@code names} as the gateways option of the rule that takes it; naming gateways turns that
   * rule on unless the configuration turns it off.
   */
  public static RuleSettings named(RuleRegistry registry, RuleSettings settings, List<String> names) {
    var rule = registry.idWith(RuleRole.GATEWAYS);
    if (rule.isEmpty() || names.isEmpty()) {
      return settings;
    }
    Map<String, RuleSettings.PerRule> rules = new LinkedHashMap<>(settings.rules());
    rules.put(rule.get(), RuleSettings.PerRule.withOption(rules.get(rule.get()), Boolean.TRUE, OPTION, names));
    return new RuleSettings(settings.policy(), rules);
  }
}
