package dev.lashing.yaml;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceRange;

/**
 * The alias-bomb guard of one YAML document, with the rule of Compose's YAML reader (go-yaml v3): a document is
 * refused only when the nodes that aliases bring in are too large a share of all the nodes it decodes to. Small
 * documents may owe almost all their nodes to aliases; the share allowed falls as the document grows, so a
 * large, legitimate file with many small merges ({@code <<: *common} in every service) is read, while a bomb
 * is refused before its expansion is built.
 */
final class AliasRatio {
  /** Below this many decoded nodes, aliases may account for {@link #SMALL_SHARE} of them. */
  private static final long SMALL_DOCUMENT = 400_000;
  /** From this many decoded nodes on, aliases may account for {@link #LARGE_SHARE} of them. */
  private static final long LARGE_DOCUMENT = 4_000_000;
  private static final double SMALL_SHARE = 0.99;
  private static final double LARGE_SHARE = 0.10;
  /** Tiny documents are never refused: their expansion cannot hurt. */
  private static final long MIN_DECODED = 1_000;
  private static final long MIN_ALIASED = 100;

  private long decoded;
  private long aliased;

  /** Counts one node written in the document. */
  void node(SourceRange at) {
    decoded++;
    check(at);
  }

  /** Counts an alias (one node) that expands to {@code expandedNodes} nodes, before they are copied. */
  void alias(long expandedNodes, SourceRange at) {
    decoded += 1 + expandedNodes;
    aliased += expandedNodes;
    check(at);
  }

  /**
   * The share checked at the end of an expansion is the largest it reached during it: each expanded node
   * raises both counts by one, which only raises the share and lowers the share allowed.
   */
  private void check(SourceRange at) {
    if (aliased > MIN_ALIASED && decoded > MIN_DECODED && (double) aliased / decoded > allowedShare(decoded)) {
      throw new ComposeException(Diagnostic.Kind.YAML_SYNTAX, at, String.format(java.util.Locale.ROOT,
          "document contains excessive aliasing: %d of its %d nodes come from aliases (alias bomb?)",
          aliased, decoded));
    }
  }

  /** Falls linearly from 99 % at 400,000 decoded nodes to 10 % at 4,000,000, as in go-yaml v3. */
  static double allowedShare(long decodedNodes) {
    if (decodedNodes <= SMALL_DOCUMENT) {
      return SMALL_SHARE;
    }
    if (decodedNodes >= LARGE_DOCUMENT) {
      return LARGE_SHARE;
    }
    double progress = (double) (decodedNodes - SMALL_DOCUMENT) / (LARGE_DOCUMENT - SMALL_DOCUMENT);
    return SMALL_SHARE - (SMALL_SHARE - LARGE_SHARE) * progress;
  }
}
