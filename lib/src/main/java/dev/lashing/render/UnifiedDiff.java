package dev.lashing.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u}, as git prints it) of two versions of a file, with three lines of
 * context. Lines are compared without their line breaks, so a CRLF file shows as its lines; a missing
 * line break at the end is marked as diff does.
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
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start) + NO_EOL);
    }
    return lines;
  }

  /**
   * The edit script: {@code {0, i, j}} keeps a[i] (= b[j]), {@code {-1, i, j}} deletes a[i], {@code {1, i, j}}
   * inserts b[j]; i and j are the positions in a and b at that point. Longest common subsequence, after
   * trimming the common head and tail (fixes change few lines of a file).
   */
  private static List<int[]> script(List<String> a, List<String> b) {
    int head = 0;
    while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < a.size() - head && tail < b.size() - head
        && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
      tail++;
    }
    int n = a.size() - head - tail;
    int m = b.size() - head - tail;
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(head + i).equals(b.get(head + j)) ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<int[]> script = new ArrayList<>();
    for (int k = 0; k < head; k++) {
      script.add(new int[] {0, k, k});
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(head + i).equals(b.get(head + j))) {
        script.add(new int[] {0, head + i, head + j});
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        script.add(new int[] {-1, head + i, head + j});
        i++;
      } else {
        script.add(new int[] {1, head + i, head + j});
        j++;
      }
    }
    for (int k = 0; k < tail; k++) {
      script.add(new int[] {0, head + n + k, head + m + k});
    }
    return script;
  }
}
