package dev.lashing.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.testing.Corpus;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarPositionsTest {

  /** A scalar value read from {@code yaml} as the loader reads it, and the file it is written in. */
  private record Read(SourceFile file, ScalarNode scalar) {
    /** The value at {@code path} (mapping keys) of the first document. */
    static Read of(String yaml, String... path) {
      SourceFile file = new SourceFile("compose.yaml", yaml);
      Node node = YamlReader.read(file).get(0);
      for (String key : path) {
        node = ((MapNode) node).get(key);
      }
      return new Read(file, (ScalarNode) node);
    }

    /** Where the {@code occurrence}-th (0-based) {@code part} of the value is written. */
    SourceRange placeOf(String part, int occurrence) {
      int start = -1;
      for (int i = 0; i <= occurrence; i++) {
        start = scalar.value().indexOf(part, start + 1);
      }
      assertThat(start).as("%s in the value %s", part, scalar.value()).isNotNegative();
      return ScalarPositions.of(scalar, file).range(start, start + part.length());
    }

    SourceRange placeOf(String part) {
      return placeOf(part, 0);
    }

    String written(SourceRange range) {
      return file.text().substring(range.startOffset(), range.endOffset());
    }
  }

  /** The range's line, column, end line and end column. */
  private static List<Integer> lineAndColumns(SourceRange range) {
    return List.of(range.line(), range.column(), range.endLine(), range.endColumn());
  }

  @Test
  void aLiteralBlockPlacesEachPartOnItsOwnLine() {
    Read read = Read.of("x: |\n  if [ -z \"${UID}\" ]; then\n    echo $UID\n  fi\n", "x");

    assertThat(read.scalar.value()).isEqualTo("if [ -z \"${UID}\" ]; then\n  echo $UID\nfi\n");
    assertThat(lineAndColumns(read.placeOf("${UID}"))).containsExactly(2, 12, 2, 18);
    assertThat(lineAndColumns(read.placeOf("$UID"))).containsExactly(3, 10, 3, 14);
  }

  @Test
  void aFoldedBlockPlacesPartsAcrossFoldedAndKeptLineBreaks() {
    Read read = Read.of("x: >\n  a ${A}\n  b ${B}\n\n  c ${C}\n    more ${D}\n  e ${E}\n", "x");

    assertThat(read.scalar.value()).isEqualTo("a ${A} b ${B}\nc ${C}\n  more ${D}\ne ${E}\n");
    assertThat(lineAndColumns(read.placeOf("${A}"))).containsExactly(2, 5, 2, 9);
    assertThat(lineAndColumns(read.placeOf("${B}"))).containsExactly(3, 5, 3, 9);
    assertThat(lineAndColumns(read.placeOf("${C}"))).containsExactly(5, 5, 5, 9);
    assertThat(lineAndColumns(read.placeOf("${D}"))).containsExactly(6, 10, 6, 14);
    assertThat(lineAndColumns(read.placeOf("${E}"))).containsExactly(7, 5, 7, 9);
  }

  @Test
  void keepAndStripChompingLeaveThePartsWhereTheyAre() {
    Read keep = Read.of("x: |+\n\n  ${A}\n\n\ny: 1\n", "x");
    Read strip = Read.of("x: >-\n  a\n  ${A}\n\ny: 1\n", "x");

    assertThat(keep.scalar.value()).isEqualTo("\n${A}\n\n\n");
    assertThat(lineAndColumns(keep.placeOf("${A}"))).containsExactly(3, 3, 3, 7);
    assertThat(strip.scalar.value()).isEqualTo("a ${A}");
    assertThat(lineAndColumns(strip.placeOf("${A}"))).containsExactly(3, 3, 3, 7);
  }

  @Test
  void anIndentationIndicatorKeepsTheSpacesBeyondItInTheValue() {
    Read read = Read.of("services:\n  web:\n    command: |2-\n\n         ${A}\n        $B\n",
        "services", "web", "command");
    Read chompingFirst = Read.of("x: >-1\n   ${A}\n  ${B}\n", "x");

    assertThat(read.scalar.value()).isEqualTo("\n   ${A}\n  $B");
    assertThat(lineAndColumns(read.placeOf("${A}"))).containsExactly(5, 10, 5, 14);
    assertThat(lineAndColumns(read.placeOf("$B"))).containsExactly(6, 9, 6, 11);
    assertThat(chompingFirst.scalar.value()).isEqualTo("  ${A}\n ${B}");
    assertThat(lineAndColumns(chompingFirst.placeOf("${B}"))).containsExactly(3, 3, 3, 7);
  }

  @Test
  void aMultiLinePlainScalarPlacesPartsOnTheLinesItFolds() {
    Read read = Read.of("x: a  \n  ${A}\t  b\n\n\n  ${B}\ny: 1\n", "x");

    assertThat(read.scalar.value()).isEqualTo("a ${A}\t  b\n\n${B}");
    assertThat(lineAndColumns(read.placeOf("${A}"))).containsExactly(2, 3, 2, 7);
    assertThat(lineAndColumns(read.placeOf("${B}"))).containsExactly(5, 3, 5, 7);
  }

  @Test
  void aSingleQuotedScalarPlacesPartsAfterDoubledQuotesAndFoldedLines() {
    Read read = Read.of("x: 'it''s ${A}\n\n    and ''${B}'' \t\n  ${C}'\n", "x");

    assertThat(read.scalar.value()).isEqualTo("it's ${A}\nand '${B}' ${C}");
    assertThat(lineAndColumns(read.placeOf("${A}"))).containsExactly(1, 11, 1, 15);
    assertThat(lineAndColumns(read.placeOf("${B}"))).containsExactly(3, 11, 3, 15);
    assertThat(lineAndColumns(read.placeOf("${C}"))).containsExactly(4, 3, 4, 7);
  }

  @Test
  void aDoubleQuotedScalarPlacesPartsAfterEveryKindOfEscape() {
    Read read = Read.of("x: \"\\\"${A}\\\" \\t\\\\ \\x41\\u00e9\\U0001F600 \\/ \\  \t${B}\\\t${C}\\N${D}\"\n", "x");

    assertThat(read.scalar.value())
        .isEqualTo("\"${A}\" \t\\ A\u00e9\uD83D\uDE00 /   \t${B}\t${C}\u0085${D}");
    assertThat(read.written(read.placeOf("${A}"))).isEqualTo("${A}");
    assertThat(lineAndColumns(read.placeOf("${A}"))).containsExactly(1, 7, 1, 11);
    assertThat(lineAndColumns(read.placeOf("${B}"))).containsExactly(1, 47, 1, 51);
    assertThat(lineAndColumns(read.placeOf("${C}"))).containsExactly(1, 53, 1, 57);
    assertThat(lineAndColumns(read.placeOf("${D}"))).containsExactly(1, 59, 1, 63);
  }

  @Test
  void aDoubleQuotedScalarPlacesPartsAfterEscapedAndFoldedLineBreaks() {
    Read read = Read.of("x: \"a \\\n    ${A}\\\n\n  ${B} \n\n\n\t${C}\n  \"\n", "x");

    assertThat(read.scalar.value()).isEqualTo("a ${A}\n${B}\n\n${C} ");
    assertThat(lineAndColumns(read.placeOf("${A}"))).containsExactly(2, 5, 2, 9);
    assertThat(lineAndColumns(read.placeOf("${B}"))).containsExactly(4, 3, 4, 7);
    assertThat(lineAndColumns(read.placeOf("${C}"))).containsExactly(7, 2, 7, 6);
  }

  @Test
  void aPartWrittenAcrossAnEscapeOrAFoldedLineSpansItsWholeText() {
    Read escaped = Read.of("x: \"\\x24{A\\x7d and ${B:-\\\"b\\\"}\"\n", "x");
    Read folded = Read.of("x: >\n  ${A:-a\n  b}\n", "x");

    assertThat(escaped.scalar.value()).isEqualTo("${A} and ${B:-\"b\"}");
    assertThat(escaped.written(escaped.placeOf("${A}"))).isEqualTo("\\x24{A\\x7d");
    assertThat(escaped.written(escaped.placeOf("${B:-\"b\"}"))).isEqualTo("${B:-\\\"b\\\"}");
    assertThat(escaped.written(escaped.placeOf("{A"))).isEqualTo("{A");
    assertThat(folded.scalar.value()).isEqualTo("${A:-a b}\n");
    assertThat(lineAndColumns(folded.placeOf("${A:-a b}"))).containsExactly(2, 3, 3, 5);
    assertThat(folded.written(folded.placeOf("a b"))).isEqualTo("a\n  b");
  }

  @Test
  void crLfLineBreaksCountAsOneInTheValueAndTwoInTheText() {
    Read literal = Read.of("a: 1\r\nx: |\r\n  one\r\n\r\n  ${A} two\r\n", "x");
    Read quoted = Read.of("x: \"one\r\n\r\n  ${A}\\\r\n  ${B}\"\r\n", "x");

    assertThat(literal.scalar.value()).isEqualTo("one\n\n${A} two\n");
    assertThat(lineAndColumns(literal.placeOf("${A}"))).containsExactly(5, 3, 5, 7);
    assertThat(literal.written(literal.placeOf(" two\n"))).isEqualTo(" two\r\n");
    assertThat(quoted.scalar.value()).isEqualTo("one\n${A}${B}");
    assertThat(lineAndColumns(quoted.placeOf("${A}"))).containsExactly(3, 3, 3, 7);
    assertThat(lineAndColumns(quoted.placeOf("${B}"))).containsExactly(4, 3, 4, 7);
  }

  @Test
  void aByteOrderMarkIsTheFirstCharacterOfTheFirstLine() {
    Read plain = Read.of("\uFEFFx: a\n  ${A}\n", "x");
    Read block = Read.of("\uFEFF|\n  ${A}\n");

    // SourceFile counts the mark as column 1 of line 1, as it counts every character of the decoded text
    assertThat(lineAndColumns(plain.placeOf("${A}"))).containsExactly(2, 3, 2, 7);
    assertThat(lineAndColumns(block.placeOf("${A}"))).containsExactly(2, 3, 2, 7);
    assertThat(Read.of("\uFEFFx: \"a ${A}\"\n", "x").placeOf("${A}").column()).isEqualTo(8);
  }

  @Test
  void tabsAreCharactersOfTheTextLikeAnyOther() {
    // the indentation is given: Compose refuses a tab before it is known ("where an indentation space is expected")
    Read read = Read.of("x: |2\n  \t${A}\t${B}\n", "x");

    assertThat(lineAndColumns(read.placeOf("${A}"))).containsExactly(2, 4, 2, 8);
    assertThat(lineAndColumns(read.placeOf("${B}"))).containsExactly(2, 9, 2, 13);
  }

  @Test
  void theWholeScalarWhenItsTextIsUnknownMadeUpOrNotItsValue() {
    Read read = Read.of("x: |\n  ${A}\n", "x");
    ScalarNode madeUp = ScalarNode.string("${A}", Origin.at(read.scalar.origin().at()));
    ScalarNode otherValue = read.scalar.withValue("${B}\n", ScalarNode.Type.STRING);
    SourceRange whole = read.scalar.origin().at();

    assertThat(ScalarPositions.of(read.scalar, null).range(0, 4)).isEqualTo(whole);
    assertThat(ScalarPositions.of(madeUp, read.file).range(0, 4)).isEqualTo(whole);
    assertThat(ScalarPositions.of(otherValue, read.file).range(0, 4)).isEqualTo(whole);
  }

  /** Every {@code $} of every string value in the corpus is placed on a {@code $}, or an escape of one. */
  @Test
  void everyDollarOfTheCorpusIsPlacedOnItsDollar() throws IOException {
    Corpus.assumePresent();
    int placed = 0;
    for (Corpus.Entry entry : Corpus.entries()) {
      if (!entry.isCompose()) {
        continue;
      }
      String text = Files.readString(Corpus.root().resolve("files").resolve(entry.localFile()),
          StandardCharsets.UTF_8);
      SourceFile file = new SourceFile(entry.localFile(), text);
      List<ScalarNode> scalars = new ArrayList<>();
      try {
        YamlReader.read(file).forEach(document -> collect(document, scalars));
      } catch (ComposeException e) {
        continue; // a file Compose refuses to read has no values to place
      }
      for (ScalarNode scalar : scalars) {
        ScalarPositions positions = ScalarPositions.of(scalar, file);
        for (int at = scalar.value().indexOf('$'); at >= 0; at = scalar.value().indexOf('$', at + 1)) {
          SourceRange range = positions.range(at, at + 1);
          assertThat(text.substring(range.startOffset(), range.endOffset()))
              .as("%s at %s", scalar.value(), range).isIn("$", "\\x24", "\\u0024");
          placed++;
        }
      }
    }
    assertThat(placed).isGreaterThan(1000);
  }

  private static void collect(Node node, List<ScalarNode> into) {
    if (!node.origin().via().isEmpty()) {
      return; // an alias: its values are read where they are written
    }
    if (node instanceof MapNode map) {
      map.entries().forEach(e -> collect(e.value(), into));
    } else if (node instanceof SeqNode seq) {
      seq.items().forEach(item -> collect(item, into));
    } else {
      into.add((ScalarNode) node);
    }
  }
}
