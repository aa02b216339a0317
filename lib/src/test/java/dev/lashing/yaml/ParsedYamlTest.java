package dev.lashing.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedYamlTest {

  private static List<String> comments(String yaml) {
    SourceFile source = new SourceFile("compose.yaml", yaml);
    return YamlReader.parse(source).comments().stream()
        .map(c -> c.start() == c.end() ? "<blank>" : source.text().substring(c.start(), c.end()))
        .toList();
  }

  @Test
  void commentsAreRecordedWhereTheyAreWritten() {
    String yaml = "# top\nservices:  # after a key\n  web:\n    image: nginx # after a value\n"
        + "    # alone\n    command: [\"a\", # in a flow list\n      b]\n";
    assertThat(comments(yaml)).containsExactly(
        "# top", "# after a key", "# after a value", "# alone", "# in a flow list");
  }

  /** go-yaml reads a comment right after a block scalar's header, with no blank between, as a comment. */
  @Test
  void aCommentGluedToABlockScalarsHeaderIsOne() {
    assertThat(comments("a: |#c\n  x\nb: x |#d\n")).containsExactly("#c");
  }

  @Test
  void theReaderTellsWhichDocumentsCarryAMergeTag() {
    String yaml = "services: {web: {image: nginx, tags: [\"!reset\"]}}\n"
        + "---\nservices:\n  web:\n    ports: !reset []\n"
        + "---\nx: &tagged !override {a: 1}\nservices:\n  web: {environment: *tagged}\n"
        + "---\nservices: {web: {image: '!override'}}\n"
        + "---\nservices: {web: {cap_add: [!reset NET_ADMIN]}}\n";
    ParsedYaml parsed = YamlReader.parse(new SourceFile("compose.yaml", yaml));

    assertThat(parsed.documents()).hasSize(5);
    assertThat(List.of(0, 1, 2, 3, 4)).map(parsed::hasMergeTags).containsExactly(false, true, true, false, true);
  }

  @Test
  void aHashInsideAScalarIsText() {
    String yaml = "a: \"x # not a comment\"\nb: 'y # nor this'\nc: z#w\nd: |\n  # text of the block\n";
    assertThat(comments(yaml)).isEmpty();
  }

  @Test
  void aBlockScalarHeaderMayCarryAComment() {
    assertThat(comments("a: | # header\n  text\nb: c\n")).containsExactly("# header");
  }

  @Test
  void blankLinesBetweenTokensAreEmptyComments() {
    // as snakeyaml's comment events report them; the blank lines ending a block scalar belong to it
    assertThat(comments("a: b\n\nc: |\n  text\n\nd: e\n")).containsExactly("<blank>");
  }

  @Test
  void aCommentBetweenAValuesPropertiesAndTheValueIsRecorded() {
    assertThat(comments("a: &a !!str # on a\n  text\nb: !!map # on b\n  c: 1\n"))
        .containsExactly("# on a", "# on b");
  }

  @Test
  void anAnchorIsRecordedWhereItsNameIsWrittenThoughATagOrACommentComesBetweenItAndTheValue() {
    String yaml = "x: !!map &base # &base is shared\n  image: a\ny: &tag !!str # &tag\n  b\n";
    List<ParsedYaml.Anchor> anchors = YamlReader.parse(new SourceFile("compose.yaml", yaml)).anchors();
    assertThat(anchors).extracting(ParsedYaml.Anchor::start).containsExactly(yaml.indexOf("&base"),
        yaml.indexOf("&tag"));
    assertThat(anchors).extracting(ParsedYaml.Anchor::valueStart).containsExactly(yaml.indexOf("image: a"),
        yaml.indexOf("b\n"));
  }

  @Test
  void anchorsAreRecordedOnTheNodeTheyName() {
    SourceFile source = new SourceFile("compose.yaml", "x: &base\n  image: a\ny: &tag b\nz: *tag\n");
    List<ParsedYaml.Anchor> anchors = YamlReader.parse(source).anchors();
    assertThat(anchors).extracting(ParsedYaml.Anchor::name).containsExactly("base", "tag");
    assertThat(source.text().substring(anchors.get(0).valueStart())).startsWith("image: a");
    assertThat(source.text().substring(anchors.get(1).valueStart())).startsWith("b\n");
  }

  @Test
  void tagsAreRecordedOnTheValuesTheyTagNotOnKeys() {
    SourceFile source = new SourceFile("compose.yaml",
        "a: !!str &s x\nb: {c: !!null }\n!!str d: !<tag:yaml.org,2002:seq> [e]\nf: !reset\n");
    List<String> tags = YamlReader.parse(source).tags().stream()
        .map(t -> source.text().substring(t.start(), t.end()) + " " + t.name() + " on \""
            + source.text().substring(t.valueStart(), t.valueStart() + 1).strip() + "\"")
        .toList();
    assertThat(tags).containsExactly("!!str tag:yaml.org,2002:str on \"x\"", "!!null tag:yaml.org,2002:null on \"\"",
        "!<tag:yaml.org,2002:seq> tag:yaml.org,2002:seq on \"[\"", "!reset !reset on \"\"");
  }

  @Test
  void aValueIsTaggedWhenATagIsWrittenOnIt() {
    String yaml = "x: !!str no\nservices:\n  web: !!map\n    image: nginx\n    restart: !!str no\n"
        + "    ports: [!!str \"80:80\", 81]\n    labels: !!str yes\n---\nz: !!int 1\n";
    SourceFile source = new SourceFile("compose.yaml", yaml);
    ParsedYaml parsed = YamlReader.parse(source);
    assertThat(parsed.tags()).extracting(ParsedYaml.Tag::valueStart).isSorted();
    for (String tagged : List.of("no\nservices", "image: nginx", "no\n    ports", "\"80:80\"", "yes", "1\n")) {
      assertThat(parsed.isTagged(yaml.indexOf(tagged))).as(tagged).isTrue();
    }
    for (String untagged : List.of("nginx", "81", "web")) {
      assertThat(parsed.isTagged(yaml.indexOf(untagged))).as(untagged).isFalse();
    }
  }
}
