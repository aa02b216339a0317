package dev.lashing.rules.supplychain;

import dev.lashing.lint.Category;
import dev.lashing.lint.Level;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleRole;
import dev.lashing.lint.Severity;
import dev.lashing.model.Image;
import dev.lashing.model.PulledImage;

/**
 * An image not pinned to content: without a {@code @sha256:} (or sha384/sha512) digest, any tag can be pushed again
 * with different content. A malformed digest makes the reference one the engine refuses, which invalid-value reports.
 */
@RuleInfo(
    id = "image-digest",
    summary = "An image is not pinned by digest",
    category = Category.SUPPLY_CHAIN,
    severity = Severity.LOW,
    production = Level.HIGH,
    optIn = true,
    roles = RuleRole.DIGEST_LOCK)
public final class ImageDigest implements Rule {
  @Override
  public RuleInfo info() {
    return ImageDigestInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (PulledImage pulled : PulledImage.valid(context.pulledImages())) {
      Image image = pulled.image();
      if (image.isDigestPinned()) {
        continue;
      }
      context.report(image.origin(), pulled.service(), "image " + image.text() + " is not pinned by digest, so the"
          + " registry can serve different content under the same name; append @sha256:<digest> (docker compose"
          + " config --lock-image-digests lists them)");
    }
  }
}
