package dev.lashing.schema;

import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for a misspelled key: the closest allowed name, if it is close enough to be a typo. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate nearest to {@code written}: at most two edits away, or a third of its length for long
   * names, and never a rewrite of the whole word. Ties go to the earlier candidate.
   */
  public static Optional<String> closest(String written, Iterable<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(written.toLowerCase(Locale.ROOT), candidate);
      int allowed = Math.max(2, candidate.length() / 3);
      if (d <= allowed && d < candidate.length() && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
