package dev.lashing.cli;

import dev.lashing.api.Lashing;
import dev.lashing.lint.RuleRegistry;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/** The rule packs a command runs: every pack on the class path. */
public final class InstalledRules {
  private InstalledRules() {}

  /**
   * Lashing with the rule packs on the class path. When that is one jar (bin/lashing runs Lashing's own, whose
   * build merges every pack's provider list into one), the packs are those its list names, looked up in that jar
   * alone: the ServiceLoader would look in every jar its manifest names too, and the distribution's second jar
   * (the libraries a lint never loads, 2,700 entries) would be opened and its directory read before each lint.
   */
  public static Lashing lashing() {
    return new Lashing(oneJar(System.getProperty("java.class.path", ""))
        ? RuleRegistry.discover(new FirstCopyLoader(InstalledRules.class.getClassLoader()))
        : RuleRegistry.discover());
  }

  static boolean oneJar(String classPath) {
    return !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar");
  }

  /** A class loader that finds the first copy of a resource only; classes it leaves to its parent. */
  static final class FirstCopyLoader extends ClassLoader {
    FirstCopyLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      URL first = getParent().getResource(name);
      return first == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singletonList(first));
    }
  }
}
