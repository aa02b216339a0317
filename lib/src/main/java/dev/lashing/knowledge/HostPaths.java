package dev.lashing.knowledge;

import static java.util.Map.entry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Paths on the host a container may be given: how to compare them, which are a container engine's socket, and
 * which are sensitive to mount (a host system directory, the container engine's data, a home directory or a
 * credential directory, or a directory that contains one of them, such as {@code /var}); read by the
 * docker-socket and sensitive-mount rules and by the inventory, which refuses to have them generated.
 */
public final class HostPaths {
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

  /** The API sockets of container engines, by file name. */
  private static final Map<String, String> ENGINE_SOCKETS = Map.of(
      "docker.sock", "the Docker socket",
      "docker.sock.raw", "the Docker socket",
      "podman.sock", "the Podman socket",
      "containerd.sock", "the containerd socket",
      "crio.sock", "the CRI-O socket",
      "buildkitd.sock", "the BuildKit socket",
      "cri-dockerd.sock", "the cri-dockerd socket");

  /** Directories that hold an engine socket: {@code /run}, the engines' own, a user's runtime directory. */
  private static final Pattern ENGINE_SOCKET_DIRECTORIES =
      Pattern.compile("/run(?:/containerd|/podman|/crio|/user/[0-9]+(?:/podman)?)?");

  private HostPaths() {}

  /** The container engine's API socket a host path is ("the Docker socket"), or null. */
  public static String engineSocket(String path) {
    return ENGINE_SOCKETS.get(path.substring(path.lastIndexOf('/') + 1));
  }

  /** Whether a host path is a directory that holds a container engine's socket ({@code /run}, {@code /var/run}). */
  public static boolean holdsEngineSocket(String path) {
    String inRun = path.equals("/var/run") || path.startsWith("/var/run/") ? path.substring("/var".length()) : path;
    return ENGINE_SOCKET_DIRECTORIES.matcher(inRun).matches();
  }

  /** A POSIX absolute path without {@code .}, {@code ..}, repeated or trailing slashes; null when not absolute. */
  public static String normalize(String path) {
    if (!path.startsWith("/")) {
      return null;
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        parts.pollLast();
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }

  /** Whether {@code path} is {@code ancestor} or below it (both normalized). */
  public static boolean isWithin(String path, String ancestor) {
    return path.equals(ancestor) || ancestor.equals("/") || path.startsWith(ancestor + "/");
  }

  /**
   * What makes a host path sensitive to mount ("it holds ..."), or null when it is not.
   *
   * @param path absolute and normalized
   * @param readOnly whether the container sees it read-only: a few harmless host files are then left out
   */
  public static String sensitive(String path, boolean readOnly) {
    if (readOnly && HARMLESS_READ_ONLY.stream().anyMatch(harmless -> isWithin(path, harmless))) {
      return null;
    }
    if (CREDENTIALS.matcher(path).matches()) {
      return "it holds credentials (SSH keys, cloud, cluster or registry tokens)";
    }
    for (Map.Entry<String, String> tree : TREES) {
      if (isWithin(path, tree.getKey())) {
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
      if (isWithin(tree.getKey(), path)) {
        return "it contains " + tree.getKey() + ", " + tree.getValue();
      }
    }
    return null;
  }
}
