package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Service;

/** {@code cgroup_parent}: the container is placed in a host cgroup of the author's choosing. */
@RuleInfo(
    id = "cgroup-parent",
    summary = "A container is placed under a custom host cgroup",
    category = Category.SECURITY,
    severity = Severity.LOW,
    cis = "5.25",
    cisV15 = "5.24")
public final class CgroupParent implements Rule {
  @Override
  public RuleInfo info() {
    return CgroupParentInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      if (service.cgroupParent() != null) {
        context.report(service.cgroupParent().origin(), service.name(), "service '" + service.name()
            + "' sets cgroup_parent '" + service.cgroupParent().value() + "': its resource limits and accounting"
            + " then depend on that host cgroup, which the engine does not manage; remove it unless the host's"
            + " cgroup layout was set up for this service");
      }
    }
  }
}
