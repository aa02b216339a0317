package dev.lashing.rules.correctness;

import dev.lashing.knowledge.Signals;
import dev.lashing.lint.Category;
import dev.lashing.lint.LoadProblemRule;
import dev.lashing.source.QuotedValue;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import dev.lashing.source.Diagnostic;
import java.util.regex.Pattern;

/**
 * Reports the values Compose refuses that no other rule covers (bad port specs, invalid booleans, cycles in
 * extends…), and those Compose passes through but the engine refuses when it creates the container: a
 * {@code stop_signal} that is no signal, a {@code container_name} it cannot name a container, memory and CPU limits
 * the engine refuses ({@link RefusedLimits}), CPU scheduler and block I/O settings out of its range
 * ({@link RefusedScheduling}), and image references it cannot read ({@link RefusedImages}). Those are findings at the
 * rule's severity, which a {@code lashing-ignore} comment suppresses, not refusals of the project.
 */
@RuleInfo(
    id = "invalid-value",
    summary = "A value Compose refuses when it loads the project, or the engine when it creates the container",
    category = Category.CORRECTNESS,
    severity = Severity.HIGH)
public final class InvalidValue extends LoadProblemRule {
  /**
   * The container names the engine accepts (its daemon/names.go): at least two characters, a letter or digit first.
   * Compose's schema has the same pattern unanchored, so that any string holding such a name passes it.
   */
  private static final Pattern CONTAINER_NAME = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");

  @Override
  public RuleInfo info() {
    return InvalidValueInfo.INFO;
  }

  @Override
  protected Diagnostic.Kind kind() {
    return Diagnostic.Kind.INVALID_VALUE;
  }

  @Override
  public void check(RuleContext context) {
    super.check(context);
    UnsetVariables unset = new UnsetVariables(context.load());
    for (Service service : context.project().services().values()) {
      Located<String> signal = service.stopSignal();
      if (signal != null && !signal.value().isEmpty() && !Signals.isKnown(signal.value())) {
        context.report(signal.origin(), service.name(), "stop_signal " + signal.value() + " of " + service.name()
            + " is not a signal, so the engine refuses to create the container; use a signal name such as"
            + " SIGTERM, SIGINT or SIGQUIT, or a number from 1 to 64");
      }
      checkContainerName(context, unset, service);
      RefusedLimits.check(context, unset, service);
      RefusedScheduling.check(context, unset, service);
    }
    RefusedImages.check(context, unset);
  }

  /** A name left invalid only by variables the project does not set is unset-variable's to report. */
  private static void checkContainerName(RuleContext context, UnsetVariables unset, Service service) {
    Located<String> name = service.containerName();
    if (name == null || CONTAINER_NAME.matcher(name.value()).matches()
        || unset.readBy(name.origin().at())) {
      return;
    }
    context.report(name.origin(), service.name(), () -> "container_name '" + QuotedValue.of(name.value()) + "' of "
        + service.name()
        + " is not a name the engine accepts (\"only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\", at least two"
        + " characters), so docker compose cannot create the container; use letters, digits, '_', '.' and '-'", null);
  }
}
