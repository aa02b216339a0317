package dev.lashing.rules.security;

import dev.lashing.model.Service;
import java.util.ArrayList;
import java.util.List;

/** Small facts about services that several security rules need. */
final class Services {
  private Services() {}

  /**
   * Whether the service is a container Lashing can harden: a {@code provider} service is run by a plugin,
   * not by the engine, so container settings mean nothing to it.
   */
  static boolean runsContainer(Service service) {
    return service.provider() == null;
  }

  /** The fix path of an attribute of the service: {@code ["services", name, key...]}. */
  static List<String> path(Service service, String... keys) {
    List<String> path = new ArrayList<>(keys.length + 2);
    path.add("services");
    path.add(service.name());
    path.addAll(List.of(keys));
    return path;
  }
}
