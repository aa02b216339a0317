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

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      if (service.networkMode() != null && service.networkMode().isHost()) {
        context.report(service.networkMode().origin(), service.name(), "service '" + service.name()
            + "' uses network_mode: host" + RISK + "; put it on a project network and publish only the ports"
            + " it serves");
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
}
