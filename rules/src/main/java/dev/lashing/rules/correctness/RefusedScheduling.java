package dev.lashing.rules.correctness;

import static dev.lashing.rules.correctness.RefusedLimits.refused;
import static dev.lashing.rules.correctness.RefusedLimits.report;

import dev.lashing.lint.RuleContext;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import dev.lashing.rules.correctness.RefusedLimits.Setting;

/**
 * The CPU scheduler and block I/O settings Compose passes through but the engine refuses when it creates the
 * container, on Linux: the CFS period and quota out of the kernel's range or beside {@code cpus} (its
 * {@code verifyPlatformContainerResources}), a real-time runtime above its period and negative CPU shares (its
 * {@code validateResources}), a block I/O weight out of range. Each is reported once, at the value, in the
 * engine's words; a value that reads a variable the project does not set is left to unset-variable.
 */
final class RefusedScheduling {
  /** The CFS period the kernel takes, in microseconds: 1ms to 1s. */
  private static final long MIN_CFS_PERIOD = 1_000;
  private static final long MAX_CFS_PERIOD = 1_000_000;
  /** The least CFS quota the engine takes, in microseconds (a negative one means none). */
  private static final long MIN_CFS_QUOTA = 1_000;
  /** The block I/O weights the engine takes; 0 leaves the weight unset. */
  private static final long MIN_BLKIO_WEIGHT = 10;
  private static final long MAX_BLKIO_WEIGHT = 1_000;
  /** Compose reads a block I/O weight as a uint16: one above is not passed as written. */
  private static final long MAX_UINT16 = 0xffff;

  private RefusedScheduling() {}

  static void check(RuleContext context, UnsetVariables unset, Service service) {
    if (service.provider() != null) {
      return; // a provider's service starts no container
    }
    checkCfs(context, unset, service);
    checkRealtime(context, unset, service);
    Located<Long> shares = service.cpuShares();
    if (shares != null && shares.value() < 0) {
      report(context, unset, service, Setting.of("cpu_shares", shares), "is negative",
          refused("invalid CPU shares (" + shares.value() + "): value must be a positive integer"),
          "use a positive weight (the default is 1024), or remove it");
    }
    Located<Long> weight = service.blkioConfig() == null ? null : service.blkioConfig().weight();
    if (weight != null && weight.value() > 0 && weight.value() <= MAX_UINT16
        && (weight.value() < MIN_BLKIO_WEIGHT || weight.value() > MAX_BLKIO_WEIGHT)) {
      report(context, unset, service, Setting.of("blkio_config.weight", weight), "is outside 10 to 1000",
          refused("Range of blkio weight is from 10 to 1000"), "use a weight from 10 to 1000, or remove it");
    }
  }

  /**
   * The CFS period and quota, in microseconds: the engine refuses either beside a CPU limit ({@code cpus}, which
   * sets both itself), a period outside 1ms to 1s and a positive quota below 1ms.
   */
  private static void checkCfs(RuleContext context, UnsetVariables unset, Service service) {
    Located<Long> period = service.cpuPeriod();
    Located<Long> quota = service.cpuQuota();
    Located<Double> cpus = service.effectiveCpuLimit().orElse(null);
    boolean periodSet = period != null && period.value() > 0;
    boolean quotaSet = quota != null && quota.value() > 0;
    // the variables are looked up last: only a service that sets both has anything to report (every service of a
    // patched project has a CPU limit, and the lookup reads every variable reference of the project)
    if (cpus != null && cpus.value() > 0 && (periodSet || quotaSet) && !unset.readBy(cpus.origin().at())) {
      Setting limit = Setting.cpuLimit(service, cpus);
      String cpusText = limit.key() + " " + limit.text();
      if (periodSet) {
        report(context, unset, service, Setting.of("cpu_period", period), "is set beside " + cpusText,
            refused("Conflicting options: Nano CPUs and CPU Period cannot both be set"),
            "keep one of them: cpus sets the period and the quota itself");
      }
      if (quotaSet) {
        report(context, unset, service, Setting.of("cpu_quota", quota), "is set beside " + cpusText,
            refused("Conflicting options: Nano CPUs and CPU Quota cannot both be set"),
            "keep one of them: cpus sets the period and the quota itself");
      }
    }
    if (period != null && period.value() != 0
        && (period.value() < MIN_CFS_PERIOD || period.value() > MAX_CFS_PERIOD)) {
      report(context, unset, service, Setting.of("cpu_period", period), "is outside 1000 to 1000000 microseconds",
          refused("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)"),
          "set it in microseconds, from 1000 to 1000000 (the kernel's default is 100000)");
    }
    if (quotaSet && quota.value() < MIN_CFS_QUOTA) {
      report(context, unset, service, Setting.of("cpu_quota", quota), "is below 1000 microseconds",
          refused("CPU cfs quota can not be less than 1ms (i.e. 1000)"),
          "set it in microseconds, at least 1000 (the CPU time per cpu_period, 100000 by default)");
    }
  }

  /** The real-time runtime is a share of the real-time period: the engine refuses one above it. */
  private static void checkRealtime(RuleContext context, UnsetVariables unset, Service service) {
    Located<Long> runtime = service.cpuRtRuntime();
    Located<Long> period = service.cpuRtPeriod();
    if (runtime != null && period != null && runtime.value() != 0 && period.value() != 0
        && runtime.value() > period.value() && !unset.readBy(period.origin().at())) {
      report(context, unset, service, Setting.of("cpu_rt_runtime", runtime), "is above its cpu_rt_period "
          + period.value(), refused("cpu real-time runtime cannot be higher than cpu real-time period"),
          "lower it to at most the period");
    }
  }
}
