package dev.lashing.rules.network;

import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Level;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.RuleRole;
import dev.lashing.lint.Severity;
import dev.lashing.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * A service that is not one of the stack's entry points (option {@code gateways}, else recognised by name as
 * {@link dev.lashing.lint.Gateways} does for fix and patch too) publishes ports on the host. Other services reach
 * it over the project network; publishing only widens who can.
 */
@RuleInfo(
    id = "internal-service-published",
    summary = "A service that is not a gateway publishes ports on the host",
    category = Category.NETWORK,
    severity = Severity.MEDIUM,
    production = Level.HIGH,
    cis = "5.9",
    cisV15 = "5.8",
    fixable = true,
    optIn = true,
    patch = PatchCoverage.DEFAULT,
    roles = RuleRole.GATEWAYS)
public final class InternalServicePublished implements Rule {
  @Override
  public RuleInfo info() {
    return InternalServicePublishedInfo.INFO;
  }

  @Override
  public List<RuleOption> options() {
    return List.of(new RuleOption("gateways", RuleOption.Type.TEXTS,
        "the services that may publish ports: the stack's gateways (default: those recognised by name)"));
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      if (context.gateways().contains(service.name())) {
        continue;
      }
      for (PublishedEntry entry : PublishedEntry.of(service)) {
        context.report(entry.origin(), service.name(),
            service.name() + " publishes port " + entry.label() + " on the host, but it is not a gateway; "
                + "other services reach it over the project network without this entry. Remove it, or add "
                + service.name() + " to the rule's gateways option if it is an entry point",
            new Fix("stop publishing port " + entry.label(), Fix.Safety.BEHAVIOUR_CHANGING,
                () -> remove(service, entry)));
      }
    }
  }

  /** Removes the entry's bindings, last first, so each index still points at the same binding. */
  private static List<Fix.Change> remove(Service service, PublishedEntry entry) {
    List<String> path = List.of("services", service.name(), "ports");
    List<Fix.Change> changes = new ArrayList<>();
    for (int i = entry.indices().size() - 1; i >= 0; i--) {
      changes.add(new Fix.RemoveItem(path, entry.indices().get(i)));
    }
    return changes;
  }
}
