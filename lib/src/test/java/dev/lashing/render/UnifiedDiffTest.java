package dev.lashing.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void equalTextsHaveNoDiff() {
    assertThat(UnifiedDiff.of("a.yaml", "x\n", "x\n")).isEmpty();
  }

  @Test
  void printsHunksWithThreeLinesOfContext() {
    String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
    String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\nsixteen\n";
    assertThat(UnifiedDiff.of("compose.yaml", before, after)).isEqualTo("""
        --- a/compose.yaml
        +++ b/compose.yaml
        @@ -2,7 +2,7 @@
         2
         3
         4
        -5
        +five
         6
         7
         8
        @@ -13,3 +13,4 @@
         13
         14
         15
        +sixteen
        """);
  }

  @Test
  void nearbyChangesShareAHunk() {
    String diff = UnifiedDiff.of("f", "a\nb\nc\nd\ne\nf\ng\n", "A\nb\nc\nd\ne\nf\nG\n");
    assertThat(diff).contains("@@ -1,7 +1,7 @@").doesNotContain("@@ -7");
  }

  /** As git prints it: the lines keep their carriage returns, so the diff applies to the CRLF file. */
  @Test
  void keepsTheCarriageReturnsOfACrlfFileAndMarksAMissingFinalLineBreak() {
    assertThat(UnifiedDiff.of("f", "a: 1\r\nb: 2", "a: 1\r\nb: 2\r\nc: 3")).isEqualTo("""
        --- a/f
        +++ b/f
        @@ -1,2 +1,3 @@
         a: 1\r
        -b: 2
        \\ No newline at end of file
        +b: 2\r
        +c: 3
        \\ No newline at end of file
        """);
  }

  @Test
  void insertionsIntoAnEmptyText() {
    assertThat(UnifiedDiff.of("f", "", "a\n")).isEqualTo("--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n");
  }

  @Test
  void namesBothSidesAsGiven() {
    assertThat(UnifiedDiff.of("compose.yaml (on disk)", "a\n", "compose.yaml (generated)", "b\n"))
        .startsWith("--- compose.yaml (on disk)\n+++ compose.yaml (generated)\n@@ -1 +1 @@\n-a\n+b\n");
  }

  @Test
  void separateHunksForDistantChangesAndADeletion() {
    String old = numbered(1, 20);
    String changed = old.replace("line 5\n", "line five\n").replace("line 18\n", "");
    assertThat(UnifiedDiff.of("old", old, "new", changed)).isEqualTo("""
        --- old
        +++ new
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8
        @@ -15,6 +15,5 @@
         line 15
         line 16
         line 17
        -line 18
         line 19
         line 20
        """);
  }

  @Test
  void aLongFileWithChangesEverywhereIsCutAtItsUniqueLines() {
    // 3,000 services of 4 lines, most of them repeated: too many line pairs to compare each with each
    StringBuilder before = new StringBuilder("services:\n");
    StringBuilder after = new StringBuilder("services:\n");
    for (int i = 0; i < 3000; i++) {
      String service = "  svc-" + i + ":\n    image: nginx:1.27\n    restart: always\n";
      before.append(service);
      after.append(service);
      if (i % 100 == 0) {
        after.append("    cap_drop: [ALL]\n");
      }
    }
    String diff = UnifiedDiff.of("compose.yaml", before.toString(), after.toString());
    assertThat(diff.lines().filter(l -> l.startsWith("@@"))).hasSize(30);
    assertThat(diff.lines().filter(l -> l.startsWith("+    cap_drop"))).hasSize(30);
    assertThat(diff.lines().filter(l -> l.startsWith("-"))).containsExactly("--- a/compose.yaml");
    assertThat(diff).contains("""
        @@ -302,6 +303,7 @@
           svc-100:
             image: nginx:1.27
             restart: always
        +    cap_drop: [ALL]
           svc-101:
             image: nginx:1.27
             restart: always
        """);
  }

  @Test
  void aLongPartWithNoLineInCommonIsReplacedWhole() {
    String diff = UnifiedDiff.of("f", "x\n".repeat(2100), "y\n".repeat(2100));
    assertThat(diff).startsWith("--- a/f\n+++ b/f\n@@ -1,2100 +1,2100 @@\n-x\n");
    assertThat(diff.lines().filter(l -> l.equals("+y"))).hasSize(2100);
  }

  private static String numbered(int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i <= to; i++) {
      text.append("line ").append(i).append('\n');
    }
    return text.toString();
  }
}
