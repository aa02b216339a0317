package dev.lashing.rules.network;

import dev.lashing.model.Port;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
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
    String target = span(ports.stream().map(p -> p.target().value().toString()).toList());
    String published = first.published() == null
        ? null
        : span(ports.stream().map(p -> p.published() == null ? "" : p.published().value()).toList());
    String protocol = first.protocolOrDefault().equals("tcp") ? "" : "/" + first.protocolOrDefault();
    return (published == null ? "" : published + ":") + target + protocol;
  }

  /** The lowest and the highest of the ports, or the first and the last where one is not a number. */
  private static String span(List<String> values) {
    if (values.stream().allMatch(v -> !v.isEmpty() && v.chars().allMatch(Character::isDigit) && v.length() < 10)) {
      IntSummaryStatistics ports = values.stream().mapToInt(Integer::parseInt).summaryStatistics();
      return span(Integer.toString(ports.getMin()), Integer.toString(ports.getMax()));
    }
    return span(values.get(0), values.get(values.size() - 1));
  }

  private static String span(String from, String to) {
    return from.equals(to) ? from : from + "-" + to;
  }
}
