package dev.lashing.lint;

import java.util.List;

/**
 * A set of rules, found through {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.lashing.lint.RulePack} of your jar and put it on the class path.
 */
public interface RulePack {
  List<Rule> rules();
}
