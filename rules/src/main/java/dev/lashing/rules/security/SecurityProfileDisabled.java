package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Service;

/**
 * A {@code security_opt} item that switches off one of the engine's confinements: seccomp or AppArmor
 * {@code unconfined}, SELinux {@code label:disable} or the unconfined {@code spc_t} type,
 * {@code systempaths=unconfined} and {@code writable-cgroups=true}. Each item is reported.
 */
@RuleInfo(
    id = "security-profile-disabled",
    summary = "A security_opt item turns off seccomp, AppArmor, SELinux or the engine's masked paths",
    category = Category.SECURITY,
    severity = Severity.HIGH,
    cis = "5.2, 5.3, 5.22",
    cisV15 = "5.1, 5.2, 5.21")
public final class SecurityProfileDisabled implements Rule {
  @Override
  public RuleInfo info() {
    return SecurityProfileDisabledInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      for (SecurityOption option : SecurityOption.of(service.securityOpt())) {
        String risk = risk(option);
        if (risk != null) {
          context.report(option.item().origin(), service.name(), "service '" + service.name() + "' sets "
              + option.item().value() + ": " + risk);
        }
      }
    }
  }

  /** What the option gives up and what to do instead, or null when it confines nothing less. */
  private static String risk(SecurityOption option) {
    String value = option.value() == null ? "" : option.value();
    boolean unconfined = value.equals("unconfined");
    if (option.key().equals("seccomp") && unconfined) {
      return "every system call reaches the host kernel, including the ones the default profile blocks (mount,"
          + " keyctl, bpf, unshare...); remove it, or give a profile that allows only the extra calls the service"
          + " needs";
    }
    if (option.key().equals("apparmor") && unconfined) {
      return "the container runs without the AppArmor profile that keeps it away from /proc, /sys and mount;"
          + " remove it, or name a profile written for the service";
    }
    if (option.key().equals("disable") || option.key().equals("label") && value.equals("disable")) {
      return "SELinux separation is off, so a process that escapes the container is not confined by its label;"
          + " remove it, and relabel the mounts the service needs with :z or :Z";
    }
    if (option.key().equals("label") && value.matches("type:(spc_t|unconfined_t)")) {
      return "the container runs under an unconfined SELinux type; remove it, or use a type written for the"
          + " service";
    }
    if (option.key().equals("systempaths") && unconfined) {
      return "the engine no longer masks /proc/kcore, /proc/sysrq-trigger and the other kernel files it hides;"
          + " remove it";
    }
    if (option.key().equals("writable-cgroups") && Boolean.TRUE.equals(option.flag())) {
      return "the container can write /sys/fs/cgroup and change its own resource limits; remove it";
    }
    return null;
  }
}
