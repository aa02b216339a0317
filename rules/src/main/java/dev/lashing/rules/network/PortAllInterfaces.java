package dev.lashing.rules.network;

import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Level;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.RuleRole;
import dev.lashing.lint.Severity;
import dev.lashing.model.KeyValue;
import dev.lashing.model.Network;
import dev.lashing.model.Port;
import dev.lashing.model.Project;
import dev.lashing.model.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A port published on every host interface: no {@code host_ip} (and no network default binding it elsewhere), or
 * an unspecified address in any spelling ({@code 0.0.0.0}, {@code ::}, {@code [::]}, {@code ::ffff:0.0.0.0}).
 */
@RuleInfo(
    id = "port-all-interfaces",
    summary = "A port is published on every host interface instead of one address",
    category = Category.NETWORK,
    severity = Severity.MEDIUM,
    production = Level.LOW,
    development = Level.HIGH,
    cis = "5.14",
    cisV15 = "5.13",
    fixable = true,
    patch = PatchCoverage.DEFAULT,
    roles = RuleRole.ALL_INTERFACES)
public final class PortAllInterfaces implements Rule {
  @Override
  public RuleInfo info() {
    return PortAllInterfacesInfo.INFO;
  }

  private static final String HOST_BINDING = "com.docker.network.bridge.host_binding_ipv4";

  @Override
  public List<RuleOption> options() {
    return List.of(new RuleOption("host_ip", RuleOption.Type.ADDRESS,
        "the address the fix binds published ports to (default 127.0.0.1, or ::1 for an IPv6 port)"));
  }

  @Override
  public void check(RuleContext context) {
    String option = context.options().string("host_ip", null);
    Fix.Safety safety = context.policy() == Policy.DEVELOPMENT ? Fix.Safety.SAFE : Fix.Safety.BEHAVIOUR_CHANGING;
    for (Service service : context.project().services().values()) {
      List<PublishedEntry> entries = PublishedEntry.of(service);
      // outside development a gateway is how the stack is reached: binding it to loopback takes it offline
      boolean gateway = option == null && context.policy() != Policy.DEVELOPMENT
          && context.gateways().contains(service.name());
      Bindings after = gateway ? null : bindingsAfterFixes(context.project(), service, entries, option);
      for (PublishedEntry entry : entries) {
        Port port = entry.first();
        if (!isReported(context.project(), service, port)) {
          continue;
        }
        String address = option != null ? option : loopbackFor(port);
        String written = port.hostIp() == null ? "without host_ip" : "on " + port.hostIp().value();
        int listed = gateway ? 0 : after.alreadyListed(entry);
        boolean partly = listed > 0 && listed < entry.ports().size();
        if (partly) {
          after.leaveAsWritten(entry);
        }
        String advice = gateway
            ? service.name() + " is a gateway, so keep it reachable: bind it with host_ip to the address it serves "
                + "if the host has others"
            : partly
            ? "some of its ports (" + listed + " of " + entry.ports().size() + ") are already listed bound to "
                + address + ", so bind the others by hand: rebinding the whole range would list those twice"
            : "bind it to " + address + " (or another specific address) with host_ip";
        context.report(entry.origin(), service.name(),
            () -> "port " + entry.label() + " of " + service.name() + " is published " + written
                + ", so it listens on every host interface; " + advice,
            gateway || partly ? null
                : listed > 0
                ? new Fix("remove port " + entry.label() + ", which is also listed bound to " + address, safety,
                    () -> remove(service, entry))
                : new Fix("bind port " + entry.label() + " to " + address, safety,
                    () -> rebind(service, entry, address)));
      }
    }
  }

  private static boolean isReported(Project project, Service service, Port port) {
    return port.isBoundToAllInterfaces() && !(port.hostIp() == null && networksBindElsewhere(project, service));
  }

  /**
   * A port binding by every field it has, so that two equal ones are one binding written twice. A list rather than a
   * record: a record's equals is made at run time by a bootstrap method that the start-up cache does not hold, 9 ms
   * of a lint of the corpus.
   */
  private static List<Object> bindingOf(Port port, String hostIp) {
    String host = hostIp == null ? null : hostIp.replace("[", "").replace("]", "").toLowerCase(Locale.ROOT);
    return Arrays.asList(port.mode() == null ? "ingress" : port.mode().value(), host, port.target().value(),
        port.published() == null ? null : port.published().value(), port.protocolOrDefault(),
        port.appProtocol() == null ? null : port.appProtocol().value(),
        port.name() == null ? null : port.name().value());
  }

  /** A binding of the service once its fixes are applied, and whether a fix rebinds it. */
  private record After(List<Object> binding, boolean rebound) {
    static After asWritten(Port port) {
      return new After(bindingOf(port, port.hostIp() == null ? null : port.hostIp().value()), false);
    }
  }

  /** Each of the service's bindings (in the order of its ports) as it is once every rebinding fix is applied. */
  private static Bindings bindingsAfterFixes(Project project, Service service, List<PublishedEntry> entries,
      String option) {
    Bindings after = new Bindings();
    for (PublishedEntry entry : entries) {
      for (Port port : entry.ports()) {
        after.add(isReported(project, service, port)
            ? new After(bindingOf(port, option != null ? option : loopbackFor(entry.first())), true)
            : After.asWritten(port));
      }
    }
    return after;
  }

  /**
   * The service's bindings by position, and the positions of each binding: a range of 65,535 ports is as many
   * bindings, and asking for each of them whether another item equals it must not walk all the others (it did, and
   * a service publishing {@code 49152-65535/udp} for a media server took hours).
   */
  private static final class Bindings {
    private final List<After> byPosition = new ArrayList<>();
    private final Map<List<Object>, Positions> byBinding = new HashMap<>();

    /** Where one binding is: at every position, and at those that no fix rebinds. */
    private static final class Positions {
      final TreeSet<Integer> all = new TreeSet<>();
      final TreeSet<Integer> leftAsWritten = new TreeSet<>();
    }

    void add(After binding) {
      byPosition.add(binding);
      place(byPosition.size() - 1, binding);
    }

    private void place(int position, After binding) {
      Positions positions = byBinding.computeIfAbsent(binding.binding(), b -> new Positions());
      positions.all.add(position);
      if (!binding.rebound()) {
        positions.leftAsWritten.add(position);
      }
    }

    /**
     * How many bindings of {@code entry}, once rebound, would equal another item of the list, one left as it is or
     * one before it that is rebound too. When all would, the list would hold the same bindings twice, which
     * docker-compose 1.29 refuses ("non-unique elements") and Compose v2 merges into one, so the entry is removed
     * instead; when only some of a range's would, neither rebinding nor removing it whole is right.
     */
    int alreadyListed(PublishedEntry entry) {
      // the entry's positions follow one another: "another item before it" is one before its first
      int first = entry.indices().get(0);
      int last = entry.indices().get(entry.indices().size() - 1);
      int listed = 0;
      for (int index : entry.indices()) {
        Positions same = byBinding.get(byPosition.get(index).binding());
        if (same.all.first() < first || same.leftAsWritten.lower(first) != null
            || same.leftAsWritten.higher(last) != null) {
          listed++;
        }
      }
      return listed;
    }

    /** An entry the fix leaves: its bindings stay as written, for the entries after it to be compared with. */
    void leaveAsWritten(PublishedEntry entry) {
      for (int i = 0; i < entry.ports().size(); i++) {
        int position = entry.indices().get(i);
        After before = byPosition.get(position);
        Positions positions = byBinding.get(before.binding());
        positions.all.remove(position);
        positions.leftAsWritten.remove(position);
        After written = After.asWritten(entry.ports().get(i));
        byPosition.set(position, written);
        place(position, written);
      }
    }
  }

  /** Every network the service joins sets a specific default host address for published ports. */
  private static boolean networksBindElsewhere(Project project, Service service) {
    Set<String> keys = service.networks().keySet();
    if (service.networkMode() != null || keys.isEmpty()) {
      return false;
    }
    for (String key : keys) {
      Network network = project.networks().get(key);
      KeyValue binding = network == null ? null : network.driverOpts().get(HOST_BINDING);
      if (binding == null || binding.text() == null || Port.isUnspecifiedAddress(binding.text())) {
        return false;
      }
    }
    return true;
  }

  private static String loopbackFor(Port port) {
    return port.hostIp() != null && port.hostIp().value().contains(":") ? "::1" : "127.0.0.1";
  }

  /** Removes the entry: every binding it writes (a range's too), so that the item as written goes. */
  private static List<Fix.Change> remove(Service service, PublishedEntry entry) {
    List<String> path = List.of("services", service.name(), "ports");
    List<Fix.Change> changes = new ArrayList<>();
    for (int index : entry.indices()) {
      changes.add(new Fix.RemoveItem(path, index));
    }
    return changes;
  }

  private static List<Fix.Change> rebind(Service service, PublishedEntry entry, String address) {
    List<String> path = List.of("services", service.name(), "ports");
    List<Fix.Change> changes = new ArrayList<>();
    for (int i = 0; i < entry.ports().size(); i++) {
      changes.add(new Fix.ReplaceItem(path, entry.indices().get(i), longForm(entry.ports().get(i), address)));
    }
    return changes;
  }

  /** The binding in long form with {@code host_ip} set, fields in Compose's canonical order. */
  private static Map<String, Object> longForm(Port port, String address) {
    Map<String, Object> item = new LinkedHashMap<>();
    if (port.name() != null) {
      item.put("name", port.name().value());
    }
    if (port.mode() != null) {
      item.put("mode", port.mode().value());
    }
    item.put("host_ip", address);
    item.put("target", port.target().value());
    if (port.published() != null) {
      item.put("published", port.published().value());
    }
    if (port.protocol() != null) {
      item.put("protocol", port.protocol().value());
    }
    if (port.appProtocol() != null) {
      item.put("app_protocol", port.appProtocol().value());
    }
    return item;
  }
}
