package dev.lashing.rules.resources;

import dev.lashing.knowledge.JobNames;
import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Level;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.Severity;
import dev.lashing.model.Restart;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The restart policy the engine gets ({@code deploy.restart_policy} wins over {@code restart}) against what the
 * policy expects: under default and production a long-running service must come back after a crash or a reboot,
 * and production wants exactly {@code unless-stopped} (back after a daemon restart, but down when an operator
 * stops it; option {@code accept_always} lets {@code always} pass); under development nothing should start by
 * itself with Docker. Under every policy, {@code on-failure} needs a retry cap, and a one-shot job must not be
 * restarted after it completes.
 */
@RuleInfo(
    id = "restart-policy",
    summary = "A service's restart policy does not suit the policy, restarts without a cap, or restarts a job",
    category = Category.RELIABILITY,
    severity = Severity.MEDIUM,
    production = Level.HIGH,
    development = Level.LOW,
    cis = "5.15",
    cisV15 = "5.14",
    fixable = true,
    patch = PatchCoverage.DEFAULT)
public final class RestartPolicy implements Rule {
  @Override
  public RuleInfo info() {
    return RestartPolicyInfo.INFO;
  }

  private static final long MAX_RETRIES = 5;
  /** What the retry cap changes, said in its fix: the service no longer comes back by itself. */
  private static final String GIVES_UP = "; after " + MAX_RETRIES + " failed restarts the service stays down";

  @Override
  public List<RuleOption> options() {
    return List.of(new RuleOption("accept_always", RuleOption.Type.FLAG,
        "under production, accept restart: always (and condition: any) for long-running services"));
  }

  @Override
  public void check(RuleContext context) {
    Set<String> jobs = Containers.oneShots(context.project());
    for (Service service : Containers.of(context.project())) {
      Restart restart = service.effectiveRestart().orElse(null);
      Restart.Policy policy = restart == null ? Restart.Policy.NO : restart.policy();
      boolean job = jobs.contains(service.name());
      // a job named as one (a migrator nobody waits for) is not asked for a policy, and under production keeps its
      // own: unless-stopped would run it again after every exit
      boolean namedJob = JobNames.marksJob(service.name());
      boolean keepsRestarting = policy == Restart.Policy.ALWAYS || policy == Restart.Policy.UNLESS_STOPPED;
      boolean uncapped = policy == Restart.Policy.ON_FAILURE
          && (restart.maxRetries() == null || restart.maxRetries() <= 0);
      boolean notUnlessStopped = policy == Restart.Policy.ALWAYS && !context.options().flag("accept_always", false)
          || uncapped;
      String refusal = restart == null ? null : restart.refusal().orElse(null);
      if (policy == Restart.Policy.OTHER) {
        report(context, service, restart, () -> "has " + describe(service, restart) + ", which is " + refusal
            + ", so it refuses to create the container; use \"no\", always, on-failure:N or unless-stopped",
            set(service, context.policy() == Policy.DEVELOPMENT ? "no" : "unless-stopped"));
      } else if (refusal != null && policy == Restart.Policy.ON_FAILURE) {
        report(context, service, restart, () -> "has " + describe(service, restart) + ", " + refusal
            + ", so it does not create the container; cap the retries at " + MAX_RETRIES, capRetries(service));
      } else if (refusal != null) {
        report(context, service, restart, () -> "has " + describe(service, restart) + ", " + refusal
            + ", so it does not create the container; " + (hasDeployPolicy(service) ? "remove max_attempts"
            : "write restart: " + restart.text().substring(0, restart.text().indexOf(':'))), dropCount(service,
            restart));
      } else if (context.policy() == Policy.PRODUCTION && !job && !namedJob && notUnlessStopped) {
        report(context, service, restart, () -> "restarts with " + describe(service, restart) + (uncapped
            ? ", without limit while it keeps failing" + unread(restart) : ", so it starts again when Docker does even after an "
            + "operator stopped it") + "; production stacks run restart: unless-stopped", unlessStopped(service));
      } else if (uncapped) {
        report(context, service, restart, () -> "restarts without limit while it keeps failing ("
            + describe(service, restart) + unread(restart) + "); cap the retries at " + MAX_RETRIES,
            capRetries(service));
      } else if (job && keepsRestarting) {
        report(context, service, restart, () -> "runs once (another service waits for it to complete), but "
            + describe(service, restart) + " starts it again each time it exits; use restart: \"no\" or on-failure",
            set(service, "no"));
      } else if (context.policy() == Policy.DEVELOPMENT && keepsRestarting) {
        report(context, service, restart, () -> "starts by itself whenever Docker starts (" + describe(service, restart)
            + "), holding its ports and memory on a development machine; use restart: \"no\"", set(service, "no"));
      } else if (context.policy() != Policy.DEVELOPMENT && !job && !namedJob && policy == Restart.Policy.NO) {
        String problem = restart == null
            ? "has no restart policy"
            : "is never restarted (" + describe(service, restart) + ")";
        report(context, service, restart, () -> problem + ", so it stays down after a crash or a Docker restart; set "
            + "restart: unless-stopped", context.policy() == Policy.PRODUCTION ? unlessStopped(service)
            : set(service, "unless-stopped"));
      }
    }
  }

  private static void report(RuleContext context, Service service, Restart restart, Supplier<String> message,
      Fix fix) {
    Origin at = restart == null ? service.nameOrigin() : restart.origin();
    context.report(at, service.name(), () -> service.name() + " " + message.get(), fix);
  }

  /** The value as written, and where: deploy.restart_policy overrides restart when both are written. */
  private static String describe(Service service, Restart restart) {
    if (!hasDeployPolicy(service)) {
      return "restart: " + restart.text();
    }
    String written = restart.text().isEmpty()
        ? "deploy.restart_policy without a condition"
        : "deploy.restart_policy condition " + restart.text();
    return service.restart() == null ? written : written + ", which overrides restart: " + service.restart().text();
  }

  /**
   * Sets restart to unless-stopped; deploy.restart_policy, which would win over it and has no such condition, is
   * removed (with deploy when nothing else is left in it).
   */
  private static Fix unlessStopped(Service service) {
    List<String> restart = List.of("services", service.name(), "restart");
    if (hasDeployPolicy(service)) {
      List<String> removed = service.deploy().hasOnlyRestartPolicy()
          ? List.of("services", service.name(), "deploy")
          : List.of("services", service.name(), "deploy", "restart_policy");
      return new Fix("set restart to unless-stopped instead of deploy.restart_policy", Fix.Safety.SAFE,
          () -> List.of(new Fix.Remove(removed), new Fix.Set(restart, "unless-stopped")));
    }
    return new Fix("set restart to unless-stopped", Fix.Safety.SAFE,
        () -> List.of(new Fix.Set(restart, "unless-stopped")));
  }

  /** Sets the value the engine will use: in deploy.restart_policy when that is written, since it wins. */
  private static Fix set(Service service, String value) {
    if (hasDeployPolicy(service)) {
      String condition = value.equals("no") ? "none" : "any";
      return new Fix("set deploy.restart_policy.condition to " + condition, Fix.Safety.SAFE,
          () -> List.of(new Fix.Set(deployPolicyPath(service, "condition"), condition)));
    }
    return new Fix("set restart to " + value, Fix.Safety.SAFE,
        () -> List.of(new Fix.Set(List.of("services", service.name(), "restart"), value)));
  }

  private static Fix capRetries(Service service) {
    if (hasDeployPolicy(service)) {
      return new Fix("set deploy.restart_policy.max_attempts to " + MAX_RETRIES + GIVES_UP, Fix.Safety.SAFE,
          () -> List.of(new Fix.Set(deployPolicyPath(service, "max_attempts"), MAX_RETRIES)));
    }
    return new Fix("set restart to on-failure:" + MAX_RETRIES + GIVES_UP, Fix.Safety.SAFE,
        () -> List.of(new Fix.Set(List.of("services", service.name(), "restart"), "on-failure:" + MAX_RETRIES)));
  }

  /** A count Compose drops, said: the engine then gets on-failure with no limit. */
  private static String unread(Restart restart) {
    return restart.unreadCount().map(count -> ", where Compose reads no count from '" + count + "' and passes none")
        .orElse("");
  }

  /** Removes the retry count the engine takes only with on-failure, keeping the policy. */
  private static Fix dropCount(Service service, Restart restart) {
    if (hasDeployPolicy(service)) {
      return new Fix("remove deploy.restart_policy.max_attempts", Fix.Safety.SAFE,
          () -> List.of(new Fix.Remove(deployPolicyPath(service, "max_attempts"))));
    }
    String name = restart.text().substring(0, restart.text().indexOf(':'));
    return new Fix("set restart to " + name, Fix.Safety.SAFE,
        () -> List.of(new Fix.Set(List.of("services", service.name(), "restart"), name)));
  }

  private static boolean hasDeployPolicy(Service service) {
    return service.deploy() != null && service.deploy().restartPolicy() != null;
  }

  private static List<String> deployPolicyPath(Service service, String key) {
    return List.of("services", service.name(), "deploy", "restart_policy", key);
  }
}
