package dev.lashing.rules.resources;

import dev.lashing.knowledge.ImageCatalog;
import dev.lashing.knowledge.ImageKind;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.RuleOptions;
import java.util.Arrays;
import java.util.List;

/**
 * The resource limits a fix proposes for a service, by the kind of its image (see {@link ImageCatalog}). Each
 * kind's defaults can be overridden by a rule option named after the kind ({@code database: 4g}).
 */
record ImageClass(ImageKind kind) {

  /** One option per kind of image, named after the kind, whose description is {@code what} and the kind. */
  static List<RuleOption> options(RuleOption.Type type, String what) {
    return Arrays.stream(ImageKind.values()).map(k -> new RuleOption(k.option(), type, what + k.noun())).toList();
  }

  /** "for example 2g, the default for a database", or just the value for other images. */
  String example(Object value) {
    return "for example " + value + (kind == ImageKind.OTHER ? "" : ", the default for " + kind.noun());
  }

  /** The memory limit to propose, in bytes. */
  long memory(RuleOptions options) {
    return options.memory(kind.option(), kind.memory());
  }

  /** The CPU limit to propose. */
  double cpus(RuleOptions options) {
    return options.cpus(kind.option(), kind.cpus());
  }
}
