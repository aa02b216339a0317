package dev.lashing.rules.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import org.junit.jupiter.api.Test;

class ResourceRulesTest {

  @Test
  void listsTheResourceAndReliabilityRulesSortedById() {
    assertThat(ResourceRules.all()).extracting(r -> r.info().id()).isSorted().containsExactly(
        "cpu-limit", "depends-on-healthy", "healthcheck-disabled", "healthcheck-missing", "log-rotation",
        "logging-disabled", "memory-limit", "pids-limit", "restart-policy");
    assertThat(ResourceRules.all()).extracting((Rule r) -> r.info().category())
        .containsOnly(Category.RESOURCES, Category.RELIABILITY);
  }
}
