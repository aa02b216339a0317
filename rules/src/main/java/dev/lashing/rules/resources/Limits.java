package dev.lashing.rules.resources;

import dev.lashing.model.Deploy;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the limit rules share. Each limit can be written in two places, the legacy service attribute
 * ({@code mem_limit}, {@code cpus}, {@code pids_limit}) and {@code deploy.resources.limits}; docker compose applies
 * the deploy value when it is non-zero.
 */
final class Limits {
  private Limits() {}

  static Deploy.Resource deployLimits(Service service) {
    return resources(service) == null ? null : resources(service).limits();
  }

  static Deploy.Resource deployReservations(Service service) {
    return resources(service) == null ? null : resources(service).reservations();
  }

  /**
   * The CPUs {@code deploy.resources.reservations.cpus} reserves, 0 when none: Compose has no legacy attribute
   * for it ({@code cpu_shares} is a weight, not a reservation). A CPU limit a fix writes is never below it.
   */
  static double cpuReservation(Service service) {
    Deploy.Resource reservations = deployReservations(service);
    return reservations == null || reservations.cpus() == null ? 0 : reservations.cpus().value();
  }

  /**
   * Whether a fix may add a {@code deploy.resources.reservations} value: not beside a legacy
   * {@code mem_reservation} other than 0 that the reservations do not repeat, since Compose refuses a reservations
   * mapping whose memory (0 when it does not write it) differs from {@code mem_reservation}.
   */
  static boolean mayAddDeployReservation(Service service) {
    Deploy.Resource reservations = deployReservations(service);
    return service.memReservation() == null || service.memReservation().value().bytes() == 0
        || reservations != null && reservations.memory() != null;
  }

  private static Deploy.Resources resources(Service service) {
    return service.deploy() == null ? null : service.deploy().resources();
  }

  /**
   * For a service without an effective limit, the written value that leaves it unlimited: a non-zero deploy value
   * (such as -1) wins as it does at run time, then the legacy value, then a zero deploy value; null when neither
   * is written.
   */
  static <T> Located<T> unlimitedValue(Located<T> deployed, Located<T> legacy, Predicate<T> nonZero) {
    if (deployed != null && nonZero.test(deployed.value())) {
      return deployed;
    }
    return legacy != null ? legacy : deployed;
  }

  /** Where to report: the written value, or the service's key when the limit is not written at all. */
  static Origin at(Service service, Located<?> written) {
    return written == null ? service.nameOrigin() : written.origin();
  }

  /**
   * Whether a fix should write the legacy attribute: the limit is not written in the deploy form, and the service
   * writes it, or writes its other limits, in the legacy form only ({@code mem_limit} but no
   * {@code deploy.resources.limits}): a limit goes in the form the service already uses. (A limits mapping
   * beside {@code mem_limit} would also contradict it: Compose reads a limit the mapping does not write as 0.)
   */
  static boolean usesLegacy(Service service, Located<?> deployed, Located<?> legacy) {
    return deployed == null && (legacy != null || deployLimits(service) == null && writesLegacyLimits(service));
  }

  private static boolean writesLegacyLimits(Service service) {
    return service.memLimit() != null || service.cpus() != null || service.pidsLimit() != null;
  }

  /** {@code deploy.resources.<section>.<key>} of a service. */
  static List<String> deployPath(Service service, String section, String key) {
    return List.of("services", service.name(), "deploy", "resources", section, key);
  }

  static List<String> servicePath(Service service, String key) {
    return List.of("services", service.name(), key);
  }
}
