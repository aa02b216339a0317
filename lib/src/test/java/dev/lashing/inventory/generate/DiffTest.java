package dev.lashing.inventory.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DiffTest {
  private static String lines(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
  }

  @Test
  void equalTextsHaveNoDiff() {
    assertThat(Diff.unified("a", "x\n", "b", "x\n")).isEmpty();
  }

  @Test
  void hunksHaveThreeLinesOfContextLikeDiffU() {
    String old = lines(1, 20);
    String changed = old.replace("line 5\n", "line five\n").replace("line 18\n", "");
    assertThat(Diff.unified("old", old, "new", changed)).isEqualTo("""
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
  void nearbyChangesShareAHunk() {
    String old = lines(1, 10);
    String changed = old.replace("line 3\n", "line three\n").replace("line 7\n", "line seven\n");
    assertThat(Diff.unified("o", old, "n", changed)).startsWith("--- o\n+++ n\n@@ -1,10 +1,10 @@\n")
        .containsOnlyOnce("@@ -");
  }
}
