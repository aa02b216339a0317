package dev.lashing.rules.security;

import static java.util.Map.entry;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import java.util.Map;

/**
 * A {@code cap_add} item that gives the container power over the host kernel or other processes, in any
 * spelling ({@code SYS_ADMIN}, {@code CAP_SYS_ADMIN}, {@code sys_admin}). Each item is reported.
 */
@RuleInfo(
    id = "dangerous-capability",
    summary = "A container is given a capability that opens a way to the host",
    category = Category.SECURITY,
    severity = Severity.HIGH,
    cis = "5.4",
    cisV15 = "5.3")
public final class DangerousCapability implements Rule {
  /** What each dangerous capability allows. */
  private static final Map<String, String> RISKS = Map.ofEntries(
      entry("ALL", "every capability, nearly the same as privileged: true"),
      entry("SYS_ADMIN", "mounting filesystems, namespaces and a long list of kernel operations: the usual"
          + " way out of a container"),
      entry("SYS_MODULE", "loading kernel modules, that is running code in the host kernel"),
      entry("SYS_RAWIO", "raw I/O ports and memory access (/dev/mem, iopl)"),
      entry("SYS_PTRACE", "tracing other processes: reading their memory and secrets, and injecting code"),
      entry("SYS_TIME", "setting the host's clock, which breaks TLS, tokens and logs"),
      entry("SYS_BOOT", "rebooting the host and loading a new kernel"),
      entry("NET_ADMIN", "reconfiguring interfaces, routes and firewall rules, and sniffing traffic"),
      entry("DAC_READ_SEARCH", "reading any file and opening files by handle, which lets it read host files"
          + " outside the container (the 'shocker' escape)"),
      entry("MAC_ADMIN", "changing the AppArmor or SELinux policy"),
      entry("MAC_OVERRIDE", "bypassing AppArmor or SELinux"),
      entry("BPF", "loading eBPF programs into the host kernel"),
      entry("PERFMON", "tracing the kernel and reading its memory layout"),
      entry("SYSLOG", "reading the kernel log, which leaks kernel addresses"),
      entry("AUDIT_CONTROL", "changing or disabling the host's audit rules"),
      entry("LINUX_IMMUTABLE", "clearing the immutable and append-only flags that protect files"));

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      for (Located<String> capability : service.capAdd()) {
        String risk = RISKS.get(Capabilities.normalize(capability.value()));
        if (risk != null) {
          context.report(capability.origin(), service.name(), "service '" + service.name() + "' adds capability "
              + capability.value() + ": it grants " + risk + "; remove it, or run the task that needs it in a"
              + " separate, short-lived container");
        }
      }
    }
  }
}
