package dev.lashing.knowledge;

import static java.util.Map.entry;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Linux capabilities as the engine reads them, and those that open a way to the host. */
public final class Capabilities {
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

  private Capabilities() {}

  /** {@code cap_sys_admin}, {@code CAP_SYS_ADMIN} and {@code sys_admin} are all {@code SYS_ADMIN}. */
  public static String normalize(String written) {
    String name = written.trim().toUpperCase(Locale.ROOT);
    return name.startsWith("CAP_") ? name.substring(4) : name;
  }

  /** What a capability, in any spelling, grants that opens a way to the host; empty for a harmless one. */
  public static Optional<String> risk(String written) {
    return Optional.ofNullable(RISKS.get(normalize(written)));
  }
}
