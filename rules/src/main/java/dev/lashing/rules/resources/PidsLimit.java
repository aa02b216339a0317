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
import java.util.List;

/**
 * A container without a PIDs limit ({@code pids_limit} or {@code deploy.resources.limits.pids} absent, 0 or -1)
 * can fork until the host's process table is full. The fix writes {@code pids_limit}, which every Compose reads,
 * unless the deploy form is already written: docker-compose 1.29 refuses {@code deploy.resources.limits.pids}, so
 * adding it would make a file it read unreadable.
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

  private static final String DEFAULT_PIDS = "200";

  @Override
  public List<RuleOption> options() {
    return List.of(new RuleOption("pids", RuleOption.Type.NUMBER,
        "the process limit the fix sets (default " + DEFAULT_PIDS + ")"));
  }

  @Override
  public void check(RuleContext context) {
    Long pids = pids(context);
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
          new Fix(description, Fix.Safety.BEHAVIOUR_CHANGING, () -> List.of(new Fix.Set(
              deployed == null ? Limits.servicePath(service, "pids_limit") : Limits.deployPath(service, "limits",
                  "pids"),
              pids))));
    }
  }

  private static long pids(RuleContext context) {
    String text = context.options().string("pids", DEFAULT_PIDS);
    long pids;
    try {
      pids = Long.parseLong(text);
    } catch (NumberFormatException e) {
      pids = 0;
    }
    if (pids <= 0) {
      throw new IllegalArgumentException("option pids: '" + text + "' is not a positive number");
    }
    return pids;
  }
}
