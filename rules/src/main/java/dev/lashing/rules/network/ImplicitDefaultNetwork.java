package dev.lashing.rules.network;

import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Level;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.RuleRole;
import dev.lashing.lint.Severity;
import dev.lashing.model.Network;
import dev.lashing.model.Service;
import dev.lashing.model.ServiceNetwork;
import dev.lashing.source.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service on the project's implicit {@code default} network, which every service joins unless told otherwise:
 * one flat network where everything reaches everything. Named networks make the tiers explicit. A project that
 * configures {@code networks.default} (a name, a driver) has decided on it, and is not reported.
 */
@RuleInfo(
    id = "implicit-default-network",
    summary = "A service relies on the project's implicit default network instead of named networks",
    category = Category.NETWORK,
    severity = Severity.LOW,
    production = Level.LOW,
    cis = "5.30",
    cisV15 = "5.29",
    fixable = true,
    optIn = true,
    patch = PatchCoverage.DEFAULT,
    roles = RuleRole.PROJECT_NETWORK)
public final class ImplicitDefaultNetwork implements Rule {
  @Override
  public RuleInfo info() {
    return ImplicitDefaultNetworkInfo.INFO;
  }

  private static final String DEFAULT_NETWORK = "app_network";

  @Override
  public List<RuleOption> options() {
    return List.of(new RuleOption("network", RuleOption.Type.NETWORK,
        "the named network the fix puts services on (default " + DEFAULT_NETWORK + ")"));
  }

  @Override
  public void check(RuleContext context) {
    String configured = context.options().string("network", null);
    String network = configured != null ? configured : DEFAULT_NETWORK;
    boolean declared = context.project().networks().containsKey(network);
    // A network the configuration names is the user's choice, whatever its kind; the fix's own default is taken
    // only where it is free or a bridge of the project's own.
    boolean fixable = configured != null || context.project().mayMoveServicesOnto(network);
    if (configuresDefault(context.project().networks().get("default"))) {
      return;
    }
    for (Service service : context.project().services().values()) {
      if (!service.usesDefaultNetwork()) {
        continue;
      }
      ServiceNetwork listed = service.networks().get("default");
      // The loader adds `default` for a service without networks, at the service's own position.
      boolean written = listed != null && !listed.nameOrigin().equals(service.origin());
      Origin at = written ? listed.nameOrigin() : service.nameOrigin();
      String how = written ? "lists the default network" : "declares no networks, so it joins the default network";
      context.report(at, service.name(),
          service.name() + " " + how + ", which every service of the project shares; attach it to named networks "
              + "(for example " + network + ") that only the services it talks to join",
          fixable
              ? new Fix("attach " + service.name() + " to the network " + network, Fix.Safety.BEHAVIOUR_CHANGING,
                  () -> attach(service, network, written, declared))
              : null);
    }
  }

  /**
   * The project gives {@code networks.default} a name, a driver, driver options, IPAM or makes it external: the
   * default network is then the stack's own, decided network, not an accident. (The loader names an unnamed one
   * {@code <project>_default} at its key's position.)
   */
  private static boolean configuresDefault(Network network) {
    if (network == null) {
      return false;
    }
    boolean named = network.name() != null && !network.name().origin().equals(network.keyOrigin());
    return named || network.driver() != null || !network.driverOpts().isEmpty() || network.ipam() != null
        || network.external() != null;
  }

  /** Replaces {@code default} by the named network on the service, and declares that network when needed. */
  private static List<Fix.Change> attach(Service service, String network, boolean written, boolean declared) {
    List<String> networks = List.of("services", service.name(), "networks");
    List<Fix.Change> changes = new ArrayList<>();
    if (!written) {
      changes.add(new Fix.Set(networks, List.of(network)));
    } else {
      changes.add(new Fix.Remove(child(networks, "default")));
      if (!service.networks().containsKey(network)) {
        changes.add(new Fix.Set(child(networks, network), null));
      }
    }
    if (!declared) {
      changes.add(new Fix.Set(List.of("networks", network), Map.of()));
    }
    return changes;
  }

  private static List<String> child(List<String> path, String key) {
    List<String> child = new ArrayList<>(path);
    child.add(key);
    return child;
  }
}
