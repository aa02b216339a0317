package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Hook;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import java.util.List;

/**
 * {@code privileged: true} on a service, or on one of its lifecycle hooks (which then runs its command
 * privileged inside the container).
 */
@RuleInfo(
    id = "privileged",
    summary = "A container or lifecycle hook runs privileged",
    category = Category.SECURITY,
    severity = Severity.CRITICAL,
    cis = "5.5",
    cisV15 = "5.4",
    fixable = true,
    patch = PatchCoverage.OPTIONAL)
public final class Privileged implements Rule {
  @Override
  public RuleInfo info() {
    return PrivilegedInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      if (service.isPrivileged()) {
        context.report(service.privileged().origin(), service.name(), "service '" + service.name()
            + "' runs privileged: it gets every capability and every host device, with no seccomp or AppArmor"
            + " confinement, so whoever controls the container controls the host; remove it and add only the"
            + " capabilities or devices the service needs (cap_add, devices)",
            disable(Services.path(service, "privileged")));
      }
      hooks(context, service, "post_start", service.postStart());
      hooks(context, service, "pre_start", service.preStart());
      hooks(context, service, "pre_stop", service.preStop());
    }
  }

  private static void hooks(RuleContext context, Service service, String attribute, List<Hook> hooks) {
    for (int i = 0; i < hooks.size(); i++) {
      Located<Boolean> privileged = hooks.get(i).privileged();
      if (privileged != null && privileged.value()) {
        context.report(privileged.origin(), service.name(), "the " + attribute + " hook of service '"
            + service.name() + "' runs privileged: its command gets every capability and escapes seccomp and"
            + " AppArmor, whatever the container itself may do; remove privileged from the hook and give the"
            + " service only the capabilities the command needs (cap_add)",
            disable(Services.path(service, attribute, "[" + i + "]", "privileged")));
      }
    }
  }

  private static Fix disable(List<String> path) {
    return new Fix("set privileged: false", Fix.Safety.BEHAVIOUR_CHANGING, () -> List.of(new Fix.Set(path, false)));
  }
}
