package dev.lashing.cli;

import dev.lashing.api.Lashing;
import dev.lashing.lint.EngineRules;
import dev.lashing.lint.RulePack;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.rules.BuiltInRules;
import java.io.File;
import java.util.List;

/** The rule packs a command runs: every pack on the class path. */
public final class InstalledRules {
  private InstalledRules() {}

  /**
   * Lashing with the rule packs on the class path. When that is one jar (bin/lashing runs Lashing's own, whose
   * build merges every pack's provider list into one), the packs are Lashing's own, made here: the
   * ServiceLoader would open the jar to read that list, a tenth of a short run when the classes come from the
   * ahead-of-time cache and nothing else needs the jar yet (and it would look in the distribution's second jar
   * too, the libraries a lint never loads, 2,700 entries). A test checks that these are the packs the merged
   * list names.
   */
  public static Lashing lashing() {
    return new Lashing(oneJar(System.getProperty("java.class.path", ""))
        ? RuleRegistry.of(bundledPacks())
        : RuleRegistry.discover());
  }

  static boolean oneJar(String classPath) {
    return !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar");
  }

  /** The packs whose provider lists Lashing's own jar merges: the engine's and the rules module's. */
  static List<RulePack> bundledPacks() {
    return List.of(new EngineRules(), new BuiltInRules());
  }
}
