package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Level;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Network;
import dev.lashing.model.Service;
import dev.lashing.model.ServiceNetwork;
import dev.lashing.rules.network.PublishedEntry;
import java.util.List;

/**
 * {@code network_mode: host}, or joining a network that is the host's own (an external network named
 * {@code host}, the Swarm way of asking for host networking).
 */
@RuleInfo(
    id = "host-network",
    summary = "A container shares the host's network stack",
    category = Category.SECURITY,
    severity = Severity.HIGH,
    development = Level.MEDIUM,
    cis = "5.10",
    cisV15 = "5.9")
public final class HostNetwork implements Rule {
  @Override
  public RuleInfo info() {
    return HostNetworkInfo.INFO;
  }

  private static final String RISK = ": it can listen on any host port without publishing it, reach every"
      + " service bound to the host's loopback interface (databases, admin APIs) and, with the default NET_RAW"
      + " capability, capture the host's traffic";

  /** The most ports a message names; the rest are counted. */
  private static final int PORTS_NAMED = 4;

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      if (service.networkMode() != null && service.networkMode().isHost()) {
        context.report(service.networkMode().origin(), service.name(), () -> "service '" + service.name()
            + "' uses network_mode: host" + RISK + ignoredPorts(service) + "; put it on a project network and"
            + " publish only the ports it serves", null);
      }
      for (ServiceNetwork attachment : service.networks().values()) {
        Network network = context.project().networks().get(attachment.name());
        if (network != null && network.isExternal() && network.name() != null
            && network.name().value().equals("host")) {
          context.report(attachment.nameOrigin(), service.name(), "service '" + service.name()
              + "' joins network '" + attachment.name() + "', which is the host's network (external, name: host)"
              + RISK + "; use a project network instead");
        }
      }
    }
  }

  /**
   * What the service's {@code ports} come to on the host network: nothing, since the engine publishes no port for a
   * container that shares the host's stack ({@code "; its ports 8080:80, 443 are ignored"}), or "" without ports.
   */
  private static String ignoredPorts(Service service) {
    List<String> labels = PublishedEntry.written(service).stream().map(PublishedEntry::label).toList();
    if (labels.isEmpty()) {
      return "";
    }
    String named = String.join(", ", labels.subList(0, Math.min(labels.size(), PORTS_NAMED)))
        + (labels.size() > PORTS_NAMED ? " and " + (labels.size() - PORTS_NAMED) + " more" : "");
    return "; its " + (labels.size() == 1 ? "port " + named + " is" : "ports " + named + " are")
        + " ignored, since the engine publishes nothing for a container on the host's network";
  }
}
