package dev.lashing.rules.resources;

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
import dev.lashing.model.Deploy;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * A container without a PIDs limit ({@code pids_limit} or {@code deploy.resources.limits.pids} absent, 0 or -1)
 * can fork until the host's process table is full. The fix writes {@code deploy.resources.limits.pids}, beside the
 * memory and CPU limits, unless the service writes its limits in the legacy form and has no
 * {@code deploy.resources.limits}: then {@code pids_limit}. Compose v2 refuses a {@code pids_limit} beside a
 * {@code deploy.resources.limits} whose {@code pids} differs from it, absent included ("can't set distinct values"),
 * so a written {@code pids_limit} other than 0 gets the same value. docker-compose 1.29 does not know the deploy key.
 */
@RuleInfo(
    id = "pids-limit",
    summary = "A service has no limit on its number of processes",
    category = Category.RESOURCES,
    severity = Severity.MEDIUM,
    development = Level.LOW,
    cis = "5.29",
    cisV15 = "5.28",
    fixable = true,
    patch = PatchCoverage.DEFAULT,
    roles = RuleRole.RESOURCE_LIMIT)
public final class PidsLimit implements Rule {
  @Override
  public RuleInfo info() {
    return PidsLimitInfo.INFO;
  }

  private static final long DEFAULT_PIDS = 200;

  @Override
  public List<RuleOption> options() {
    return List.of(new RuleOption("pids", RuleOption.Type.WHOLE,
        "the process limit the fix sets (default " + DEFAULT_PIDS + ")"));
  }

  @Override
  public void check(RuleContext context) {
    long pids = context.options().whole("pids", DEFAULT_PIDS);
    // the same for every service: made once
    String example = "; set pids_limit (for example " + pids + ")";
    String description = "limit processes to " + pids;
    for (Service service : Containers.of(context.project())) {
      Located<Long> effective = service.effectivePidsLimit().orElse(null);
      if (effective != null && effective.value() > 0) {
        continue;
      }
      Deploy.Resource limits = Limits.deployLimits(service);
      Located<Long> deployed = limits == null ? null : limits.pids();
      Located<Long> written = Limits.unlimitedValue(deployed, service.pidsLimit(), p -> p != 0);
      String problem = written != null
          ? "has PIDs limit " + written.value() + ", which means none"
          : "has no PIDs limit";
      context.report(Limits.at(service, written), service.name(),
          () -> service.name() + " " + problem + ", so a fork bomb or a runaway worker pool can exhaust the host's "
              + "process table" + example,
          new Fix(description, Fix.Safety.BEHAVIOUR_CHANGING, () -> changes(service, limits, deployed, pids)));
    }
  }

  /** Where the limit goes: beside the service's other limits (see the class comment). */
  private static List<Fix.Change> changes(Service service, Deploy.Resource limits, Located<Long> deployed, long pids) {
    Located<Long> legacy = service.pidsLimit();
    if (limits == null && Limits.usesLegacy(service, deployed, legacy)) {
      return List.of(new Fix.Set(Limits.servicePath(service, "pids_limit"), pids));
    }
    List<Fix.Change> changes = new ArrayList<>();
    changes.add(new Fix.Set(Limits.deployPath(service, "limits", "pids"), pids));
    if (legacy != null && legacy.value() != 0) {
      changes.add(new Fix.Set(Limits.servicePath(service, "pids_limit"), pids));
    }
    return changes;
  }
}
