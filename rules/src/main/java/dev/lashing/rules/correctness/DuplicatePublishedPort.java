package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Port;
import dev.lashing.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two published ports that claim the same host port and protocol on overlapping addresses: the second
 * container fails to start ("port is already allocated"). An unspecified address overlaps every address.
 */
@RuleInfo(
    id = "duplicate-published-port",
    summary = "Two ports publish the same host port on the same address",
    category = Category.CORRECTNESS,
    severity = Severity.HIGH)
public final class DuplicatePublishedPort implements Rule {
  @Override
  public RuleInfo info() {
    return DuplicatePublishedPortInfo.INFO;
  }

  /** A claim of a host port: the service and port that made it, and the how-manieth claim of that port it is. */
  private record Claim(String service, Port port, int order) {}

  /**
   * The claims of one host port and protocol that a later claim can clash with first: the first of all (an
   * unspecified address overlaps every address), the first on every address, and the first on each address.
   * Looking up these, rather than comparing with every earlier claim, keeps a port that a thousand services publish
   * on a thousand addresses from costing a million comparisons.
   */
  private static final class PortClaims {
    private Claim first;
    private Claim firstOnEveryAddress;
    private final Map<String, Claim> firstByAddress = new HashMap<>();
    private int count;

    /** The earliest claim that one on {@code address} ("" for every address) overlaps, or null. */
    Claim earliestOverlapping(String address) {
      if (address.isEmpty()) {
        return first;
      }
      Claim same = firstByAddress.get(address);
      if (same == null || firstOnEveryAddress != null && firstOnEveryAddress.order() < same.order()) {
        return firstOnEveryAddress;
      }
      return same;
    }

    /** Records that {@code port} of {@code service} claims the host port on {@code address} ("" for every one). */
    void add(Service service, Port port, String address) {
      Claim claim = new Claim(service.name(), port, count++);
      if (first == null) {
        first = claim;
      }
      if (address.isEmpty()) {
        if (firstOnEveryAddress == null) {
          firstOnEveryAddress = claim;
        }
      } else {
        firstByAddress.putIfAbsent(address, claim);
      }
    }
  }

  /**
   * The bindings of one written entry that an earlier entry has claimed already: one finding, not one per binding
   * (two TURN servers that publish the same range of 16,384 ports made as many findings).
   */
  private record Clash(Service service, Port first, Claim earlier, String protocol, List<String> hostPorts) {}

  @Override
  public void check(RuleContext context) {
    // Only claims of the same protocol and host port can overlap: they are kept together, in the order they were
    // claimed.
    Map<String, PortClaims> claimsByPort = new HashMap<>();
    for (Service service : context.project().services().values()) {
      // by the written entry and the one that claimed its ports first, in the order they are met
      Map<List<Object>, Clash> clashes = new LinkedHashMap<>();
      for (Port port : service.publishedPorts()) {
        String hostPort = port.published() == null ? null : decimal(port.published().value());
        if (hostPort == null) {
          continue; // the engine chooses the host port: none given, a range ("8000-9000:80"), not a number
        }
        String address = port.isBoundToAllInterfaces() ? "" : port.hostIp().value();
        String protocol = port.protocolOrDefault();
        PortClaims claims = claimsByPort.computeIfAbsent(hostPort + "/" + protocol, key -> new PortClaims());
        Claim earlier = claims.earliestOverlapping(address);
        if (earlier != null) {
          clashes.computeIfAbsent(List.of(port.origin(), earlier.service(), earlier.port().origin()),
              key -> new Clash(service, port, earlier, protocol, new ArrayList<>()))
              .hostPorts().add(hostPort);
        }
        claims.add(service, port, address);
      }
      clashes.values().forEach(clash -> report(context, clash));
    }
  }

  private static void report(RuleContext context, Clash clash) {
    Claim earlier = clash.earlier();
    String owner = (earlier.service().equals(clash.service().name()) ? "this service"
        : "service '" + earlier.service() + "'") + " at line " + earlier.port().origin().at().line();
    String message = clash.hostPorts().size() == 1
        ? "host port " + clash.first().published().value() + "/" + clash.protocol() + " is already published by "
            + owner + "; the second binding fails"
        : "host ports " + span(clash.hostPorts()) + "/" + clash.protocol()
            + " are already published by " + owner + "; the second bindings fail";
    context.report(clash.first().origin(), clash.service().name(), message);
  }

  /** From the lowest to the highest of host ports written as digits without leading zeros. */
  private static String span(List<String> hostPorts) {
    String lowest = hostPorts.get(0);
    String highest = lowest;
    for (String port : hostPorts) {
      if (compareDecimals(port, lowest) < 0) {
        lowest = port;
      }
      if (compareDecimals(port, highest) > 0) {
        highest = port;
      }
    }
    return lowest.equals(highest) ? lowest : lowest + "-" + highest;
  }

  /** Two numbers written as digits without leading zeros, of any length, compared by value. */
  private static int compareDecimals(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  /**
   * A host port as ASCII digits without its leading zeros ("0" for zeros alone), to compare as text, not parsed: a
   * file Compose refuses may hold any number of digits; null when it is not digits alone. Checked by hand, not by a
   * regular expression: a range of every port is 65,535 of them.
   */
  private static String decimal(String value) {
    if (value.isEmpty()) {
      return null;
    }
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      if (c == '0' && start == i && i < value.length() - 1) {
        start = i + 1;
      }
    }
    return value.substring(start);
  }
}
