package dev.lashing.rules.resources;

import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Dependency;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import java.util.List;

/**
 * A service depends on one that has a healthcheck but waits only for it to start ({@code service_started}, also
 * what the list form, {@code links} and {@code network_mode: service:} imply), so it may start before that service
 * can answer.
 */
@RuleInfo(
    id = "depends-on-healthy",
    summary = "A dependency with a healthcheck is awaited only until it starts, not until it is healthy",
    category = Category.RELIABILITY,
    severity = Severity.MEDIUM,
    fixable = true,
    patch = PatchCoverage.DEFAULT)
public final class DependsOnHealthy implements Rule {
  @Override
  public RuleInfo info() {
    return DependsOnHealthyInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      for (Dependency dependency : service.dependsOn().values()) {
        Service target = context.project().services().get(dependency.service());
        if (target == null || target.healthcheck() == null || target.healthcheck().isDisabled()
            || !dependency.conditionOrDefault().equals("service_started")) {
          continue;
        }
        Origin at = dependency.condition() != null ? dependency.condition().origin() : dependency.serviceOrigin();
        context.report(at, service.name(),
            service.name() + " waits only for " + target.name() + " to start, though " + target.name()
                + " has a healthcheck; set condition: service_healthy so " + service.name()
                + " starts once " + target.name() + " is ready",
            new Fix("wait for " + target.name() + " to be healthy", Fix.Safety.BEHAVIOUR_CHANGING, () -> List.of(
                new Fix.Set(List.of("services", service.name(), "depends_on", target.name(), "condition"),
                    "service_healthy"))));
      }
    }
  }
}
