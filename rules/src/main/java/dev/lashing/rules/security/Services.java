package dev.lashing.rules.security;

import dev.lashing.knowledge.ImageCatalog;
import dev.lashing.knowledge.KnownImage;
import dev.lashing.lint.RuleContext;
import dev.lashing.model.Command;
import dev.lashing.model.Hook;
import dev.lashing.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  /** A command line the service runs, and what it is for messages ("healthcheck test"). */
  record CommandLine(Command command, String where) {}

  /** Every command line the service runs: command, entrypoint, healthcheck test, lifecycle hooks. */
  static List<CommandLine> commandLines(Service service) {
    List<CommandLine> lines = new ArrayList<>();
    if (service.command() != null) {
      lines.add(new CommandLine(service.command(), "command"));
    }
    if (service.entrypoint() != null) {
      lines.add(new CommandLine(service.entrypoint(), "entrypoint"));
    }
    if (service.healthcheck() != null && service.healthcheck().test() != null) {
      lines.add(new CommandLine(service.healthcheck().test(), "healthcheck test"));
    }
    for (List<Hook> hooks : List.of(service.preStart(), service.postStart(), service.preStop())) {
      for (Hook hook : hooks) {
        if (hook.command() != null) {
          lines.add(new CommandLine(hook.command(), "lifecycle hook command"));
        }
      }
    }
    return lines;
  }

  /** How the service's image runs under hardening, when the {@link ImageCatalog} knows it. */
  static Optional<KnownImage.Runtime> knownRuntime(RuleContext context, Service service) {
    return context.knownImage(service).map(KnownImage::runtime);
  }

  /** The fix path of an attribute of the service: {@code ["services", name, key...]}. */
  static List<String> path(Service service, String... keys) {
    String[] path = new String[keys.length + 2];
    path[0] = "services";
    path[1] = service.name();
    System.arraycopy(keys, 0, path, 2, keys.length);
    return List.of(path);
  }
}
