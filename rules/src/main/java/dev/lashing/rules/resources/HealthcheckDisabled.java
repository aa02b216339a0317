package dev.lashing.rules.resources;

import dev.lashing.lint.Category;
import dev.lashing.lint.Level;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Healthcheck;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import java.util.Set;

/**
 * A healthcheck turned off with {@code disable: true} or a {@code NONE} test, which also cancels one the image
 * defines. One-shot jobs are skipped.
 */
@RuleInfo(
    id = "healthcheck-disabled",
    summary = "A service's healthcheck is disabled",
    category = Category.RELIABILITY,
    severity = Severity.MEDIUM,
    production = Level.HIGH,
    development = Level.LOW,
    cis = "5.27",
    cisV15 = "5.26")
public final class HealthcheckDisabled implements Rule {
  @Override
  public RuleInfo info() {
    return HealthcheckDisabledInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    Set<String> jobs = Containers.oneShots(context.project());
    for (Service service : Containers.of(context.project())) {
      Healthcheck healthcheck = service.healthcheck();
      if (healthcheck == null || !healthcheck.isDisabled() || jobs.contains(service.name())) {
        continue;
      }
      boolean flag = healthcheck.disable() != null && healthcheck.disable().value();
      Origin at = flag ? healthcheck.disable().origin() : healthcheck.test().words().get(0).origin();
      String how = flag ? "disable: true" : "test NONE";
      context.report(at, service.name(),
          "the healthcheck of " + service.name() + " is disabled (" + how + "), including any its image defines, "
              + "so Docker cannot tell when it stops answering; remove it, or write a cheaper test");
    }
  }
}
