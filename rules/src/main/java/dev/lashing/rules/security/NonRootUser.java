package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Level;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleRole;
import dev.lashing.lint.Severity;
import dev.lashing.model.Service;

/**
 * A container that runs as root, or may: {@code user} is absent or blank (the image decides, and most
 * images choose root), or names root ({@code root}, {@code 0}, {@code 0:0}, {@code root:staff}...).
 */
@RuleInfo(
    id = "non-root-user",
    summary = "A container runs as root, or leaves its user to the image",
    category = Category.SECURITY,
    severity = Severity.MEDIUM,
    development = Level.LOW,
    cis = "4.1",
    cisV15 = "4.1",
    roles = RuleRole.ROOT_USER)
public final class NonRootUser implements Rule {
  @Override
  public RuleInfo info() {
    return NonRootUserInfo.INFO;
  }

  private static final String RISK = ": a process that breaks out of the application, or out of the"
      + " container, is root; set user: to an unprivileged UID:GID the image can run as (e.g. \"1000:1000\")";

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      if (!Services.runsContainer(service)) {
        continue;
      }
      if (service.user() == null) {
        context.report(service.nameOrigin(), service.name(), () -> "service '" + service.name() + "' sets no user,"
            + " so it runs as the image's default user, which is root unless the image says otherwise" + RISK, null);
      } else if (service.user().value().isBlank()) {
        context.report(service.user().origin(), service.name(), "service '" + service.name() + "' sets user to"
            + " an empty value, so it runs as the image's default user, which is root unless the image says"
            + " otherwise" + RISK);
      } else if (isRoot(service.user().value())) {
        context.report(service.user().origin(), service.name(), "service '" + service.name() + "' runs as user '"
            + service.user().value() + "', which is root" + RISK);
      }
    }
  }

  /** {@code root} or UID 0, with any group. */
  private static boolean isRoot(String user) {
    String name = user.trim();
    int colon = name.indexOf(':');
    name = colon < 0 ? name : name.substring(0, colon);
    return name.equals("root") || name.matches("0+");
  }
}
