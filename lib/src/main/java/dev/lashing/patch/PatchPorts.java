package dev.lashing.patch;

import static dev.lashing.patch.PatchBuilder.SERVICES;

import dev.lashing.patch.PatchMap.Raw;
import dev.lashing.source.Origin;
import dev.lashing.syntax.PortSpec;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * The items of each written entry ({@code writtenAt}, by item) joined into ranges where they can be: the
   * bindings a written range stands for, rebound, are one entry again
   * ({@code 127.0.0.1:49152-65535:49152-65535/udp}), not 16,384 lines. Entries written apart stay apart.
   */
  static List<Object> joinRanges(List<Object> items, List<Origin> writtenAt) {
    List<Object> joined = new ArrayList<>();
    int i = 0;
    while (i < items.size()) {
      int end = i + 1;
      while (end < items.size() && writtenAt.get(end).equals(writtenAt.get(i))) {
        end++;
      }
      joined.addAll(joinEntry(items.subList(i, end)));
      i = end;
    }
    return joined;
  }

  /**
   * The items of one written entry, when all are short ports of one address and protocol, in order of container
   * port (Compose lists a range's ports sorted as text: 10, 11, 8, 9), those that follow one another (host and
   * container port each one more than the last) as one range; otherwise the items as they are.
   */
  private static List<Object> joinEntry(List<Object> items) {
    if (items.size() < 2) {
      return items;
    }
    PortSpec.Port[] ports = new PortSpec.Port[items.size()];
    for (int i = 0; i < ports.length; i++) {
      ports[i] = single(items.get(i));
      if (ports[i] == null || !Objects.equals(ports[i].hostIp(), ports[0].hostIp())
          || !ports[i].protocol().equals(ports[0].protocol())) {
        return items;
      }
    }
    Integer[] order = new Integer[ports.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Integer.compare(ports[a].target(), ports[b].target()));
    List<Object> joined = new ArrayList<>();
    int i = 0;
    while (i < order.length) {
      int end = i + 1;
      while (end < order.length && follows(ports[order[end - 1]], ports[order[end]])) {
        end++;
      }
      if (end - i == 1) {
        joined.add(items.get(order[i]));
      } else {
        PortSpec.Port first = ports[order[i]];
        PortSpec.Port last = ports[order[end - 1]];
        String address = first.hostIp() == null ? "" : first.hostIp() + ":";
        String proto = first.protocol().equals("tcp") ? "" : "/" + first.protocol();
        joined.add(address + first.published() + "-" + last.published() + ":" + first.target() + "-"
            + last.target() + proto);
      }
      i = end;
    }
    return joined;
  }

  /** The one binding of a literal short port with a host port (not a pool of them), or null. */
  private static PortSpec.Port single(Object item) {
    if (!(item instanceof String spec)) {
      return null;
    }
    try {
      List<PortSpec.Port> ports = PortSpec.parse(spec);
      PortSpec.Port port = ports.size() == 1 ? ports.get(0) : null;
      return port != null && port.published() != null && port.published().indexOf('-') < 0
          && (port.hostIp() == null || port.hostIp().indexOf(':') < 0) ? port : null;
    } catch (SyntaxException e) {
      return null;
    }
  }

  private static boolean follows(PortSpec.Port last, PortSpec.Port next) {
    return next.target() == last.target() + 1
        && Integer.parseInt(next.published()) == Integer.parseInt(last.published()) + 1;
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
