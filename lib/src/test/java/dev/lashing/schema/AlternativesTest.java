package dev.lashing.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alternatives written as {@code oneOf}/{@code anyOf}, the way Compose's own schema writes short and long
 * forms, collapse to one error per mistake, taken from the alternative that fits the value.
 */
class AlternativesTest {
  private static final SchemaValidator VALIDATOR = new SchemaValidator("""
      {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "properties": {
          "build": {"$ref": "#/definitions/build"},
          "ports": {"type": "array", "items": {"$ref": "#/definitions/port"}},
          "either": {"oneOf": [{"type": "string"}, {"type": "string", "maxLength": 5}]},
          "device": {"type": "object", "anyOf": [{"required": ["capabilities"]}, {"required": ["driver"]}]}
        },
        "definitions": {
          "build": {
            "oneOf": [
              {"type": "string"},
              {"type": "object", "properties": {"context": {"type": "string"}}, "additionalProperties": false}
            ]
          },
          "port": {
            "oneOf": [
              {"type": "number"},
              {"type": "string"},
              {
                "type": "object",
                "properties": {"target": {"type": "integer"}, "published": {"type": "string"}},
                "required": ["target"],
                "additionalProperties": false
              }
            ]
          }
        }
      }
      """);

  private static List<String> errors(String yaml) {
    MapNode root = (MapNode) YamlReader.read(new SourceFile("t.yaml", yaml)).get(0);
    return VALIDATOR.validate(root, "t.yaml").stream().map(Diagnostic::toString).toList();
  }

  @Test
  void aMappingIsJudgedByTheObjectAlternative() {
    assertThat(errors("build:\n  contxt: .\n"))
        .containsExactly("t.yaml:2:3: build additional properties 'contxt' not allowed (did you mean 'context'?)");
  }

  @Test
  void aTypeNoAlternativeAcceptsIsOneTypeError() {
    assertThat(errors("build: 5\nports: [true]\n")).containsExactly(
        "t.yaml:1:8: build must be a string or mapping",
        "t.yaml:2:9: ports.0 must be a number, string or mapping");
  }

  @Test
  void eachItemIsJudgedOnItsOwn() {
    assertThat(errors("ports:\n  - 80\n  - [1]\n  - {published: 80}\n")).containsExactly(
        "t.yaml:3:5: ports.1 must be a number, string or mapping",
        "t.yaml:4:5: ports.2 missing property 'target'",
        "t.yaml:4:17: ports.2.published must be a string");
  }

  @Test
  void anyOfRequirementsReportTheFirstAlternative() {
    assertThat(errors("device: {count: 1}\n")).containsExactly("t.yaml:1:9: device missing property 'capabilities'");
  }

  @Test
  void twoMatchingAlternativesAreReportedAsSuch() {
    assertThat(errors("either: abc\n")).hasSize(1).first().asString().startsWith("t.yaml:1:9: either ");
  }
}
