package dev.lashing.patch;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts, line by line, with three lines of context (as {@code diff -u} prints it). */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff, or an empty string when the texts are equal. */
  public static String of(String beforeName, String before, String afterName, String after) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    List<int[]> ops = script(a, b);
    if (ops.stream().allMatch(op -> op[0] == 0)) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(beforeName).append('\n').append("+++ ").append(afterName).append('\n');
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i)[0] == 0) {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while changes are at most 2 * CONTEXT lines apart
      int lastChange = i;
      while (end < ops.size()) {
        if (ops.get(end)[0] != 0) {
          lastChange = end;
        } else if (end - lastChange > 2 * CONTEXT) {
          break;
        }
        end++;
      }
      end = Math.min(ops.size(), lastChange + CONTEXT + 1);
      int aStart = -1;
      int bStart = -1;
      int aCount = 0;
      int bCount = 0;
      StringBuilder body = new StringBuilder();
      for (int k = start; k < end; k++) {
        int[] op = ops.get(k);
        if (op[0] == 0 || op[0] == -1) {
          if (aStart < 0) {
            aStart = op[1];
          }
          aCount++;
        }
        if (op[0] == 0 || op[0] == 1) {
          if (bStart < 0) {
            bStart = op[2];
          }
          bCount++;
        }
        String text = op[0] == 1 ? b.get(op[2]) : a.get(op[1]);
        body.append(op[0] == 0 ? ' ' : op[0] == 1 ? '+' : '-').append(text).append('\n');
      }
      if (aStart < 0) {
        aStart = ops.get(start)[1];
      }
      if (bStart < 0) {
        bStart = ops.get(start)[2];
      }
      out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n");
      out.append(body);
      i = end;
    }
    return out.toString();
  }

  private static String range(int start, int count) {
    return count == 0 ? start + ",0" : (start + 1) + (count == 1 ? "" : "," + count);
  }

  /**
   * The edit script: {0, i, j} keeps a[i] (= b[j]), {-1, i, j} deletes a[i], {1, i, j} inserts b[j]; i and j are
   * the positions reached in each text. A longest common subsequence, after the common prefix and suffix.
   */
  private static List<int[]> script(List<String> a, List<String> b) {
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
        && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
      suffix++;
    }
    int n = a.size() - prefix - suffix;
    int m = b.size() - prefix - suffix;
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(prefix + i).equals(b.get(prefix + j))
            ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<int[]> ops = new ArrayList<>();
    for (int k = 0; k < prefix; k++) {
      ops.add(new int[] {0, k, k});
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(prefix + i).equals(b.get(prefix + j))) {
        ops.add(new int[] {0, prefix + i, prefix + j});
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new int[] {-1, prefix + i, prefix + j});
        i++;
      } else {
        ops.add(new int[] {1, prefix + i, prefix + j});
        j++;
      }
    }
    for (int k = 0; k < suffix; k++) {
      ops.add(new int[] {0, a.size() - suffix + k, b.size() - suffix + k});
    }
    return ops;
  }
}
