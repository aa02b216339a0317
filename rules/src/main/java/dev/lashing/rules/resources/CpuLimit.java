package dev.lashing.rules.resources;

import dev.lashing.knowledge.ImageKind;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A container without a CPU limit can starve every other container and the host. {@code cpus},
 * {@code deploy.resources.limits.cpus}, a positive {@code cpu_quota} and a {@code cpuset} all bound it;
 * {@code cpu_shares} only weighs containers against each other under contention, so it does not count.
 */
@RuleInfo(
    id = "cpu-limit",
    summary = "A service has no CPU limit",
    category = Category.RESOURCES,
    severity = Severity.LOW,
    production = Level.MEDIUM,
    cis = "5.12",
    cisV15 = "5.11",
    fixable = true,
    patch = PatchCoverage.DEFAULT,
    roles = RuleRole.RESOURCE_LIMIT)
public final class CpuLimit implements Rule {
  @Override
  public RuleInfo info() {
    return CpuLimitInfo.INFO;
  }

  @Override
  public List<RuleOption> options() {
    return ImageClass.options(RuleOption.Type.CPUS, "the CPU limit the fix sets for ");
  }

  /**
   * What the fix proposes for one kind of image, worked out once per run: every service of the kind shares its
   * texts and values; or, for a service that reserves more CPUs than that, its reservation.
   */
  private record Proposal(Double cpus, Double reservation, String example, String description) {
    static Proposal of(ImageClass imageClass, RuleContext context) {
      double cpus = imageClass.cpus(context.options());
      return new Proposal(cpus, cpus / 2, imageClass.example(cpus), "limit CPU to " + cpus);
    }

    /** A limit no lower than the service's reservation: a limit under it would contradict it. */
    static Proposal reserved(double cpus) {
      return new Proposal(cpus, null, "for example " + cpus + ", its reservation",
          "limit CPU to " + cpus + ", its reservation");
    }
  }

  @Override
  public void check(RuleContext context) {
    Map<ImageKind, Proposal> proposals = new EnumMap<>(ImageKind.class);
    for (Service service : Containers.of(context.project())) {
      if (service.effectiveCpuLimit().isPresent()
          || service.cpuQuota() != null && service.cpuQuota().value() > 0
          || service.cpuset() != null && !service.cpuset().value().isBlank()) {
        continue;
      }
      Deploy.Resource limits = Limits.deployLimits(service);
      Located<Double> deployed = limits == null ? null : limits.cpus();
      Located<Double> written = Limits.unlimitedValue(deployed, service.cpus(), c -> c != 0);
      Proposal byKind = proposals.computeIfAbsent(context.imageKind(service),
          kind -> Proposal.of(new ImageClass(kind), context));
      double reserved = Limits.cpuReservation(service);
      Proposal proposal = reserved > byKind.cpus() ? Proposal.reserved(reserved) : byKind;
      String problem = written != null ? "has CPU limit " + written.value() + ", which means none" : "has no CPU limit";
      String shares = service.cpuShares() == null ? "" : " (cpu_shares only sets a relative weight)";
      context.report(Limits.at(service, written), service.name(),
          () -> service.name() + " " + problem + shares + ", so it can starve other containers and the host; set "
              + "deploy.resources.limits.cpus (" + proposal.example() + ")",
          new Fix(proposal.description(), Fix.Safety.BEHAVIOUR_CHANGING, () -> changes(service, deployed, proposal)));
    }
  }

  /**
   * Sets the limit where the service writes it; in the deploy form also a reservation at half, unless the service
   * has one or reserves its memory in the legacy form.
   */
  private static List<Fix.Change> changes(Service service, Located<Double> deployed, Proposal proposal) {
    if (Limits.usesLegacy(service, deployed, service.cpus())) {
      return List.of(new Fix.Set(Limits.servicePath(service, "cpus"), proposal.cpus()));
    }
    List<Fix.Change> changes = new ArrayList<>();
    changes.add(new Fix.Set(Limits.deployPath(service, "limits", "cpus"), proposal.cpus()));
    Deploy.Resource reservations = Limits.deployReservations(service);
    if ((reservations == null || reservations.cpus() == null) && Limits.mayAddDeployReservation(service)) {
      changes.add(new Fix.Set(Limits.deployPath(service, "reservations", "cpus"), proposal.reservation()));
    }
    return changes;
  }
}
