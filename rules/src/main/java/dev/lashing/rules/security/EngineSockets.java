package dev.lashing.rules.security;

import dev.lashing.knowledge.HostPaths;

/** The API sockets of container engines on a host, as host mounts give access to them. */
final class EngineSockets {
  private EngineSockets() {}

  /**
   * The engine socket a host mount gives access to, as the object of "mounts" in a message ("the Docker
   * socket /var/run/docker.sock", "/run, which holds the container engine's socket"), or null when none.
   */
  static String describe(HostMount mount) {
    String socket = HostPaths.engineSocket(mount.path());
    if (socket != null) {
      return socket + " " + mount.describe();
    }
    return HostPaths.holdsEngineSocket(mount.path()) ? mount.describe() + ", which holds the container engine's socket"
        : null;
  }
}
