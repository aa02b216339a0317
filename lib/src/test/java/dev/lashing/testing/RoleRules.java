package dev.lashing.testing;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleRole;
import dev.lashing.lint.Severity;
import java.util.List;

/**
 * Rules that only declare the roles lib asks for, under the built-in pack's ids (lib's tests cannot see the
 * pack): what generate names in its lashing-ignore comments.
 */
public final class RoleRules {
  private RoleRules() {}

  public static RuleRegistry registry() {
    return new RuleRegistry(List.of(new RootUser(), new WritableRoot(), new PrivilegedPort(), new AllInterfaces(),
        new Gateways()));
  }

  private abstract static class Silent implements Rule {
    @Override
    public void check(RuleContext context) {}
  }

  @RuleInfo(id = "non-root-user", summary = "s", category = Category.SECURITY, severity = Severity.MEDIUM,
      roles = RuleRole.ROOT_USER)
  private static final class RootUser extends Silent {}

  @RuleInfo(id = "read-only-rootfs", summary = "s", category = Category.SECURITY, severity = Severity.LOW,
      roles = RuleRole.WRITABLE_ROOT)
  private static final class WritableRoot extends Silent {}

  @RuleInfo(id = "privileged-port", summary = "s", category = Category.SECURITY, severity = Severity.LOW,
      roles = RuleRole.PRIVILEGED_PORT)
  private static final class PrivilegedPort extends Silent {}

  @RuleInfo(id = "port-all-interfaces", summary = "s", category = Category.NETWORK, severity = Severity.MEDIUM,
      roles = RuleRole.ALL_INTERFACES)
  private static final class AllInterfaces extends Silent {}

  @RuleInfo(id = "internal-service-published", summary = "s", category = Category.NETWORK,
      severity = Severity.MEDIUM, roles = RuleRole.GATEWAYS)
  private static final class Gateways extends Silent {}
}
