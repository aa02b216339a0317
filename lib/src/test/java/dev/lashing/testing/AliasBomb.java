package dev.lashing.testing;

/** The classic "billion laughs" YAML: each level is a list of ten aliases of the level below it. */
public final class AliasBomb {
  private AliasBomb() {}

  /** A document of {@code levels} anchored lists; its last one expands to 10^levels scalars. */
  public static String ofLevels(int levels) {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < levels; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    return yaml.toString();
  }
}
