package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Service;

/**
 * A container engine's API socket (Docker, Podman, containerd, CRI-O, BuildKit) or a directory holding
 * one ({@code /run}, {@code /var/run}) mounted into a container, as a bind or through a local bind volume;
 * and {@code use_api_socket: true}, which hands the container the Docker API socket.
 */
@RuleInfo(
    id = "docker-socket",
    summary = "A container engine's API socket is mounted into a container",
    category = Category.SECURITY,
    severity = Severity.CRITICAL,
    cis = "5.32",
    cisV15 = "5.31")
public final class DockerSocket implements Rule {
  @Override
  public RuleInfo info() {
    return DockerSocketInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      for (HostMount mount : HostMount.of(context.project(), service)) {
        String socket = EngineSockets.describe(mount);
        if (socket != null) {
          context.report(mount.origin(), service.name(), "service '" + service.name() + "' mounts " + socket
              + ": anyone in the container can start a privileged container and so controls the host"
              + (mount.readOnly() ? " (read-only does not help: the socket still takes API calls)" : "")
              + "; remove the mount, or put a socket proxy that allows only the API calls the service needs"
              + " in between");
        }
      }
      if (service.useApiSocket() != null && service.useApiSocket().value()) {
        context.report(service.useApiSocket().origin(), service.name(), "service '" + service.name()
            + "' sets use_api_socket: the container gets the Docker API socket and your registry credentials,"
            + " and so controls the host; remove it unless the service is a trusted Docker client");
      }
    }
  }
}
