package dev.lashing.rules.security;

import dev.lashing.lint.Rule;
import java.util.List;

/** The security rules, sorted by id. */
public final class SecurityRules {
  private SecurityRules() {}

  public static List<Rule> all() {
    return List.of(
        // keep-sorted start
        new CapDropAll(),
        new CgroupParent(),
        new DangerousCapability(),
        new DangerousDevice(),
        new DockerSocket(),
        new HostNamespace(),
        new HostNetwork(),
        new NoNewPrivileges(),
        new NonRootUser(),
        new Privileged(),
        new PrivilegedPort(),
        new ReadOnlyRootfs(),
        new SecretInCommand(),
        new SecretInEnvironment(),
        new SecretInUrl(),
        new SecurityProfileDisabled(),
        new SensitiveMount(),
        new SharedPropagation(),
        new TmpfsExec()
        // keep-sorted end
        );
  }
}
