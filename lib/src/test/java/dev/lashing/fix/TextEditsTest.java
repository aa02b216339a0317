package dev.lashing.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextEditsTest {

  @Test
  void appliesEditsInOffsetOrderWhateverTheOrderAdded() {
    TextEdits edits = new TextEdits();
    assertThat(edits.add(new TextEdit(6, 11, "there"))).isTrue();
    assertThat(edits.add(TextEdit.insert(0, ">> "))).isTrue();
    assertThat(edits.add(TextEdit.delete(5, 6))).isTrue();
    assertThat(edits.apply("hello world")).isEqualTo(">> hellothere");
  }

  @Test
  void editsChangeATextUnlessTheStretchTheyCoverComesOutTheSame() {
    String text = "say hello, world";
    assertThat(TextEdits.changes(text, List.of())).isFalse();
    assertThat(TextEdits.changes(text, List.of(new TextEdit(4, 9, "hello")))).as("same text").isFalse();
    assertThat(TextEdits.changes(text, List.of(new TextEdit(4, 9, "hullo")))).isTrue();
    // an insertion and a deletion that cancel out: "a" inserted before "aa", one "a" taken after it
    assertThat(TextEdits.changes("xaay", List.of(TextEdit.insert(1, "a"), TextEdit.delete(2, 3)))).isFalse();
    assertThat(TextEdits.changes("xaby", List.of(TextEdit.insert(1, "a"), TextEdit.delete(2, 3)))).isTrue();
    assertThat(TextEdits.apply("xaby", List.of(TextEdit.insert(1, "a"), TextEdit.delete(2, 3)))).isEqualTo("xaay");
  }

  @Test
  void composedEditsDoWhatBothRoundsDoAndStaySmallWhereTheyDoNotMeet() {
    String text = "alpha beta gamma delta";
    List<TextEdit> first = List.of(new TextEdit(0, 5, "A"), TextEdit.insert(11, "new "), new TextEdit(17, 22, "D"));
    String between = TextEdits.apply(text, first);
    assertThat(between).isEqualTo("A beta new gamma D");
    // one inside what first wrote, one in text first left alone, one right after what first wrote
    List<TextEdit> then = List.of(TextEdit.insert(1, "a"), new TextEdit(2, 6, "BETA"), TextEdit.insert(18, "!"));
    List<TextEdit> composed = TextEdits.compose(first, between, then);
    assertThat(TextEdits.apply(text, composed)).isEqualTo(TextEdits.apply(between, then))
        .isEqualTo("Aa BETA new gamma D!");
    assertThat(composed).containsExactly(new TextEdit(0, 5, "Aa"), new TextEdit(6, 10, "BETA"),
        TextEdit.insert(11, "new "), new TextEdit(17, 22, "D!"));
  }

  @Test
  void identicalEditsCountOnce() {
    TextEdits edits = new TextEdits();
    edits.add(new TextEdit(0, 5, "HELLO"));
    assertThat(edits.add(new TextEdit(0, 5, "HELLO"))).isTrue();
    assertThat(edits.size()).isEqualTo(1);
  }

  @Test
  void overlappingEditsAreRefusedAndTheTextStaysWhole() {
    TextEdits edits = new TextEdits();
    edits.add(new TextEdit(0, 5, "HELLO"));
    assertThat(edits.add(new TextEdit(3, 8, "x"))).isFalse();
    assertThat(edits.add(new TextEdit(0, 5, "other"))).isFalse();
    assertThat(edits.add(TextEdit.insert(2, "x"))).isFalse();
    assertThat(edits.conflictWith(new TextEdit(4, 6, ""))).isEqualTo(new TextEdit(0, 5, "HELLO"));
    assertThat(edits.apply("hello world")).isEqualTo("HELLO world");
  }

  @Test
  void editsThatOnlyTouchDoNotOverlap() {
    TextEdits edits = new TextEdits();
    assertThat(edits.add(new TextEdit(0, 5, "A"))).isTrue();
    assertThat(edits.add(new TextEdit(5, 6, "_"))).isTrue();
    assertThat(edits.add(TextEdit.insert(5, "+"))).isTrue();
    assertThat(edits.add(TextEdit.insert(0, "<"))).isTrue();
    assertThat(edits.add(TextEdit.insert(0, "other"))).isFalse();
    assertThat(edits.apply("hello world")).isEqualTo("<A+_world");
  }

  @Test
  void aGroupIsAcceptedWholeOrNotAtAll() {
    TextEdits edits = new TextEdits();
    edits.add(new TextEdit(0, 2, "x"));
    assertThat(edits.addAll(List.of(new TextEdit(4, 5, "y"), new TextEdit(1, 3, "z")))).isFalse();
    assertThat(edits.size()).isEqualTo(1);
    assertThat(edits.addAll(List.of(new TextEdit(4, 5, "y"), new TextEdit(6, 7, "z")))).isTrue();
    assertThat(edits.size()).isEqualTo(3);
  }
}
