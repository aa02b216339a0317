package dev.lashing.rules.resources;

import dev.lashing.lint.Category;
import dev.lashing.lint.Level;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Located;
import dev.lashing.model.Service;

/** {@code logging.driver: none} throws the service's output away: nothing to debug or audit with afterwards. */
@RuleInfo(
    id = "logging-disabled",
    summary = "A service's logs are discarded (logging driver none)",
    category = Category.RELIABILITY,
    severity = Severity.MEDIUM,
    production = Level.HIGH,
    development = Level.LOW)
public final class LoggingDisabled implements Rule {
  @Override
  public RuleInfo info() {
    return LoggingDisabledInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : Containers.of(context.project())) {
      Located<String> driver = service.logging() == null ? null : service.logging().driver();
      if (driver != null && driver.value().equals("none")) {
        context.report(driver.origin(), service.name(),
            service.name() + " discards its logs (logging driver none), leaving nothing to debug or audit with; "
                + "use json-file with rotation, local, or a driver that ships logs elsewhere");
      }
    }
  }
}
