package dev.lashing.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The rules' documentation pages (Markdown) that the rule pack carries, read offline. */
public final class RulePages {
  private RulePages() {}

  /** A rule's page, or empty when the rule has none. */
  public static Optional<String> of(String ruleId) {
    try (InputStream page = RulePages.class.getResourceAsStream("/dev/lashing/rules/docs/" + ruleId + ".md")) {
      return page == null ? Optional.empty() : Optional.of(new String(page.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of one {@code ## heading} section of a page, without its heading, or empty. */
  public static Optional<String> section(String page, String heading) {
    String marker = "\n## " + heading + "\n";
    int start = page.indexOf(marker);
    if (start < 0) {
      return Optional.empty();
    }
    int from = start + marker.length();
    int end = page.indexOf("\n## ", from);
    return Optional.of(page.substring(from, end < 0 ? page.length() : end).strip());
  }
}
