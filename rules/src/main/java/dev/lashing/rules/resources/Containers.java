package dev.lashing.rules.resources;

import dev.lashing.model.Dependency;
import dev.lashing.model.Project;
import dev.lashing.model.Service;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The services that run containers, and which of them are one-shot jobs. */
final class Containers {
  private Containers() {}

  /** Every service except those run by a {@code provider}, which start no container of their own. */
  static List<Service> of(Project project) {
    List<Service> containers = new ArrayList<>(project.services().size());
    for (Service service : project.services().values()) {
      if (service.provider() == null) {
        containers.add(service);
      }
    }
    return Collections.unmodifiableList(containers);
  }

  /**
   * The names of the jobs meant to run once and exit: another service waits for each with
   * {@code condition: service_completed_successfully} (a migration, a seeding or an init step). One pass over
   * the project, so that a rule asks it once rather than once per service.
   */
  static Set<String> oneShots(Project project) {
    Set<String> jobs = new HashSet<>();
    for (Service other : project.services().values()) {
      for (Map.Entry<String, Dependency> dependency : other.dependsOn().entrySet()) {
        if (dependency.getValue().conditionOrDefault().equals("service_completed_successfully")) {
          jobs.add(dependency.getKey());
        }
      }
    }
    return jobs;
  }
}
