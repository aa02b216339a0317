package dev.lashing.rules.resources;

import dev.lashing.lint.Rule;
import java.util.List;

/** The resource and reliability rules of the built-in pack, sorted by id. */
public final class ResourceRules {
  private ResourceRules() {}

  public static List<Rule> all() {
    return List.of(
        new CpuLimit(),
        new DependsOnHealthy(),
        new HealthcheckDisabled(),
        new HealthcheckMissing(),
        new LogRotation(),
        new LoggingDisabled(),
        new MemoryLimit(),
        new PidsLimit(),
        new RestartPolicy());
  }
}
