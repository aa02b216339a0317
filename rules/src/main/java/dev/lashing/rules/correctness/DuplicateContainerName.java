package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import java.util.HashMap;
import java.util.Map;

/** Two services with the same container_name cannot both run: the second fails to create its container. */
@RuleInfo(
    id = "duplicate-container-name",
    summary = "Two services set the same container_name",
    category = Category.CORRECTNESS,
    severity = Severity.HIGH)
public final class DuplicateContainerName implements Rule {
  @Override
  public RuleInfo info() {
    return DuplicateContainerNameInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    Map<String, String> firstUser = new HashMap<>();
    for (Service service : context.project().services().values()) {
      Located<String> name = service.containerName();
      if (name == null) {
        continue;
      }
      String earlier = firstUser.putIfAbsent(name.value(), service.name());
      if (earlier != null) {
        context.report(name.origin(), service.name(), "container_name '" + name.value()
            + "' is already used by service '" + earlier + "'; the second container cannot be created");
      }
    }
  }
}
