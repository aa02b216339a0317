package dev.lashing.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import org.junit.jupiter.api.Test;

class NetworkRulesTest {

  @Test
  void listsTheNetworkRulesSortedById() {
    assertThat(NetworkRules.all()).extracting(r -> r.info().id()).isSorted().containsExactly(
        "default-bridge", "implicit-default-network", "internal-service-published", "port-all-interfaces");
    assertThat(NetworkRules.all()).extracting((Rule r) -> r.info().category()).containsOnly(Category.NETWORK);
  }
}
