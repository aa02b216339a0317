package dev.lashing.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {
  @RuleInfo(id = "b-gateway", summary = "b", category = Category.NETWORK, severity = Severity.LOW,
      roles = {RuleRole.GATEWAYS, RuleRole.ALL_INTERFACES, RuleRole.GATEWAYS})
  static final class B implements Rule {
    @Override
    public void check(RuleContext context) {}
  }

  @RuleInfo(id = "a-interfaces", summary = "a", category = Category.NETWORK, severity = Severity.LOW,
      roles = RuleRole.ALL_INTERFACES)
  static final class A implements Rule {
    @Override
    public void check(RuleContext context) {}
  }

  @RuleInfo(id = "c-plain", summary = "c", category = Category.NETWORK, severity = Severity.LOW)
  static final class C implements Rule {
    @Override
    public void check(RuleContext context) {}
  }

  private static final RuleRegistry REGISTRY = new RuleRegistry(List.of(new C(), new B(), new A()));

  @Test
  void sortsRulesById() {
    assertThat(REGISTRY.rules()).extracting(r -> r.info().id()).containsExactly("a-interfaces", "b-gateway", "c-plain");
  }

  @Test
  void findsTheRulesOfARoleSortedAndOnce() {
    assertThat(REGISTRY.idsWith(RuleRole.ALL_INTERFACES)).containsExactly("a-interfaces", "b-gateway");
    assertThat(REGISTRY.idsWith(RuleRole.GATEWAYS)).containsExactly("b-gateway");
    assertThat(REGISTRY.idsWith(RuleRole.DIGEST_LOCK)).isEmpty();
    assertThat(REGISTRY.idWith(RuleRole.GATEWAYS)).contains("b-gateway");
    assertThat(REGISTRY.idWith(RuleRole.PROJECT_NETWORK)).isEmpty();
  }

  @Test
  void refusesARoleThatSeveralRulesDeclareWhereOneIsExpected() {
    assertThatThrownBy(() -> REGISTRY.idWith(RuleRole.ALL_INTERFACES))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a-interfaces, b-gateway");
  }
}
