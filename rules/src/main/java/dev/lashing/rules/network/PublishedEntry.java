package dev.lashing.rules.network;

import dev.lashing.model.Port;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code ports} entry as written, with the port bindings it expands to. A short form with ranges
 * ({@code "3000-3002:3000-3002"}) becomes several consecutive bindings that share the entry's origin; rules report
 * the entry once. {@code indices} are the bindings' positions in the service's merged {@code ports} list, the
 * positions fix changes address.
 */
public record PublishedEntry(Origin origin, List<Integer> indices, List<Port> ports) {

  /** The entries that get a host binding (none when {@code network_mode} leaves the container without its own). */
  static List<PublishedEntry> of(Service service) {
    return service.publishedPorts().isEmpty() ? new ArrayList<>() : written(service);
  }

  /** The service's {@code ports} entries as written, whether or not the engine binds them. */
  public static List<PublishedEntry> written(Service service) {
    List<PublishedEntry> entries = new ArrayList<>();
    List<Port> ports = service.ports();
    int i = 0;
    while (i < ports.size()) {
      Origin origin = ports.get(i).origin();
      List<Integer> indices = new ArrayList<>();
      List<Port> group = new ArrayList<>();
      while (i < ports.size() && ports.get(i).origin().equals(origin)) {
        indices.add(i);
        group.add(ports.get(i));
        i++;
      }
      entries.add(new PublishedEntry(origin, List.copyOf(indices), List.copyOf(group)));
    }
    return entries;
  }

  Port first() {
    return ports.get(0);
  }

  /**
   * {@code 8080:80}, {@code 3000-3002:3000-3002/udp}, or {@code 80} for an ephemeral host port. A range's ports
   * are listed sorted as text ({@code 8-11} as 10, 11, 8, 9), so it is spanned from its lowest port to its highest.
   */
  public String label() {
    Port first = first();
    List<String> targets = new ArrayList<>(ports.size());
    List<String> publishedPorts = first.published() == null ? null : new ArrayList<>(ports.size());
    for (Port port : ports) {
      targets.add(port.target().value().toString());
      if (publishedPorts != null) {
        publishedPorts.add(port.published() == null ? "" : port.published().value());
      }
    }
    String protocol = first.protocolOrDefault().equals("tcp") ? "" : "/" + first.protocolOrDefault();
    return (publishedPorts == null ? "" : span(publishedPorts) + ":") + span(targets) + protocol;
  }

  /**
   * The lowest and the highest of the ports, or the first and the last where one is not a number. A loop, not a
   * stream: every entry of every service is labelled, most of them a single port.
   */
  private static String span(List<String> values) {
    int lowest = Integer.MAX_VALUE;
    int highest = Integer.MIN_VALUE;
    for (String value : values) {
      if (!isPortNumber(value)) {
        return span(values.get(0), values.get(values.size() - 1));
      }
      int port = Integer.parseInt(value);
      lowest = Math.min(lowest, port);
      highest = Math.max(highest, port);
    }
    return span(Integer.toString(lowest), Integer.toString(highest));
  }

  /** Digits only, fewer than ten of them (so that they fit an int). */
  private static boolean isPortNumber(String value) {
    if (value.isEmpty() || value.length() >= 10) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String span(String from, String to) {
    return from.equals(to) ? from : from + "-" + to;
  }
}
