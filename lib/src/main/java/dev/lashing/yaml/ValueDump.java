package dev.lashing.yaml;

import dev.lashing.tree.Scalars;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.JsonSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Whole documents of plain Java values (ordered maps, lists, strings, numbers, booleans, null) in block style,
 * two-space indentation, no line folding, through snakeyaml-engine's emitter, quoting as {@link YamlStrings}
 * decides. Kept beside the reader so that the YAML library stays inside this package.
 */
final class ValueDump {
  /** A tag no string of ours carries: it makes the emitter quote the string. */
  private static final Tag QUOTE = new Tag("tag:lashing.dev,2026:quoted");

  /**
   * Decides which strings may be written plain, so the output loads again unchanged in Compose (go-yaml):
   * a string is quoted when go-yaml would read it as null, a boolean or a number ({@code True}, {@code ~},
   * {@code 0755}, {@code 0x1F}, {@code +12}, {@code .5} …), and, like go-yaml's own writer, when YAML 1.1
   * would (yes/no/on/off, base-60, timestamps) or when it is the merge key {@code <<}. snakeyaml-engine's
   * default (JSON) schema quotes only {@code true}, {@code false}, {@code null} and JSON numbers.
   */
  private static final Schema GO_YAML = new JsonSchema() {
    @Override
    public ScalarResolver getScalarResolver() {
      return (value, implicit) -> {
        if (!implicit) {
          return Tag.STR;
        }
        switch (Scalars.resolvePlain(value)) {
          case NULL:
            return Tag.NULL;
          case BOOL:
            return Tag.BOOL;
          case INT:
            return Tag.INT;
          case FLOAT:
            return Tag.FLOAT;
          default:
            return YamlStrings.isMisread(value) ? QUOTE : Tag.STR;
        }
      };
    }
  };

  private ValueDump() {}

  static String document(Object value) {
    DumpSettings settings = DumpSettings.builder()
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setIndent(2)
        .setIndicatorIndent(2)
        .setIndentWithIndicator(true)
        .setWidth(Integer.MAX_VALUE)
        .setSchema(GO_YAML)
        .build();
    return new Dump(settings).dumpToString(value);
  }
}
