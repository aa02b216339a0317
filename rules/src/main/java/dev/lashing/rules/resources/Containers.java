package dev.lashing.rules.resources;

import dev.lashing.model.Dependency;
import dev.lashing.model.Project;
import dev.lashing.model.Service;
import java.util.List;

/** The services that run containers, and which of them are one-shot jobs. */
final class Containers {
  private Containers() {}

  /** Every service except those run by a {@code provider}, which start no container of their own. */
  static List<Service> of(Project project) {
    return project.services().values().stream().filter(s -> s.provider() == null).toList();
  }

  /**
   * A job that is meant to run once and exit: another service waits for it with
   * {@code condition: service_completed_successfully} (a migration, a seeding or an init step).
   */
  static boolean isOneShot(Project project, Service service) {
    for (Service other : project.services().values()) {
      Dependency dependency = other.dependsOn().get(service.name());
      if (dependency != null && dependency.conditionOrDefault().equals("service_completed_successfully")) {
        return true;
      }
    }
    return false;
  }
}
