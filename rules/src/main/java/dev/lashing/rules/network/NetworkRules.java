package dev.lashing.rules.network;

import dev.lashing.lint.Rule;
import java.util.List;

/** The network rules of the built-in pack, sorted by id. */
public final class NetworkRules {
  private NetworkRules() {}

  public static List<Rule> all() {
    return List.of(
        new DefaultBridge(),
        new ImplicitDefaultNetwork(),
        new InternalServicePublished(),
        new PortAllInterfaces());
  }
}
