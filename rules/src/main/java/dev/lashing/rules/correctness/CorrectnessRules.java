package dev.lashing.rules.correctness;

import dev.lashing.lint.Rule;
import java.util.List;

/** The correctness rules, sorted by id. */
public final class CorrectnessRules {
  private CorrectnessRules() {}

  public static List<Rule> all() {
    return List.of(
        // keep-sorted start
        new BooleanSpelling(),
        new BuildImagePulled(),
        new ConflictingLimits(),
        new DependencyCycle(),
        new DuplicateContainerName(),
        new DuplicateKey(),
        new DuplicatePublishedPort(),
        new InvalidInterpolation(),
        new InvalidValue(),
        new MissingFile(),
        new ObsoleteVersion(),
        new RemoteResource(),
        new Schema(),
        new UndefinedReference(),
        new UnsetVariable(),
        new Yaml11Ambiguity(),
        new YamlSyntax()
        // keep-sorted end
        );
  }
}
