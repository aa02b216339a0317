package dev.lashing.model;

import dev.lashing.source.Origin;

/**
 * A namespace setting: {@code network_mode}, {@code ipc}, {@code pid}, {@code uts}, {@code userns_mode} or
 * {@code cgroup}. {@code reference} is the service or container named by {@code service:x} /
 * {@code container:x}, else null.
 */
public record NamespaceMode(String text, Kind kind, String reference, Origin origin) {

  /** The forms Compose and the engine tell apart. */
  public enum Kind {
    /** Shares the host's namespace. */
    HOST,
    NONE,
    /** {@code network_mode: bridge}: the engine's default bridge (docker0), not a project network. */
    BRIDGE,
    /** {@code service:<name>}: shares another service's container namespace. */
    SERVICE,
    /** {@code container:<name|id>}. */
    CONTAINER,
    /** Anything else ({@code private}, {@code shareable}, a network name...), passed to the engine as is. */
    OTHER
  }

  static NamespaceMode of(Located<String> written) {
    String text = written.value();
    Kind kind = Kind.OTHER;
    String reference = null;
    if (text.startsWith("service:")) {
      kind = Kind.SERVICE;
      reference = text.substring("service:".length());
    } else if (text.startsWith("container:")) {
      kind = Kind.CONTAINER;
      reference = text.substring("container:".length());
    } else if (text.equals("host")) {
      kind = Kind.HOST;
    } else if (text.equals("none")) {
      kind = Kind.NONE;
    } else if (text.equals("bridge")) {
      kind = Kind.BRIDGE;
    }
    return new NamespaceMode(text, kind, reference, written.origin());
  }

  public boolean isHost() {
    return kind == Kind.HOST;
  }
}
