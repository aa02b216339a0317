package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.Scalars;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds trees from YAML text and prints them as compact, deterministic flow YAML for assertions. */
final class TreeFixtures {
  private TreeFixtures() {}

  static MapNode yaml(String name, String text) {
    return (MapNode) YamlReader.read(new SourceFile(name, text)).get(0);
  }

  /** One file canonicalized, asserting it has no problems. */
  static MapNode canonical(String text) {
    List<Diagnostic> problems = new ArrayList<>();
    MapNode file = Canonicalizer.canonicalize(yaml("compose.yaml", text), problems, ExpansionBudget.inOrder());
    assertThat(problems).isEmpty();
    return file;
  }

  /**
   * The files as the loader runs them: resets recorded and stripped, canonical form, resets applied to the
   * earlier model, merged into it. File i is named {@code f<i>.yaml}.
   */
  static MapNode load(String... texts) {
    MapNode model = MapNode.empty(Origin.at(SourceRange.synthetic("model")));
    for (int i = 0; i < texts.length; i++) {
      MapNode raw = yaml("f" + (i + 1) + ".yaml", texts[i]);
      Resets resets = Resets.collect(raw);
      List<Diagnostic> problems = new ArrayList<>();
      MapNode file = Canonicalizer.canonicalize(resets.stripResets(raw), problems, ExpansionBudget.inOrder());
      assertThat(problems).isEmpty();
      model = Merger.merge(resets.applyTo(model), file);
    }
    return model;
  }

  /** The node at a dotted path of keys (a number indexes a sequence). */
  static Node at(Node root, String dotted) {
    Node node = root;
    for (String part : dotted.split("\\.")) {
      node = node instanceof SeqNode seq ? seq.get(Integer.parseInt(part)) : ((MapNode) node).get(part);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  static String text(Node root, String dotted) {
    Node node = at(root, dotted);
    return node == null ? "<absent>" : render(node);
  }

  /** Flow YAML; a string is quoted only when it would read back as something else. */
  static String render(Node node) {
    if (node instanceof MapNode map) {
      return map.entries().stream()
          .map(e -> render(e.key()) + ": " + render(e.value()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (node instanceof SeqNode seq) {
      return seq.items().stream().map(TreeFixtures::render).collect(Collectors.joining(", ", "[", "]"));
    }
    ScalarNode s = (ScalarNode) node;
    if (!s.isString()) {
      return s.isNull() ? "null" : s.text();
    }
    return needsQuotes(s.value()) ? '"' + s.value().replace("\"", "\\\"") + '"' : s.value();
  }

  private static boolean needsQuotes(String v) {
    return v.isEmpty()
        || Scalars.resolvePlain(v) != ScalarNode.Type.STRING
        || v.chars().anyMatch(c -> "{}[],\"'#".indexOf(c) >= 0)
        || v.contains(": ")
        || v.endsWith(":")
        || !v.strip().equals(v);
  }

  /** {@code file:line} of where a node is written. */
  static String line(Node node) {
    SourceRange at = node.origin().at();
    return at.file() + ":" + at.line();
  }
}
