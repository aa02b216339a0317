package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.NamespaceMode;
import dev.lashing.model.Service;

/**
 * A namespace other than the network shared with the host: {@code pid}, {@code ipc}, {@code uts},
 * {@code userns_mode} or {@code cgroup} set to {@code host}. Each is reported on its own.
 */
@RuleInfo(
    id = "host-namespace",
    summary = "A container shares the host's PID, IPC, UTS, user or cgroup namespace",
    category = Category.SECURITY,
    severity = Severity.HIGH,
    cis = "5.16, 5.17, 5.21, 5.31",
    cisV15 = "5.15, 5.16, 5.20, 5.30")
public final class HostNamespace implements Rule {
  @Override
  public RuleInfo info() {
    return HostNamespaceInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      report(context, service, "pid", service.pid(), "it sees every process on the host and, as the same user,"
          + " can signal them, trace them and read their environment and memory");
      report(context, service, "ipc", service.ipc(), "it can read and write the shared memory segments and"
          + " semaphores of every host process");
      report(context, service, "uts", service.uts(), "it can read and, with CAP_SYS_ADMIN, change the host's"
          + " hostname and domain name");
      report(context, service, "userns_mode", service.usernsMode(), "it opts out of the engine's user namespace"
          + " remapping, so root in the container is root on the host");
      report(context, service, "cgroup", service.cgroup(), "it sees the host's whole cgroup tree and, with"
          + " write access to it, can change other containers' resource limits");
    }
  }

  private static void report(RuleContext context, Service service, String attribute, NamespaceMode mode,
      String risk) {
    if (mode != null && mode.isHost()) {
      context.report(mode.origin(), service.name(), "service '" + service.name() + "' sets " + attribute
          + ": host: " + risk + "; remove " + attribute + " unless the service is a host agent that needs it");
    }
  }
}
