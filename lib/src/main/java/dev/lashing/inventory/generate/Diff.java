package dev.lashing.inventory.generate;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts, line by line, with three lines of context, as {@code diff -u} prints it. */
public final class Diff {
  private static final int CONTEXT = 3;

  private Diff() {}

  /** One line of the edit script: ' ' kept, '-' only in the old text, '+' only in the new one. */
  private record Line(char op, String text, int oldLine, int newLine) {}

  /**
   * The diff, or an empty string when the texts are equal.
   *
   * @param oldName the label of the old text ({@code --- oldName})
   * @param newName the label of the new text ({@code +++ newName})
   */
  public static String unified(String oldName, String oldText, String newName, String newText) {
    if (oldText.equals(newText)) {
      return "";
    }
    List<String> a = lines(oldText);
    List<String> b = lines(newText);
    List<Line> script = script(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
    List<Integer> changes = new ArrayList<>();
    for (int i = 0; i < script.size(); i++) {
      if (script.get(i).op() != ' ') {
        changes.add(i);
      }
    }
    int c = 0;
    while (c < changes.size()) {
      int first = changes.get(c);
      int last = first;
      while (c + 1 < changes.size() && changes.get(c + 1) - last <= 2 * CONTEXT) {
        last = changes.get(++c);
      }
      c++;
      hunk(script.subList(Math.max(0, first - CONTEXT), Math.min(script.size(), last + CONTEXT + 1)), out);
    }
    return out.toString();
  }

  private static void hunk(List<Line> lines, StringBuilder out) {
    int oldStart = 0;
    int newStart = 0;
    int oldCount = 0;
    int newCount = 0;
    for (Line l : lines) {
      if (l.op() != '+') {
        if (oldCount++ == 0) {
          oldStart = l.oldLine();
        }
      }
      if (l.op() != '-') {
        if (newCount++ == 0) {
          newStart = l.newLine();
        }
      }
    }
    if (oldCount == 0) {
      oldStart = lines.get(0).oldLine() - 1;
    }
    if (newCount == 0) {
      newStart = lines.get(0).newLine() - 1;
    }
    out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
        .append(" @@\n");
    for (Line l : lines) {
      out.append(l.op()).append(l.text()).append('\n');
    }
  }

  private static String range(int start, int count) {
    return count == 1 ? Integer.toString(start) : start + "," + count;
  }

  /** The shortest edit script by longest common subsequence (the files compared are small). */
  private static List<Line> script(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Line> script = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        script.add(new Line(' ', a.get(i), ++i, ++j));
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        script.add(new Line('-', a.get(i), ++i, j + 1));
      } else {
        script.add(new Line('+', b.get(j), i + 1, ++j));
      }
    }
    return script;
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
