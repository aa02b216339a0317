package dev.lashing.rules.security;

import java.util.Map;
import java.util.regex.Pattern;

/** The API sockets of container engines on a host, by path. */
final class EngineSockets {
  private static final Map<String, String> SOCKETS = Map.of(
      "docker.sock", "the Docker socket",
      "docker.sock.raw", "the Docker socket",
      "podman.sock", "the Podman socket",
      "containerd.sock", "the containerd socket",
      "crio.sock", "the CRI-O socket",
      "buildkitd.sock", "the BuildKit socket",
      "cri-dockerd.sock", "the cri-dockerd socket");

  /** Directories that hold an engine socket: {@code /run}, the engines' own, a user's runtime directory. */
  private static final Pattern SOCKET_DIRECTORIES =
      Pattern.compile("/run(?:/containerd|/podman|/crio|/user/[0-9]+(?:/podman)?)?");

  private EngineSockets() {}

  /**
   * The engine socket a host mount gives access to, as the object of "mounts" in a message ("the Docker
   * socket /var/run/docker.sock", "/run, which holds the container engine's socket"), or null when none.
   */
  static String describe(HostMount mount) {
    String path = mount.path();
    String socket = SOCKETS.get(path.substring(path.lastIndexOf('/') + 1));
    if (socket != null) {
      return socket + " " + mount.describe();
    }
    String inRun = path.equals("/var/run") || path.startsWith("/var/run/") ? path.substring("/var".length()) : path;
    return SOCKET_DIRECTORIES.matcher(inRun).matches()
        ? mount.describe() + ", which holds the container engine's socket"
        : null;
  }
}
