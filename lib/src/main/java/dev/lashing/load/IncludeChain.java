package dev.lashing.load;

import java.nio.file.Path;

/**
 * The files whose {@code include:} led to a project, the latest first, each step sharing the chain before it:
 * a chain of a thousand includes is checked for a cycle by walking it, where a set copied at each step cost
 * the square of its length.
 */
final class IncludeChain {
  static final IncludeChain NONE = new IncludeChain(null, null);

  private final Path file;
  private final IncludeChain before;

  private IncludeChain(Path file, IncludeChain before) {
    this.file = file;
    this.before = before;
  }

  /** This chain followed by {@code including}, the file whose include is loaded next. */
  IncludeChain then(Path including) {
    return new IncludeChain(including, this);
  }

  boolean contains(Path path) {
    for (IncludeChain step = this; step != NONE; step = step.before) {
      if (step.file.equals(path)) {
        return true;
      }
    }
    return false;
  }
}
