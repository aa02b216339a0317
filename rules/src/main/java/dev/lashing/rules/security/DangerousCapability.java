package dev.lashing.rules.security;

import dev.lashing.knowledge.Capabilities;
import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Located;
import dev.lashing.model.Service;

/**
 * A {@code cap_add} item that gives the container power over the host kernel or other processes, in any
 * spelling ({@code SYS_ADMIN}, {@code CAP_SYS_ADMIN}, {@code sys_admin}). Each item is reported.
 */
@RuleInfo(
    id = "dangerous-capability",
    summary = "A container is given a capability that opens a way to the host",
    category = Category.SECURITY,
    severity = Severity.HIGH,
    cis = "5.4",
    cisV15 = "5.3")
public final class DangerousCapability implements Rule {
  @Override
  public RuleInfo info() {
    return DangerousCapabilityInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      for (Located<String> capability : service.capAdd()) {
        String risk = Capabilities.risk(capability.value()).orElse(null);
        if (risk != null) {
          context.report(capability.origin(), service.name(), "service '" + service.name() + "' adds capability "
              + capability.value() + ": it grants " + risk + "; remove it, or run the task that needs it in a"
              + " separate, short-lived container");
        }
      }
    }
  }
}
