package dev.lashing.patch;

import static dev.lashing.patch.PatchBuilder.SERVICES;

import dev.lashing.patch.PatchMap.Raw;
import dev.lashing.syntax.PortSpec;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Ports in a patch: written in the short form where it means the same binding, templates kept. */
final class PatchPorts {
  private PatchPorts() {}

  /** The fields of a long-form port that the short form can say. */
  private static final Set<String> SHORT_PORT_FIELDS = Set.of("mode", "host_ip", "target", "published", "protocol");

  static boolean isPorts(List<String> path) {
    return path.size() == 3 && path.get(0).equals(SERVICES) && path.get(2).equals("ports");
  }

  /**
   * A port rebound to a host address, written as the user's own short entry with the address in front
   * ({@code "${PORT:-8080}:80"} becomes {@code "127.0.0.1:${PORT:-8080}:80"}) when that entry was a template for
   * this one binding; otherwise the replacement as it is.
   */
  static Object rebindTemplate(Object replacement, Node original, Templates templates) {
    if (!(replacement instanceof PatchMap port) || !(port.get("host_ip") instanceof String hostIp)
        || hostIp.contains(":") || !(original instanceof MapNode before) || before.has("host_ip")
        || !(before.get("published") instanceof ScalarNode published)
        || port.keys().stream().anyMatch(k -> !SHORT_PORT_FIELDS.contains(k))
        || port.get("mode") != null && !"ingress".equals(port.get("mode"))) {
      return replacement;
    }
    String written = templates.writtenText(published);
    if (written == null || written.indexOf('$') < 0 || !templates.meansOneBinding(written, port)) {
      return replacement;
    }
    return new Raw(hostIp + ":" + written);
  }

  /**
   * A long-form port as the short {@code [host_ip:][published:]target[/protocol]} string when that means the
   * same binding (ingress mode, no name, no app_protocol, not IPv6); otherwise the long form.
   */
  static Object shortPort(Object item) {
    if (!(item instanceof PatchMap port)) {
      return item;
    }
    for (String key : port.keys()) {
      if (!SHORT_PORT_FIELDS.contains(key)) {
        return item;
      }
    }
    Object mode = port.get("mode");
    Object hostIp = port.get("host_ip");
    Object published = port.get("published");
    Object target = port.get("target");
    Object protocol = port.get("protocol");
    if (mode != null && !"ingress".equals(mode) || !(target instanceof Long)
        || hostIp != null && !(hostIp instanceof String) || protocol != null && !(protocol instanceof String)
        || hostIp instanceof String ip && (ip.contains(":") || ip.contains("$"))
        || published != null && !(published instanceof String) && !(published instanceof Raw)
        || published instanceof String p && p.contains("$")) {
      return item;
    }
    String publishedText = published instanceof Raw raw ? raw.template() : (String) published;
    String proto = protocol == null || protocol.equals("tcp") ? "" : "/" + protocol;
    String spec = (hostIp == null ? "" : hostIp + ":")
        + (publishedText == null ? (hostIp == null ? "" : ":") : publishedText + ":")
        + target + proto;
    if (published instanceof Raw) {
      return new Raw(spec);
    }
    return sameBinding(spec, (String) hostIp, (Long) target, (String) published,
        protocol == null ? "tcp" : (String) protocol) ? spec : item;
  }

  /** Whether a (literal) short spec parses back to exactly this one binding. */
  private static boolean sameBinding(String spec, String hostIp, long target, String published, String protocol) {
    try {
      List<PortSpec.Port> ports = PortSpec.parse(spec);
      if (ports.size() != 1) {
        return false;
      }
      PortSpec.Port p = ports.get(0);
      return Objects.equals(p.hostIp(), hostIp) && p.target() == target
          && Objects.equals(p.published(), published) && p.protocol().equals(protocol);
    } catch (SyntaxException e) {
      return false;
    }
  }
}
