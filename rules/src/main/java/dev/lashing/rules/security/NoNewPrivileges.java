package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Level;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Service;
import java.util.List;

/**
 * A container whose processes may gain privileges through setuid binaries or file capabilities:
 * {@code security_opt} lacks {@code no-new-privileges} ({@code no-new-privileges}, {@code :true} and
 * {@code =true} all count), or turns it off.
 */
@RuleInfo(
    id = "no-new-privileges",
    summary = "A container's processes can gain privileges (no-new-privileges is not set)",
    category = Category.SECURITY,
    severity = Severity.MEDIUM,
    production = Level.HIGH,
    development = Level.LOW,
    cis = "5.26",
    cisV15 = "5.25",
    fixable = true,
    patch = PatchCoverage.DEFAULT)
public final class NoNewPrivileges implements Rule {
  @Override
  public RuleInfo info() {
    return NoNewPrivilegesInfo.INFO;
  }

  private static final String OPTION = "no-new-privileges";
  private static final String ENABLED = OPTION + ":true";

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      if (!Services.runsContainer(service)) {
        continue;
      }
      // The engine applies the items in order; the last one decides.
      SecurityOption last = null;
      for (SecurityOption option : SecurityOption.of(service.securityOpt())) {
        if (option.key().equals(OPTION)) {
          last = option;
        }
      }
      if (last == null) {
        Fix fix = new Fix("add " + ENABLED + " to security_opt", Fix.Safety.SAFE,
            () -> List.of(new Fix.Append(Services.path(service, "security_opt"), ENABLED)));
        context.report(service.keyOrigin("security_opt").orElse(service.nameOrigin()), service.name(),
            () -> "service '" + service.name() + "' does not set " + ENABLED + ": a setuid binary or file capability"
            + " in the image (su, sudo, ping...) can raise a process's privileges; add it to security_opt",
            fix);
        continue;
      }
      Boolean enabled = last.flag();
      if (Boolean.TRUE.equals(enabled)) {
        continue;
      }
      int index = last.index();
      Fix fix = new Fix("write " + ENABLED, Fix.Safety.BEHAVIOUR_CHANGING,
          () -> List.of(new Fix.ReplaceItem(Services.path(service, "security_opt"), index, ENABLED)));
      String problem = enabled != null
          ? "turns no-new-privileges off, so setuid binaries and file capabilities can raise a process's"
              + " privileges"
          : "has '" + last.item().value() + "', which the engine rejects (the value must be true or false)";
      context.report(last.item().origin(), service.name(), () -> "service '" + service.name() + "' " + problem
          + "; write " + ENABLED, fix);
    }
  }
}
