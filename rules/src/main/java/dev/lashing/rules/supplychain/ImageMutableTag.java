package dev.lashing.rules.supplychain;

import dev.lashing.interpolation.InterpolationException;
import dev.lashing.interpolation.Template;
import dev.lashing.knowledge.MovingTags;
import dev.lashing.lint.Category;
import dev.lashing.lint.Level;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.lint.WrittenValues;
import dev.lashing.model.Image;
import dev.lashing.model.PulledImage;
import dev.lashing.syntax.ImageReference;
import dev.lashing.syntax.SyntaxException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An image whose tag moves: no tag (Docker pulls {@code latest}), a channel tag ({@code latest}, {@code stable},
 * {@code lts-alpine}, {@code nightly-2024}), or a tag without any version number ({@code alpine}, {@code slim}).
 * The tag a variable falls back to counts too: {@code nginx:${TAG:-latest}} pulls latest wherever TAG is unset,
 * even if it is set where the linter runs. Digest-pinned images are fine.
 */
@RuleInfo(
    id = "image-mutable-tag",
    summary = "An image uses a tag that moves, or none",
    category = Category.SUPPLY_CHAIN,
    severity = Severity.MEDIUM,
    production = Level.HIGH,
    development = Level.LOW)
public final class ImageMutableTag implements Rule {
  @Override
  public RuleInfo info() {
    return ImageMutableTagInfo.INFO;
  }

  /** A placeholder for variables without a default: it contains a digit, so it never looks like a moving tag. */
  private static final String PLACEHOLDER = "v0";

  @Override
  public void check(RuleContext context) {
    for (PulledImage pulled : PulledImage.valid(context.pulledImages())) {
      Image image = pulled.image();
      if (image.reference().digest() != null) {
        continue;
      }
      String problem = problem(context, image);
      if (problem != null) {
        context.report(image.origin(), pulled.service(), "image " + image.text() + " " + problem
            + "; what runs changes without notice, so pin a version tag (" + image.reference().familiarName()
            + ":<version>) or a digest");
      }
    }
  }

  private static String problem(RuleContext context, Image image) {
    String tag = image.reference().tag();
    if (tag == null) {
      return "has no tag, so Docker pulls latest";
    }
    String movement = MovingTags.movement(tag);
    return movement != null ? "uses tag " + tag + ", which " + movement : fallbackProblem(context, image);
  }

  /**
   * The problem with the tag the image falls back to when the variables that have a default are unset, or null.
   * Reads the image as written; a value whose text cannot be recovered exactly is left alone.
   */
  private static String fallbackProblem(RuleContext context, Image image) {
    String written = WrittenValues.at(context.load(), image.origin().at());
    if (written == null || written.indexOf('$') < 0) {
      return null;
    }
    List<Template.Reference> references = Template.references(written);
    Set<String> defaulted = references.stream()
        .filter(r -> r.operator().equals(":-") || r.operator().equals("-"))
        .map(Template.Reference::name)
        .collect(Collectors.toCollection(TreeSet::new));
    if (defaulted.isEmpty()) {
      return null;
    }
    try {
      String fallback = Template.substitute(written, name -> defaulted.contains(name) ? null : PLACEHOLDER, n -> {});
      String tag = ImageReference.parse(fallback).effectiveTag();
      String movement = tag == null ? null : MovingTags.movement(tag);
      return movement == null ? null
          : "falls back to tag " + tag + ", which " + movement + ", wherever " + String.join(" or ", defaulted)
              + " is unset";
    } catch (InterpolationException | SyntaxException e) {
      return null;
    }
  }
}
