package dev.lashing.rules.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import org.junit.jupiter.api.Test;

class SupplyChainRulesTest {

  @Test
  void listsTheSupplyChainRulesSortedById() {
    assertThat(SupplyChainRules.all()).extracting(r -> r.info().id()).isSorted()
        .containsExactly("image-allowlist", "image-digest", "image-mutable-tag");
    assertThat(SupplyChainRules.all()).extracting((Rule r) -> r.info().category())
        .containsOnly(Category.SUPPLY_CHAIN);
  }
}
