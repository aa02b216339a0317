package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Located;
import dev.lashing.model.Mount;
import dev.lashing.model.Service;

/**
 * A bind mount whose propagation lets mounts cross between host and container: {@code shared} and
 * {@code rshared} both ways, {@code slave} and {@code rslave} from the host in.
 */
@RuleInfo(
    id = "shared-propagation",
    summary = "A bind mount propagates mounts between the host and the container",
    category = Category.SECURITY,
    severity = Severity.MEDIUM,
    cis = "5.20",
    cisV15 = "5.19")
public final class SharedPropagation implements Rule {
  @Override
  public RuleInfo info() {
    return SharedPropagationInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      for (Mount mount : service.volumes()) {
        Located<String> propagation = mount.bind() == null ? null : mount.bind().propagation();
        if (propagation == null || mount.source() == null) {
          continue;
        }
        String on = "service '" + service.name() + "' mounts " + mount.source().value() + " with "
            + propagation.value() + " propagation: ";
        switch (propagation.value()) {
          case "shared", "rshared" -> context.report(propagation.origin(), service.name(), on
              + "mounts the container makes there appear on the host, and the host's in the container; use the"
              + " default (rprivate), or rslave if the service must see the host's later mounts");
          case "slave", "rslave" -> context.report(propagation.origin(), service.name(), on
              + "mounts the host makes later there appear in the container; use the default (rprivate) unless"
              + " the service is a host agent that must see them");
          default -> { }
        }
      }
    }
  }
}
