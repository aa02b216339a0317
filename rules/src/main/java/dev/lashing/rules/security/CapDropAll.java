package dev.lashing.rules.security;

import dev.lashing.knowledge.Capabilities;
import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Level;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import java.util.List;

/** A container that keeps the engine's default capabilities: {@code cap_drop} does not name {@code ALL}. */
@RuleInfo(
    id = "cap-drop-all",
    summary = "A container keeps the default capabilities (no cap_drop: [ALL])",
    category = Category.SECURITY,
    severity = Severity.MEDIUM,
    production = Level.HIGH,
    development = Level.LOW,
    cis = "5.4",
    cisV15 = "5.3",
    fixable = true,
    patch = PatchCoverage.OPTIONAL)
public final class CapDropAll implements Rule {

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      if (!Services.runsContainer(service)
          || service.capDrop().stream().map(Located::value).map(Capabilities::normalize).anyMatch("ALL"::equals)) {
        continue;
      }
      Fix fix = new Fix("add ALL to cap_drop", Fix.Safety.BEHAVIOUR_CHANGING,
          List.of(new Fix.Append(Services.path(service, "cap_drop"), "ALL")));
      String advice = " (CHOWN, SETUID, SETGID, NET_RAW, DAC_OVERRIDE...), which most services never use; add"
          + " ALL to cap_drop and cap_add back only the ones it needs (often none, or NET_BIND_SERVICE)";
      if (service.capDrop().isEmpty()) {
        context.report(service.nameOrigin(), service.name(), "service '" + service.name()
            + "' keeps the engine's default capabilities" + advice, fix);
      } else {
        context.report(service.keyOrigin("cap_drop").orElse(service.nameOrigin()), service.name(),
            "service '" + service.name() + "' drops only some capabilities and keeps the rest of the default"
            + " set" + advice, fix);
      }
    }
  }
}
