package dev.lashing.rules.security;

import dev.lashing.knowledge.Capabilities;
import dev.lashing.knowledge.KnownImage;
import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Level;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import java.util.ArrayList;
import java.util.List;

/** A container that keeps the engine's default capabilities: {@code cap_drop} does not name {@code ALL}. */
@RuleInfo(
    id = "cap-drop-all",
    summary = "A container keeps the default capabilities (no cap_drop: [ALL])",
    category = Category.SECURITY,
    severity = Severity.MEDIUM,
    production = Level.HIGH,
    development = Level.LOW,
    cis = "5.4",
    cisV15 = "5.3",
    fixable = true,
    patch = PatchCoverage.OPTIONAL)
public final class CapDropAll implements Rule {
  @Override
  public RuleInfo info() {
    return CapDropAllInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      if (!Services.runsContainer(service) || normalized(service.capDrop()).contains("ALL")) {
        continue;
      }
      Fix fix = dropAll(context, service);
      String advice = " (CHOWN, SETUID, SETGID, NET_RAW, DAC_OVERRIDE...), which most services never use; add"
          + " ALL to cap_drop and cap_add back only the ones it needs (often none, or NET_BIND_SERVICE)";
      if (service.capDrop().isEmpty()) {
        context.report(service.nameOrigin(), service.name(), () -> "service '" + service.name()
            + "' keeps the engine's default capabilities" + advice, fix);
      } else {
        context.report(service.keyOrigin("cap_drop").orElse(service.nameOrigin()), service.name(),
            () -> "service '" + service.name() + "' drops only some capabilities and keeps the rest of the default"
            + " set" + advice, fix);
      }
    }
  }

  /** The capabilities of a cap_drop or cap_add list, each as {@link Capabilities#normalize} spells it. */
  private static List<String> normalized(List<Located<String>> written) {
    List<String> names = new ArrayList<>(written.size());
    for (Located<String> capability : written) {
      names.add(Capabilities.normalize(capability.value()));
    }
    return names;
  }

  /**
   * Adds ALL to cap_drop and, for an image the catalog knows, adds back what it needs, as {@code generate} does
   * (PostgreSQL's entrypoint: CHOWN, DAC_OVERRIDE, FOWNER, SETGID, SETUID).
   */
  private static Fix dropAll(RuleContext context, Service service) {
    List<String> needed = new ArrayList<>();
    KnownImage.Runtime runtime = Services.knownRuntime(context, service).orElse(null);
    if (runtime != null) {
      List<String> added = normalized(service.capAdd());
      for (String capability : runtime.capAddFor(service.user() != null)) {
        if (!added.contains(capability)) {
          needed.add(capability);
        }
      }
    }
    return new Fix(needed.isEmpty() ? "add ALL to cap_drop"
        : "add ALL to cap_drop and add back " + String.join(", ", needed) + ", which the image needs",
        Fix.Safety.BEHAVIOUR_CHANGING, () -> {
          List<Fix.Change> changes = new ArrayList<>(1 + needed.size());
          changes.add(new Fix.Append(Services.path(service, "cap_drop"), "ALL"));
          for (String capability : needed) {
            changes.add(new Fix.Append(Services.path(service, "cap_add"), capability));
          }
          return changes;
        });
  }
}
