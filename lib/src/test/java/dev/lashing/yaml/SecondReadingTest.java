package dev.lashing.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.ScalarNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A second reading takes the tabs between two things on a line for spaces, as go-yaml does; those that look like text
 * of a quoted scalar written on one line it leaves tabs, so that the values holding them are not read a third time,
 * and where that look deceives, the text is read as if it had not been taken.
 */
class SecondReadingTest {
  /** How many tabs the second reading of {@code text} presumes text of quoted scalars; 0 when it presumes none. */
  private static int presumed(String text) {
    SecondReading second = SecondReading.of(text, IndentationTabs.of(text));
    SecondReading presuming = second == null ? null : second.presumingQuotedTabs();
    return presuming == null ? 0 : presuming.presumedCount();
  }

  private static String value(String text, String key) {
    MapNode root = (MapNode) YamlReader.parse(new SourceFile("compose.yaml", text)).documents().get(0);
    return ((ScalarNode) root.get(key)).value();
  }

  @Test
  void tabsWithinQuotesClosedOnTheirLineArePresumedText() {
    assertThat(presumed("a:\tb\nc: \"x\ty\"\n")).isEqualTo(1);
    assertThat(presumed("a:\tb\nc: 'x\ty\t'\n")).isEqualTo(2);
    assertThat(presumed("a:\tb\n\"k\tk\": v\n")).isEqualTo(1); // a quoted key, first on its line
    assertThat(presumed("a:\tb\nc: [\"x\ty\",\t'z\tw']\n")).isEqualTo(2); // the tab after the comma is a separator
    assertThat(presumed("a:\tb\n- \"x\ty\"\n")).isEqualTo(1);
    // escaped quotes do not close: \" in double quotes, '' in single ones
    assertThat(presumed("a:\tb\nc: \"x\\\"\ty\"\nd: 'x''\ty'\n")).isEqualTo(2);
  }

  @Test
  void tabsThatDoNotLookQuotedAreSeparators() {
    assertThat(presumed("a:\tb\nc: x\t\"y\"\n")).isZero(); // after the value, not within it
    assertThat(presumed("a:\tb\nc: x \"y\tz\"\n")).isZero(); // a quote within an unquoted value
    assertThat(presumed("a:\tb\nc: \"x\ty\n  z\"\n")).isZero(); // not closed on its line
    assertThat(presumed("a:\tb\nc: \"x\\\n\ty\"\n")).isZero(); // nor with an escaped line break
    assertThat(presumed("a:\tb # \"c\td\"\n")).isZero(); // in a comment
    // where they are all the second reading would change, it reads them as before
    assertThat(presumed("a: \"x\ty\"\n")).isZero();
  }

  @Test
  void quotedValuesKeepTheirTabs() {
    String text = "a:\tb\nc: \"x:\ty\"\nd: 'p\tq'\ne: [\"m\tn\", 'o\tp']\n\"k\tk\":\tv\n";
    assertThat(value(text, "a")).isEqualTo("b");
    assertThat(value(text, "c")).isEqualTo("x:\ty");
    assertThat(value(text, "d")).isEqualTo("p\tq");
    MapNode root = (MapNode) YamlReader.parse(new SourceFile("compose.yaml", text)).documents().get(0);
    assertThat(root.get("e").kindName()).isEqualTo("sequence");
    assertThat(((dev.lashing.tree.SeqNode) root.get("e")).items()).extracting(n -> ((ScalarNode) n).value())
        .isEqualTo(List.of("m\tn", "o\tp"));
    assertThat(value(text, "k\tk")).isEqualTo("v");
  }

  @Test
  void whereTheLookDeceivesTheTextIsReadAsBefore() {
    // ', "' within an unquoted value looks like the start of a quoted one: its tab is the value's text all the same
    assertThat(presumed("a:\tb\nc: x, \"y\tz\"\n")).isEqualTo(1);
    assertThat(value("a:\tb\nc: x, \"y\tz\"\n", "c")).isEqualTo("x, \"y\tz\"");
    // so is one after ' - ' within an unquoted value
    assertThat(value("a:\tb\nc: x - \"y\tz\"\n", "c")).isEqualTo("x - \"y\tz\"");
    // and one in a block scalar's text, where a quote first on a line is text too
    assertThat(presumed("a:\tb\nc: |\n  \"y\tz\"\n")).isEqualTo(1);
    assertThat(value("a:\tb\nc: |\n  \"y\tz\"\n", "c")).isEqualTo("\"y\tz\"\n");
  }
}
