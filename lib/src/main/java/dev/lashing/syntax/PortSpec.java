package dev.lashing.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short {@code ports} syntax, read as compose-go does through go-connections'
 * {@code nat.ParsePortSpec}: {@code [[ip:](port|range):](port|range)[/proto]}.
 */
public final class PortSpec {
  /** Go's ParseInt also takes a '+' sign and leading zeros. */
  private static final Pattern PORT = Pattern.compile("\\+?0*([0-9]{1,5})");

  /**
   * One published container port.
   *
   * @param hostIp the host address without brackets, or null to bind every interface
   * @param published the host port or host range ({@code 8000-9000}), or null for an ephemeral port
   * @param protocol {@code tcp}, {@code udp} or {@code sctp}
   */
  public record Port(String hostIp, int target, String published, String protocol) {
    /**
     * Whether this is the binding a long-form port with these fields makes: what fix and patch ask before writing
     * a short entry in place of a binding, or keeping it.
     *
     * @param target the container port as text ({@code "80"}), or null when it is none
     */
    public boolean isBinding(String hostIp, String target, String published, String protocol) {
      return Objects.equals(this.hostIp, hostIp) && Integer.toString(this.target).equals(target)
          && Objects.equals(this.published, published) && this.protocol.equals(protocol);
    }
  }

  private record Range(int start, int end) {
    int size() {
      return end - start + 1;
    }
  }

  private PortSpec() {}

  /**
   * The ports a short {@code ports} entry stands for, in Compose's order (container ports sorted as
   * strings, so {@code 8-10} gives 10, 8, 9).
   */
  public static List<Port> parse(String spec) {
    return read(spec).ports();
  }

  /**
   * A short {@code ports} entry read but not expanded yet: a range's size is known before its bindings are made.
   */
  public static final class Entry {
    private final String hostIp;
    private final Range container;
    private final Range host;
    private final String protocol;

    private Entry(String hostIp, Range container, Range host, String protocol) {
      this.hostIp = hostIp;
      this.container = container;
      this.host = host;
      this.protocol = protocol;
    }

    /** How many bindings the entry stands for: one per container port. */
    public int size() {
      return container.size();
    }

    /** The bindings, as {@link #parse} gives them. */
    public List<Port> ports() {
      Port[] ports = new Port[container.size()];
      String[] targets = new String[ports.length];
      for (int i = 0; i < ports.length; i++) {
        String published = null;
        if (host != null) {
          published = Integer.toString(host.start() + i);
          if (container.size() == 1 && host.size() != 1) {
            published += "-" + host.end();
          }
        }
        ports[i] = new Port(hostIp, container.start() + i, published, protocol);
        targets[i] = Integer.toString(container.start() + i);
      }
      // in the order of the targets' text, each made once rather than at every comparison (a range may be 65,535)
      Arrays.sort(targets);
      List<Port> sorted = new ArrayList<>(ports.length);
      for (String target : targets) {
        sorted.add(ports[Integer.parseInt(target) - container.start()]);
      }
      return Collections.unmodifiableList(sorted);
    }
  }

  /**
   * A short {@code ports} entry, checked as Compose checks it, not expanded yet.
   *
   * @throws SyntaxException with go-connections' message when Compose refuses it
   */
  public static Entry read(String spec) {
    String[] parts = spec.split(":", -1);
    int n = parts.length;
    String ip = n < 3 ? "" : String.join(":", List.of(parts).subList(0, n - 2));
    String hostPort = n < 2 ? "" : parts[n - 2];
    String[] protoPort = splitProto(parts[n - 1]);
    String containerPort = protoPort[1];
    if (containerPort.isEmpty()) {
      throw new SyntaxException("no port specified: " + spec + "<empty>");
    }
    String protocol = protocol(protoPort[0]);
    String hostIp = hostIp(ip);
    Range container = range(containerPort, "invalid containerPort: ");
    Range host = hostPort.isEmpty() ? null : range(hostPort, "invalid hostPort: ");
    // A host range may differ in size only when it is the pool for a single container port.
    if (host != null && host.size() != container.size() && container.size() != 1) {
      throw new SyntaxException(
          "invalid ranges specified for container and host Ports: " + containerPort + " and " + hostPort);
    }
    return new Entry(hostIp, container, host, protocol);
  }

  /** {protocol, port}: the text after the first '/' (tcp when empty) and the text before it. */
  private static String[] splitProto(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new String[] {"tcp", text};
    }
    String protocol = text.substring(slash + 1);
    return new String[] {protocol.isEmpty() ? "tcp" : protocol, text.substring(0, slash)};
  }

  private static String protocol(String text) {
    String protocol = text.toLowerCase(Locale.ROOT);
    if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
      throw new SyntaxException("invalid proto: " + protocol);
    }
    return protocol;
  }

  private static String hostIp(String ip) {
    String address = ip;
    if (ip.startsWith("[")) {
      // Brackets must wrap the whole address, as net.SplitHostPort requires.
      if (ip.indexOf(']') != ip.length() - 1 || ip.indexOf('[', 1) >= 0) {
        throw new SyntaxException("invalid IP address: " + ip);
      }
      address = ip.substring(1, ip.length() - 1);
    }
    if (address.isEmpty()) {
      return null;
    }
    if (!IpAddress.isValid(address)) {
      throw new SyntaxException("invalid IP address: " + address);
    }
    return address;
  }

  /** A port or range; 0, which go-connections passes on to the engine, is rejected here already. */
  private static Range range(String text, String error) {
    int dash = text.indexOf('-');
    int start = port(dash < 0 ? text : text.substring(0, dash));
    int end = dash < 0 ? start : port(text.substring(dash + 1));
    if (start < 0 || end < start) {
      throw new SyntaxException(error + text);
    }
    return new Range(start, end);
  }

  /** The port number, or -1 for anything but a decimal number in 1..65535. */
  private static int port(String text) {
    Matcher matcher = PORT.matcher(text);
    if (!matcher.matches()) {
      return -1;
    }
    int port = Integer.parseInt(matcher.group(1));
    return port >= 1 && port <= 65535 ? port : -1;
  }
}
