package dev.lashing.rules.supplychain;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.Severity;
import dev.lashing.model.Image;
import dev.lashing.model.PulledImage;
import dev.lashing.syntax.ImageReference;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image from outside what the organisation allows: its repository matches none of the {@code allowed} glob
 * patterns and its registry is not among the {@code trusted_registries}. Without either option there is nothing to
 * check.
 */
@RuleInfo(
    id = "image-allowlist",
    summary = "An image comes from a repository or registry that is not allowed",
    category = Category.SUPPLY_CHAIN,
    severity = Severity.HIGH,
    optIn = true)
public final class ImageAllowlist implements Rule {
  @Override
  public RuleInfo info() {
    return ImageAllowlistInfo.INFO;
  }

  @Override
  public List<RuleOption> options() {
    return List.of(
        new RuleOption("allowed", RuleOption.Type.TEXTS, "glob patterns of the image repositories allowed"),
        new RuleOption("trusted_registries", RuleOption.Type.TEXTS, "registries whose every image is allowed"));
  }

  @Override
  public void check(RuleContext context) {
    List<Pattern> allowed = context.options().strings("allowed", List.of()).stream()
        .map(ImageAllowlist::glob).toList();
    List<String> registries = context.options().strings("trusted_registries", List.of()).stream()
        .map(ImageAllowlist::registry).toList();
    if (allowed.isEmpty() && registries.isEmpty()) {
      return;
    }
    for (PulledImage pulled : PulledImage.valid(context.pulledImages())) {
      Image image = pulled.image();
      ImageReference reference = image.reference();
      boolean trusted = registries.contains(reference.domain().toLowerCase(Locale.ROOT))
          || allowed.stream().anyMatch(p -> p.matcher(reference.repository()).matches()
              || p.matcher(reference.familiarName()).matches());
      if (!trusted) {
        context.report(image.origin(), pulled.service(),
            "image " + image.text() + " (" + reference.repository() + ") is not allowed: it matches no pattern in "
                + "the rule's allowed option and " + reference.domain() + " is not a trusted registry; use an "
                + "approved image, or add it to the allow-list");
      }
    }
  }

  /** {@code *} stands for any text within one path component, {@code **} for any text, {@code ?} for one character. */
  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (pattern.startsWith("**", i)) {
        regex.append(".*");
        i += 2;
        continue;
      }
      regex.append(c == '*' ? "[^/]*" : c == '?' ? "[^/]" : Pattern.quote(String.valueOf(c)));
      i++;
    }
    return Pattern.compile(regex.toString());
  }

  /** A registry as images name it: Docker Hub's aliases are {@code docker.io}. */
  private static String registry(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("index.docker.io") || lower.equals("registry-1.docker.io") ? "docker.io" : lower;
  }
}
