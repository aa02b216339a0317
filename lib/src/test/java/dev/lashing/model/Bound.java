package dev.lashing.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;

/** A project bound from hand-written canonical YAML, with the problems the binder reported. */
record Bound(Project project, List<Diagnostic> problems, String yaml) {

  static Bound of(String yaml) {
    MapNode root = (MapNode) YamlReader.read(new SourceFile("compose.yaml", yaml)).get(0);
    List<Diagnostic> problems = new ArrayList<>();
    return new Bound(ModelBinder.bind("demo", root, problems), problems, yaml);
  }

  /** Binds a single service {@code s} written under {@code services: s:} with 4-space indented attributes. */
  static Bound service(String attributes) {
    return of("services:\n  s:\n" + attributes.indent(4));
  }

  Service s() {
    return project.services().get("s");
  }

  List<String> messages() {
    return problems.stream().map(Diagnostic::toString).toList();
  }

  Bound clean() {
    assertThat(messages()).isEmpty();
    return this;
  }

  /** Asserts that {@code value} is written where {@code needle} starts inside the first {@code anchor}. */
  void assertAt(Located<?> value, String anchor, String needle) {
    int offset = yaml.indexOf(anchor);
    assertThat(offset).as("'%s' in the YAML", anchor).isNotNegative();
    offset += anchor.indexOf(needle);
    int line = (int) yaml.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    int column = offset - yaml.lastIndexOf('\n', offset - 1);
    assertThat(value.at().line()).as("line of %s", anchor).isEqualTo(line);
    assertThat(value.at().column()).as("column of %s", anchor).isEqualTo(column);
  }

  void assertAt(Located<?> value, String text) {
    assertAt(value, text, text);
  }
}
