package dev.lashing.rules.network;

import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Level;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.NamespaceMode;
import dev.lashing.model.Service;
import java.util.List;

/**
 * {@code network_mode: bridge} puts the container on the engine's built-in {@code docker0} bridge: shared with every
 * other such container on the host, and without DNS between services.
 */
@RuleInfo(
    id = "default-bridge",
    summary = "A service uses the engine's default bridge network (network_mode: bridge)",
    category = Category.NETWORK,
    severity = Severity.MEDIUM,
    production = Level.HIGH,
    development = Level.LOW,
    cis = "5.30",
    cisV15 = "5.29",
    fixable = true,
    patch = PatchCoverage.DEFAULT)
public final class DefaultBridge implements Rule {
  @Override
  public RuleInfo info() {
    return DefaultBridgeInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      NamespaceMode mode = service.networkMode();
      if (mode == null || mode.kind() != NamespaceMode.Kind.BRIDGE) {
        continue;
      }
      context.report(mode.origin(), service.name(),
          service.name() + " uses network_mode: bridge, the engine's default bridge that every container on the "
              + "host can share and that has no service-name DNS; remove network_mode so it joins a project network",
          new Fix("remove network_mode: bridge", Fix.Safety.BEHAVIOUR_CHANGING,
              () -> List.of(new Fix.Remove(List.of("services", service.name(), "network_mode")))));
    }
  }
}
