package dev.lashing.rules.supplychain;

import dev.lashing.lint.Rule;
import java.util.List;

/** The supply-chain rules of the built-in pack, sorted by id. */
public final class SupplyChainRules {
  private SupplyChainRules() {}

  public static List<Rule> all() {
    return List.of(
        new ImageAllowlist(),
        new ImageDigest(),
        new ImageMutableTag());
  }
}
