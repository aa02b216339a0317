package dev.lashing.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unified diff ({@code diff -u}, as git prints it) of two versions of a file, with three lines of
 * context. Lines end at a line feed and keep what comes before it, as in diff and git: a CRLF file's lines
 * keep their carriage returns, so {@code git apply} and {@code patch} apply the diff to the file as it is
 * and give the text of its second version; a missing line break at the end is marked as diff does.
 */
public final class UnifiedDiff {
  static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff of two versions of one file, headed {@code a/NAME} and {@code b/NAME} as git does; "" when equal. */
  public static String of(String name, String before, String after) {
    // An absolute path keeps a single slash after the a/ and b/ prefixes, as git writes it.
    String path = name.replace('\\', '/').replaceFirst("^/+", "");
    return of("a/" + path, before, "b/" + path, after);
  }

  /** The diff of two texts under the given header names, or "" when both texts are equal. */
  public static String of(String beforeName, String before, String afterName, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<int[]> script = script(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(beforeName).append('\n').append("+++ ").append(afterName).append('\n');
    int i = 0;
    while (i < script.size()) {
      // find the next change
      while (i < script.size() && script.get(i)[0] == 0) {
        i++;
      }
      if (i >= script.size()) {
        break;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend while changes are within 2*CONTEXT of each other
      int j = i;
      while (j < script.size()) {
        if (script.get(j)[0] != 0) {
          end = j;
          j++;
          continue;
        }
        int k = j;
        while (k < script.size() && script.get(k)[0] == 0) {
          k++;
        }
        if (k < script.size() && k - j <= 2 * CONTEXT) {
          j = k;
          continue;
        }
        break;
      }
      int stop = Math.min(script.size(), end + 1 + CONTEXT);
      int aStart = -1;
      int bStart = -1;
      int aCount = 0;
      int bCount = 0;
      StringBuilder hunk = new StringBuilder();
      for (int k = start; k < stop; k++) {
        int[] op = script.get(k);
        if (op[0] <= 0 && aStart < 0) {
          aStart = op[1];
        }
        if (op[0] >= 0 && bStart < 0) {
          bStart = op[2];
        }
        switch (op[0]) {
          case 0 -> {
            hunk.append(' ').append(shown(a.get(op[1]))).append('\n');
            noNewline(hunk, a.get(op[1]));
            aCount++;
            bCount++;
          }
          case -1 -> {
            hunk.append('-').append(shown(a.get(op[1]))).append('\n');
            noNewline(hunk, a.get(op[1]));
            aCount++;
          }
          default -> {
            hunk.append('+').append(shown(b.get(op[2]))).append('\n');
            noNewline(hunk, b.get(op[2]));
            bCount++;
          }
        }
      }
      if (aStart < 0) {
        aStart = script.get(start)[1];
      }
      if (bStart < 0) {
        bStart = script.get(start)[2];
      }
      out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n");
      out.append(hunk);
      i = stop;
    }
    return out.toString();
  }

  private static void noNewline(StringBuilder hunk, String line) {
    if (line.endsWith(NO_EOL)) {
      hunk.append("\\ No newline at end of file\n");
    }
  }

  /** A last line without a line break differs from the same line with one, as in diff. */
  private static final String NO_EOL = "\u0000";

  private static String shown(String line) {
    return line.endsWith(NO_EOL) ? line.substring(0, line.length() - 1) : line;
  }

  private static String range(int start, int count) {
    if (count == 0) {
      return start + ",0";
    }
    return count == 1 ? String.valueOf(start + 1) : (start + 1) + "," + count;
  }

  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.add(text.substring(start, i));
      start = i + 1;
    }
    if (start < text.length()) {
      lines.add(text.substring(start) + NO_EOL);
    }
    return lines;
  }

  /**
   * Comparing every line with every line is exact but costs n × m: above this many line pairs, a long file is
   * first cut at the lines that occur exactly once in each version (in an order both agree on), and each part
   * between them is compared on its own.
   */
  private static final long MAX_PAIRS = 4_000_000;

  /**
   * The edit script: {@code {0, i, j}} keeps a[i] (= b[j]), {@code {-1, i, j}} deletes a[i], {@code {1, i, j}}
   * inserts b[j]; i and j are the positions in a and b at that point.
   */
  private static List<int[]> script(List<String> a, List<String> b) {
    List<int[]> script = new ArrayList<>();
    compare(a, 0, a.size(), b, 0, b.size(), script);
    return script;
  }

  /** Appends the script of a[aFrom, aTo) against b[bFrom, bTo), after keeping their common head and tail. */
  private static void compare(List<String> a, int aFrom, int aTo, List<String> b, int bFrom, int bTo,
      List<int[]> script) {
    int head = 0;
    while (aFrom + head < aTo && bFrom + head < bTo && a.get(aFrom + head).equals(b.get(bFrom + head))) {
      script.add(new int[] {0, aFrom + head, bFrom + head});
      head++;
    }
    int tail = 0;
    while (aTo - tail > aFrom + head && bTo - tail > bFrom + head
        && a.get(aTo - 1 - tail).equals(b.get(bTo - 1 - tail))) {
      tail++;
    }
    int n = aTo - tail - aFrom - head;
    int m = bTo - tail - bFrom - head;
    if ((long) n * m <= MAX_PAIRS) {
      longestCommon(a, aFrom + head, n, b, bFrom + head, m, script);
    } else {
      anchored(a, aFrom + head, aTo - tail, b, bFrom + head, bTo - tail, script);
    }
    for (int k = tail; k > 0; k--) {
      script.add(new int[] {0, aTo - k, bTo - k});
    }
  }

  /** Longest common subsequence of a[i0, i0 + n) and b[j0, j0 + m): deletions before insertions. */
  private static void longestCommon(List<String> a, int i0, int n, List<String> b, int j0, int m,
      List<int[]> script) {
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i0 + i).equals(b.get(j0 + j)) ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i0 + i).equals(b.get(j0 + j))) {
        script.add(new int[] {0, i0 + i, j0 + j});
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        script.add(new int[] {-1, i0 + i, j0 + j});
        i++;
      } else {
        script.add(new int[] {1, i0 + i, j0 + j});
        j++;
      }
    }
  }

  /**
   * Cuts a long comparison at the lines found once in each part, kept in the longest order both agree on, and
   * compares the parts between them; with no such line the part is replaced whole.
   */
  private static void anchored(List<String> a, int aFrom, int aTo, List<String> b, int bFrom, int bTo,
      List<int[]> script) {
    List<int[]> anchors = uniqueInBoth(a, aFrom, aTo, b, bFrom, bTo);
    if (anchors.isEmpty()) {
      for (int i = aFrom; i < aTo; i++) {
        script.add(new int[] {-1, i, bFrom});
      }
      for (int j = bFrom; j < bTo; j++) {
        script.add(new int[] {1, aTo, j});
      }
      return;
    }
    int i = aFrom;
    int j = bFrom;
    for (int[] anchor : anchors) {
      compare(a, i, anchor[0], b, j, anchor[1], script);
      script.add(new int[] {0, anchor[0], anchor[1]});
      i = anchor[0] + 1;
      j = anchor[1] + 1;
    }
    compare(a, i, aTo, b, j, bTo, script);
  }

  /** The pairs (i, j) with a[i] = b[j] occurring once in each range, longest chain increasing in both. */
  private static List<int[]> uniqueInBoth(List<String> a, int aFrom, int aTo, List<String> b, int bFrom, int bTo) {
    Map<String, int[]> seen = new HashMap<>(); // line -> {count in a, position in a, count in b, position in b}
    for (int i = aFrom; i < aTo; i++) {
      int[] s = seen.computeIfAbsent(a.get(i), k -> new int[4]);
      s[0]++;
      s[1] = i;
    }
    List<int[]> pairs = new ArrayList<>();
    for (int j = bFrom; j < bTo; j++) {
      int[] s = seen.get(b.get(j));
      if (s != null) {
        s[2]++;
        s[3] = j;
      }
    }
    for (int j = bFrom; j < bTo; j++) {
      int[] s = seen.get(b.get(j));
      if (s != null && s[0] == 1 && s[2] == 1) {
        pairs.add(new int[] {s[1], j});
      }
    }
    return longestIncreasing(pairs);
  }

  /** The longest chain of pairs (in order of j) whose i increases too (patience sorting). */
  private static List<int[]> longestIncreasing(List<int[]> pairs) {
    int[] tops = new int[pairs.size()];
    int[] previous = new int[pairs.size()];
    int piles = 0;
    for (int p = 0; p < pairs.size(); p++) {
      int lo = 0;
      int hi = piles;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (pairs.get(tops[mid])[0] < pairs.get(p)[0]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      previous[p] = lo > 0 ? tops[lo - 1] : -1;
      tops[lo] = p;
      piles = Math.max(piles, lo + 1);
    }
    List<int[]> chain = new ArrayList<>();
    for (int p = piles > 0 ? tops[piles - 1] : -1; p >= 0; p = previous[p]) {
      chain.add(pairs.get(p));
    }
    Collections.reverse(chain);
    return chain;
  }
}
