package dev.lashing.rules.security;

import dev.lashing.knowledge.HostPaths;
import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Service;

/**
 * A host system directory, the container engine's data, a home directory or a credential directory mounted
 * into a container (as a bind, or through a local bind volume); also any directory that contains one of
 * them, such as {@code /var}. Engine sockets are left to {@code docker-socket}; the project's own
 * directories and read-only mounts of harmless host files ({@code /etc/localtime}, CA certificates) are
 * not reported.
 */
@RuleInfo(
    id = "sensitive-mount",
    summary = "A sensitive host directory is mounted into a container",
    category = Category.SECURITY,
    severity = Severity.HIGH,
    cis = "5.6",
    cisV15 = "5.5")
public final class SensitiveMount implements Rule {
  @Override
  public RuleInfo info() {
    return SensitiveMountInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      for (HostMount mount : HostMount.of(context.project(), service)) {
        if (EngineSockets.describe(mount) != null) {
          continue;
        }
        String holds = HostPaths.sensitive(mount.path(), mount.readOnly());
        if (holds == null) {
          continue;
        }
        String mounts = "service '" + service.name() + "' mounts " + mount.describe();
        context.report(mount.origin(), service.name(), mount.readOnly()
            ? mounts + " read-only, but " + holds + ": the container can read all of it; mount only the file or"
                + " directory the service needs"
            : mounts + " writable, and " + holds + ": the container can change it and so take over the host;"
                + " mount only the file or directory the service needs, read-only (:ro)");
      }
    }
  }
}
