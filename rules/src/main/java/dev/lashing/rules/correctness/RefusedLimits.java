package dev.lashing.rules.correctness;

import dev.lashing.knowledge.EngineMinimums;
import dev.lashing.lint.RuleContext;
import dev.lashing.model.ByteCount;
import dev.lashing.model.Deploy;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import dev.lashing.syntax.ByteSize;
import java.math.BigDecimal;

/**
 * The memory and CPU settings Compose passes through but the engine refuses when it creates the container (its
 * {@code verifyPlatformContainerResources} on Linux), each reported once, at the value the container would get:
 * a non-zero {@code deploy.resources} value wins over the legacy attribute, as docker compose applies them (the two
 * disagreeing is conflicting-limits' to report).
 */
final class RefusedLimits {
  private static final String MEMORY_MINIMUM = ByteSize.format(EngineMinimums.MEMORY);

  private RefusedLimits() {}

  /** A setting as the container gets it: the key it is written under, and its value. */
  private record Setting<T>(String key, Located<T> written) {
    /** The deploy value when non-zero, else the legacy one when non-zero, else null (unset or 0, no limit). */
    static Setting<ByteCount> bytes(Deploy.Resource section, String deployKey, Located<ByteCount> legacy,
        String legacyKey) {
      Located<ByteCount> deployed = section == null ? null : section.memory();
      if (deployed != null && deployed.value().bytes() != 0) {
        return new Setting<>(deployKey, deployed);
      }
      return legacy != null && legacy.value().bytes() != 0 ? new Setting<>(legacyKey, legacy) : null;
    }

    String text() {
      return written.value() instanceof ByteCount b ? b.text()
          : BigDecimal.valueOf((Double) written.value()).stripTrailingZeros().toPlainString();
    }
  }

  static void check(RuleContext context, Service service) {
    if (service.provider() != null) {
      return; // a provider's service starts no container
    }
    Deploy.Resources resources = service.deploy() == null ? null : service.deploy().resources();
    Deploy.Resource limits = resources == null ? null : resources.limits();
    Deploy.Resource reservations = resources == null ? null : resources.reservations();
    Setting<ByteCount> limit = Setting.bytes(limits, "deploy.resources.limits.memory", service.memLimit(),
        "mem_limit");
    Setting<ByteCount> reservation = Setting.bytes(reservations, "deploy.resources.reservations.memory",
        service.memReservation(), "mem_reservation");
    long limitBytes = limit == null ? 0 : limit.written().value().bytes();
    long reservationBytes = reservation == null ? 0 : reservation.written().value().bytes();
    String name = service.name();
    if (limitBytes > 0 && limitBytes < EngineMinimums.MEMORY) {
      report(context, service, limit, "is below the engine's minimum of " + MEMORY_MINIMUM,
          "Minimum memory limit allowed is 6MB", "raise it to at least " + MEMORY_MINIMUM);
    }
    if (reservationBytes > 0 && reservationBytes < EngineMinimums.MEMORY) {
      report(context, service, reservation, "is below the engine's minimum of " + MEMORY_MINIMUM,
          "Minimum memory reservation allowed is 6MB", "raise it to at least " + MEMORY_MINIMUM + ", or remove it");
    }
    if (limitBytes >= EngineMinimums.MEMORY && limitBytes < reservationBytes) {
      report(context, service, limit, "is below " + name + "'s memory reservation " + reservation.key() + " "
          + reservation.text(), "Minimum memory limit can not be less than memory reservation limit",
          "raise the limit or lower the reservation");
    }
    checkSwap(context, service, limit, limitBytes);
    checkCpus(context, service, limits);
  }

  /**
   * {@code memswap_limit} is memory and swap together: -1 means unlimited swap and 0 unset, any other value must be
   * at least the memory limit, and needs one.
   */
  private static void checkSwap(RuleContext context, Service service, Setting<ByteCount> limit, long limitBytes) {
    Located<ByteCount> swap = service.memswapLimit();
    if (swap == null || swap.value().bytes() <= 0 || limitBytes < 0) {
      return;
    }
    Setting<ByteCount> written = new Setting<>("memswap_limit", swap);
    if (limitBytes == 0) {
      report(context, service, written, "is set without a memory limit",
          "You should always set the Memory limit when using Memoryswap limit",
          "set a memory limit too (deploy.resources.limits.memory), or remove memswap_limit");
    } else if (swap.value().bytes() < limitBytes) {
      report(context, service, written, "is below " + service.name() + "'s memory limit " + limit.key() + " "
          + limit.text() + " (it counts memory and swap together)",
          "Minimum memoryswap limit should be larger than memory limit",
          "set it to at least the memory limit, or to -1 for unlimited swap");
    }
  }

  /** The CPU limit the container gets: below 0.01 CPUs the kernel refuses its quota, and the engine a negative one. */
  private static void checkCpus(RuleContext context, Service service, Deploy.Resource limits) {
    Located<Double> deployed = limits == null ? null : limits.cpus();
    Setting<Double> cpus = deployed != null && deployed.value() != 0 ? new Setting<>("deploy.resources.limits.cpus",
        deployed) : service.cpus() != null && service.cpus().value() != 0 ? new Setting<>("cpus", service.cpus())
        : null;
    if (cpus != null && cpus.written().value() < EngineMinimums.CPUS) {
      report(context, service, cpus, "is below the engine's minimum of " + EngineMinimums.CPUS + " CPUs",
          "Range of CPUs is from 0.01 to N", "raise it to at least " + EngineMinimums.CPUS);
    }
  }

  private static void report(RuleContext context, Service service, Setting<?> setting, String problem,
      String engine, String advice) {
    context.report(setting.written().origin(), service.name(), () -> setting.key() + " " + setting.text() + " of "
        + service.name() + " " + problem + ", so the engine refuses to create the container (\"" + engine + "\"); "
        + advice, null);
  }
}
