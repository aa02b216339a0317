package dev.lashing.rules.security;

import static java.util.Map.entry;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Service;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

  /** Host trees that are sensitive as a whole and in every part, with what they hold. */
  private static final List<Map.Entry<String, String>> TREES = List.of(
      entry("/boot", "the host's kernel and boot loader"),
      entry("/etc", "the host's configuration, with users and password hashes, sudoers, cron jobs and SSH keys"),
      entry("/proc", "the host's process and kernel interfaces"),
      entry("/sys", "the host's kernel, device and cgroup settings"),
      entry("/bin", "programs the host runs as root"),
      entry("/sbin", "programs the host runs as root"),
      entry("/lib", "libraries the host runs as root"),
      entry("/lib32", "libraries the host runs as root"),
      entry("/lib64", "libraries the host runs as root"),
      entry("/usr", "programs and libraries the host runs as root"),
      entry("/var/lib/docker", "the container engine's data, with every image, container filesystem and volume"),
      entry("/var/lib/containerd", "the container engine's data, with every image and container filesystem"),
      entry("/var/lib/containers", "the container engine's data, with every image and container filesystem"),
      entry("/var/lib/kubelet", "the kubelet's data, with the secrets of every pod"));

  /** Paths that are sensitive as a whole, though not every part of them is: the root, devices and homes. */
  private static final Pattern WHOLE = Pattern.compile("/|/dev|/root|/home(/[^/]+)?|/Users(/[^/]+)?");

  /** Credential directories and files, wherever they are. */
  private static final Pattern CREDENTIALS = Pattern.compile(
      ".*/(\\.ssh|\\.aws|\\.azure|\\.gnupg|\\.kube|\\.docker|\\.config/gcloud|\\.netrc|\\.pgpass|\\.git-credentials)"
          + "(/.*)?");

  /** Host files that are harmless to read: time zone, CA certificates, name resolution, user names. */
  private static final List<String> HARMLESS_READ_ONLY = List.of(
      "/etc/localtime", "/etc/timezone", "/usr/share/zoneinfo", "/etc/ssl/certs", "/etc/ca-certificates",
      "/etc/pki/ca-trust", "/etc/hosts", "/etc/hostname", "/etc/resolv.conf", "/etc/machine-id",
      "/etc/os-release", "/usr/lib/os-release", "/etc/passwd", "/etc/group");

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      for (HostMount mount : HostMount.of(context.project(), service)) {
        if (EngineSockets.describe(mount) != null) {
          continue;
        }
        String holds = holds(mount.path(), mount.readOnly());
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

  /** What makes a host path sensitive ("it holds ..."), or null when it is not. */
  private static String holds(String path, boolean readOnly) {
    if (readOnly && HARMLESS_READ_ONLY.stream().anyMatch(harmless -> HostMount.isWithin(path, harmless))) {
      return null;
    }
    if (CREDENTIALS.matcher(path).matches()) {
      return "it holds credentials (SSH keys, cloud, cluster or registry tokens)";
    }
    for (Map.Entry<String, String> tree : TREES) {
      if (HostMount.isWithin(path, tree.getKey())) {
        return "it holds " + tree.getValue();
      }
    }
    if (WHOLE.matcher(path).matches()) {
      return switch (path) {
        case "/" -> "it is the host's whole filesystem";
        case "/dev" -> "it holds every host device";
        default -> "it is a home directory tree, with SSH keys, shell startup files and tokens";
      };
    }
    for (Map.Entry<String, String> tree : TREES) {
      if (HostMount.isWithin(tree.getKey(), path)) {
        return "it contains " + tree.getKey() + ", " + tree.getValue();
      }
    }
    return null;
  }
}
