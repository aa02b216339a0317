package dev.lashing.schema;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@link SchemaExplainer} on any document the schema refuses: where it speaks, its errors are networknt's, phrased
 * alike. (In this module for Jazzer, in the schema's package for the explainers' package-private entry points.)
 */
class SchemaExplainerFuzzTest {
  private static final SchemaValidator COMPOSE = SchemaValidator.shared();

  @FuzzTest(maxDuration = "10s")
  void explainsAsNetworkntDoes(byte[] input) {
    List<Node> documents;
    try {
      documents = YamlReader.read(new SourceFile("compose.yaml", new String(input, StandardCharsets.UTF_8)));
    } catch (ComposeException notYaml) {
      return;
    }
    for (Node document : documents) {
      if (document instanceof MapNode root && !COMPOSE.acceptedWithoutExplaining(root)) {
        List<Finding> here = COMPOSE.explainedHere(root);
        if (here != null) {
          List<Violation> ours = COMPOSE.violations(here, root, "compose.yaml");
          List<Violation> theirs = COMPOSE.violations(COMPOSE.explainedByNetworknt(root), root, "compose.yaml");
          if (!ours.equals(theirs)) {
            throw new AssertionError("explained here as " + ours + ", by networknt as " + theirs);
          }
        }
      }
    }
  }
}
