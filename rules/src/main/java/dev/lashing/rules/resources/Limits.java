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
   * {@code deploy.resources}): a limit goes in the form the service already uses.
   */
  static boolean usesLegacy(Service service, Located<?> deployed, Located<?> legacy) {
    return deployed == null && (legacy != null || resources(service) == null && writesLegacyLimits(service));
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
