package dev.lashing.rules.resources;

import dev.lashing.knowledge.EngineMinimums;
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
import dev.lashing.model.ByteCount;
import dev.lashing.model.Deploy;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import dev.lashing.syntax.ByteSize;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A container without a memory limit ({@code mem_limit} or {@code deploy.resources.limits.memory} absent or 0) can
 * take all of the host's memory. The fix sets a limit by image class, and a reservation at half of it (no less than
 * the engine's minimum). A negative limit is no "unlimited": the engine refuses it and the container never starts,
 * which invalid-value reports.
 */
@RuleInfo(
    id = "memory-limit",
    summary = "A service has no memory limit",
    category = Category.RESOURCES,
    severity = Severity.MEDIUM,
    production = Level.HIGH,
    development = Level.LOW,
    cis = "5.11",
    cisV15 = "5.10",
    fixable = true,
    patch = PatchCoverage.DEFAULT,
    roles = {RuleRole.RESOURCE_LIMIT, RuleRole.KIND_DEFAULTS})
public final class MemoryLimit implements Rule {
  @Override
  public RuleInfo info() {
    return MemoryLimitInfo.INFO;
  }

  @Override
  public List<RuleOption> options() {
    return ImageClass.options(RuleOption.Type.MEMORY, "the memory limit the fix sets for ");
  }

  /**
   * The limit a fix proposes, with its texts: one per kind of image, worked out once per run and shared by every
   * service of the kind, or one for a service whose reservation is larger.
   */
  private record Proposal(long limit, String text, String reservation, String example, String description) {
    static Proposal of(long limit, Function<String, String> example) {
      String text = ByteSize.format(limit);
      return new Proposal(limit, text, ByteSize.format(EngineMinimums.memoryReservation(limit)), example.apply(text),
          "limit memory to " + text);
    }

    /** The service's reservation as its limit: the engine refuses a limit below it. */
    static Proposal reserved(long reservation) {
      String text = ByteSize.format(reservation);
      return new Proposal(reservation, text, null, "for example " + text + ", its reservation",
          "limit memory to " + text + ", its reservation");
    }
  }

  @Override
  public void check(RuleContext context) {
    Map<ImageKind, Proposal> proposals = new EnumMap<>(ImageKind.class);
    for (Service service : Containers.of(context.project())) {
      if (service.effectiveMemoryLimit().isPresent()) {
        continue; // a limit, or a negative value the engine refuses (invalid-value's)
      }
      Deploy.Resource limits = Limits.deployLimits(service);
      Located<ByteCount> deployed = limits == null ? null : limits.memory();
      Located<ByteCount> written = Limits.unlimitedValue(deployed, service.memLimit(), b -> b.bytes() != 0);
      Proposal proposal = proposals.computeIfAbsent(context.imageKind(service), kind -> {
        ImageClass imageClass = new ImageClass(kind);
        return Proposal.of(imageClass.memory(context.options()), imageClass::example);
      });
      // The engine refuses a limit below the reservation, so a larger reservation raises the proposal.
      long reserved = service.effectiveMemoryReservation().map(Located::value).orElse(0L);
      Proposal proposed = reserved > proposal.limit() ? Proposal.reserved(reserved) : proposal;
      String problem = written != null
          ? "has memory limit " + written.value().text() + ", which means none"
          : "has no memory limit";
      context.report(Limits.at(service, written), service.name(),
          () -> service.name() + " " + problem + ", so a leak or a load spike can exhaust the host's memory; set "
              + "deploy.resources.limits.memory (" + proposed.example() + ")",
          new Fix(proposed.description(), Fix.Safety.BEHAVIOUR_CHANGING, () -> changes(service, deployed, proposed)));
    }
  }

  /** Sets the limit where the service writes it, and a reservation at half when it has none. */
  private static List<Fix.Change> changes(Service service, Located<ByteCount> deployed, Proposal proposal) {
    boolean legacy = Limits.usesLegacy(service, deployed, service.memLimit());
    List<Fix.Change> changes = new ArrayList<>();
    changes.add(new Fix.Set(
        legacy ? Limits.servicePath(service, "mem_limit") : Limits.deployPath(service, "limits", "memory"),
        proposal.text()));
    if (service.effectiveMemoryReservation().isEmpty()) {
      changes.add(new Fix.Set(legacy
          ? Limits.servicePath(service, "mem_reservation")
          : Limits.deployPath(service, "reservations", "memory"), proposal.reservation()));
    }
    return changes;
  }
}
