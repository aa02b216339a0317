package dev.lashing.lint;

import dev.lashing.load.LoadResult;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.ScalarNode;
import dev.lashing.yaml.ParsedYaml;

/**
 * What a compose file itself writes for a value, before interpolation: the scalar at a position, with YAML's
 * quoting and escapes undone exactly (as the loader parsed the file). Rules use it to tell a literal
 * ({@code PASSWORD: hunter2}, {@code ${TAG:-latest}}) from a value that comes from the environment.
 */
public final class WrittenValues {
  private WrittenValues() {}

  /**
   * The written value of the scalar at {@code at} ("" for a null such as {@code KEY:}), or null when no
   * scalar is written there (or the position is in a file that is not YAML, such as an env file).
   */
  public static String at(LoadResult load, SourceRange at) {
    if (at.isSynthetic()) {
      return null;
    }
    ParsedYaml file = load.parsed().get(at.file());
    ScalarNode scalar = file == null ? null : file.scalarAt(at);
    if (scalar == null) {
      return null;
    }
    return scalar.isNull() ? "" : scalar.value();
  }
}
