package dev.lashing.cli;

/** Lashing's version, as the build wrote it into a generated constant (no resource to read at each run). */
public final class Version {
  private Version() {}

  public static String current() {
    return BuildConstants.VERSION;
  }
}
