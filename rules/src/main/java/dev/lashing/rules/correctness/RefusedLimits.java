package dev.lashing.rules.correctness;

import dev.lashing.knowledge.EngineMinimums;
import dev.lashing.lint.RuleContext;
import dev.lashing.model.ByteCount;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import dev.lashing.syntax.ByteSize;
import dev.lashing.syntax.Decimals;

/**
 * The memory and CPU settings Compose passes through but the engine refuses when it creates the container (its
 * {@code verifyPlatformContainerResources} and {@code verifyPlatformContainerSettings} on Linux), each reported
 * once, at the value the container would get: a non-zero {@code deploy.resources} value wins over the legacy
 * attribute, as docker compose applies them (the two disagreeing is conflicting-limits' to report). A value that
 * reads a variable the project does not set is left to unset-variable.
 */
final class RefusedLimits {
  private static final String MEMORY_MINIMUM = ByteSize.format(EngineMinimums.MEMORY);

  private RefusedLimits() {}

  /** A setting as the container gets it: the key it is written under, where, and its text. */
  record Setting(String key, Origin origin, String text) {
    static Setting of(String key, Located<?> written) {
      return new Setting(key, written.origin(), String.valueOf(written.value()));
    }

    /** The CPU limit the container gets ({@link Service#effectiveCpuLimit}) under the key it is written under. */
    static Setting cpuLimit(Service service, Located<Double> cpus) {
      return new Setting(cpus == service.cpus() ? "cpus" : "deploy.resources.limits.cpus", cpus.origin(),
          Decimals.plain(cpus.value()));
    }

    /** The value the container gets ({@code written}, null for none) under the key it is written under. */
    static Setting memory(Located<ByteCount> written, Located<ByteCount> legacy, String legacyKey,
        String deployKey) {
      return written == null ? null
          : new Setting(written == legacy ? legacyKey : deployKey, written.origin(), written.value().text());
    }
  }

  static void check(RuleContext context, UnsetVariables unset, Service service) {
    if (service.provider() != null) {
      return; // a provider's service starts no container
    }
    Located<ByteCount> writtenLimit = service.writtenMemoryLimit().orElse(null);
    Located<ByteCount> writtenReservation = service.writtenMemoryReservation().orElse(null);
    Setting limit = Setting.memory(writtenLimit, service.memLimit(), "mem_limit", "deploy.resources.limits.memory");
    Setting reservation = Setting.memory(writtenReservation, service.memReservation(), "mem_reservation",
        "deploy.resources.reservations.memory");
    long limitBytes = writtenLimit == null ? 0 : writtenLimit.value().bytes();
    long reservationBytes = writtenReservation == null ? 0 : writtenReservation.value().bytes();
    String name = service.name();
    // the engine takes 0 for no limit, and refuses any other value below its minimum: -1 too, unlike memswap_limit
    if (limitBytes < 0) {
      report(context, unset, service, limit, "is negative, which the engine does not read as no limit",
          refused("Minimum memory limit allowed is 6MB"), "remove it for no limit, or set one of at least "
              + MEMORY_MINIMUM);
    } else if (limitBytes > 0 && limitBytes < EngineMinimums.MEMORY) {
      report(context, unset, service, limit, "is below the engine's minimum of " + MEMORY_MINIMUM,
          refused("Minimum memory limit allowed is 6MB"), "raise it to at least " + MEMORY_MINIMUM);
    }
    // a negative reservation the engine ignores
    if (reservationBytes > 0 && reservationBytes < EngineMinimums.MEMORY) {
      report(context, unset, service, reservation, "is below the engine's minimum of " + MEMORY_MINIMUM,
          refused("Minimum memory reservation allowed is 6MB"),
          "raise it to at least " + MEMORY_MINIMUM + ", or remove it");
    }
    if (limitBytes >= EngineMinimums.MEMORY && limitBytes < reservationBytes) {
      report(context, unset, service, limit, "is below " + name + "'s memory reservation " + reservation.key() + " "
          + reservation.text(), refused("Minimum memory limit can not be less than memory reservation limit"),
          "raise the limit or lower the reservation");
    }
    checkSwap(context, unset, service, limit, limitBytes);
    checkSwappiness(context, unset, service);
    checkShmSize(context, unset, service);
    checkCpus(context, unset, service);
  }

  /**
   * {@code memswap_limit} is memory and swap together: -1 means unlimited swap and 0 unset, any other value must be
   * at least the memory limit, and needs one.
   */
  private static void checkSwap(RuleContext context, UnsetVariables unset, Service service, Setting limit,
      long limitBytes) {
    Located<ByteCount> swap = service.memswapLimit();
    if (swap == null || swap.value().bytes() <= 0 || limitBytes < 0) {
      return;
    }
    Setting written = new Setting("memswap_limit", swap.origin(), swap.value().text());
    if (limitBytes == 0) {
      report(context, unset, service, written, "is set without a memory limit",
          refused("You should always set the Memory limit when using Memoryswap limit"),
          "set a memory limit too (deploy.resources.limits.memory), or remove memswap_limit");
    } else if (swap.value().bytes() < limitBytes) {
      report(context, unset, service, written, "is below " + service.name() + "'s memory limit " + limit.key() + " "
          + limit.text() + " (it counts memory and swap together)",
          refused("Minimum memoryswap limit should be larger than memory limit"),
          "set it to at least the memory limit, or to -1 for unlimited swap");
    }
  }

  /**
   * {@code mem_swappiness} is a percentage: docker compose passes none for 0, the engine reads -1 as none and
   * refuses any other value outside 0 to 100, where it can set swappiness at all (cgroup v1: on cgroup v2 it drops
   * the value with a warning before it looks at it).
   */
  private static void checkSwappiness(RuleContext context, UnsetVariables unset, Service service) {
    Located<Long> swappiness = service.memSwappiness();
    if (swappiness == null || swappiness.value() == -1 || swappiness.value() >= 0 && swappiness.value() <= 100) {
      return;
    }
    report(context, unset, service, Setting.of("mem_swappiness", swappiness), "is outside 0 to 100",
        "an engine on cgroup v1 refuses to create the container (\"Invalid value: " + swappiness.value()
            + ", valid memory swappiness range is 0-100\") and one on cgroup v2 ignores it",
        "use a percentage from 0 to 100, or remove it for the host's default");
  }

  /** The engine gives {@code /dev/shm} its default size for 0, and refuses a negative one. */
  private static void checkShmSize(RuleContext context, UnsetVariables unset, Service service) {
    Located<ByteCount> shm = service.shmSize();
    if (shm != null && shm.value().bytes() < 0) {
      report(context, unset, service, new Setting("shm_size", shm.origin(), shm.value().text()), "is negative",
          refused("SHM size can not be less than 0"), "remove it for the engine's default size, or set one such as"
              + " 64m");
    }
  }

  /**
   * The CPU limit the container gets: below 0.01 CPUs the kernel refuses its quota, and the engine a negative one;
   * beyond what docker compose can pass as NanoCPUs it gets a value it refuses on any host.
   */
  private static void checkCpus(RuleContext context, UnsetVariables unset, Service service) {
    Located<Double> cpus = service.effectiveCpuLimit().orElse(null);
    if (cpus == null) {
      return;
    }
    Setting written = Setting.cpuLimit(service, cpus);
    if (cpus.value() < EngineMinimums.CPUS) {
      report(context, unset, service, written, "is below the engine's minimum of " + EngineMinimums.CPUS + " CPUs",
          refused("Range of CPUs is from 0.01 to N"), "raise it to at least " + EngineMinimums.CPUS);
    } else if (!EngineMinimums.nanoCpusFit(cpus.value())) {
      report(context, unset, service, written, "is more CPUs than docker compose can give the engine (it passes"
          + " cpus × 10^9 as a 64-bit integer, which this overflows)", refused("Range of CPUs is from 0.01 to N"),
          "set the number of CPUs the service may use");
    }
  }

  /** What the engine does with a value it refuses, in its own words. */
  static String refused(String engine) {
    return "the engine refuses to create the container (\"" + engine + "\")";
  }

  /** Reports a setting the engine refuses, unless it reads an unset variable (unset-variable's to report). */
  static void report(RuleContext context, UnsetVariables unset, Service service, Setting setting, String problem,
      String consequence, String advice) {
    if (unset.readBy(setting.origin().at())) {
      return;
    }
    context.report(setting.origin(), service.name(), () -> setting.key() + " " + setting.text() + " of "
        + service.name() + " " + problem + ", so " + consequence + "; " + advice, null);
  }
}
