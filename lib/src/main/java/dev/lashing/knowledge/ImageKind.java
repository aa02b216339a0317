package dev.lashing.knowledge;

/**
 * What kind of server an image runs, with the resource limits Lashing proposes for it: lint's memory-limit and
 * cpu-limit fixes, a patch and a generated stack all start from these.
 */
public enum ImageKind {
  DATABASE("database", "a database", 2L << 30, 1.0),
  CACHE("cache", "a cache", 512L << 20, 0.5),
  OBJECT_STORE("object_store", "an object store", 1L << 30, 0.5),
  GATEWAY("gateway", "a gateway", 512L << 20, 0.5),
  OTHER("other", "any other image", 512L << 20, 0.5);

  private final String option;
  private final String noun;
  private final long memory;
  private final double cpus;

  ImageKind(String option, String noun, long memory, double cpus) {
    this.option = option;
    this.noun = noun;
    this.memory = memory;
    this.cpus = cpus;
  }

  /** The rule option that overrides this kind's defaults ({@code database: 4g}). */
  public String option() {
    return option;
  }

  /** "a database", for messages and comments. */
  public String noun() {
    return noun;
  }

  /** The default memory limit, in bytes. */
  public long memory() {
    return memory;
  }

  /** The default CPU limit. */
  public double cpus() {
    return cpus;
  }
}
