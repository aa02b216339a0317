package dev.lashing.knowledge;

import java.util.Locale;
import java.util.Set;

/**
 * Image tags that move: a channel word anywhere in the tag ({@code stable-alpine3.20}), or no version number at
 * all ({@code alpine}). Lint's image-mutable-tag rule and the inventory read tags the same way.
 */
public final class MovingTags {
  private static final Set<String> CHANNELS = Set.of(
      "latest", "stable", "edge", "nightly", "dev", "develop", "canary", "main", "master", "snapshot", "unstable",
      "rolling", "mainline", "current", "next", "trunk");

  private MovingTags() {}

  /** Why a tag moves ("follows the latest channel", "names no version"), or null when it names a version. */
  public static String movement(String tag) {
    String lower = tag.toLowerCase(Locale.ROOT);
    boolean digits = false;
    // the words between '-', '_' and '.', read in one pass: every image of a project asks
    int start = 0;
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : '.';
      if (c == '-' || c == '_' || c == '.') {
        String word = lower.substring(start, i);
        if (CHANNELS.contains(word)) {
          return "follows the " + word + " channel";
        }
        start = i + 1;
      } else if (Character.isDigit(c)) {
        digits = true;
      }
    }
    return digits ? null : "names no version";
  }
}
