package dev.lashing.yaml;

import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.Scalars;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.emitter.Emitter;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;
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
  /** What {@link #hasCharacterToEscape} looks for. */
  private static final String WRITTEN_AS_IS = "\u007f\u0085\u2028\u2029\uFEFF";
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

  /** Block style, two-space indentation, no line folding, quoting as {@link #GO_YAML} decides. */
  static final DumpSettings SETTINGS = DumpSettings.builder()
      .setDefaultFlowStyle(FlowStyle.BLOCK)
      .setIndent(2)
      .setIndicatorIndent(2)
      .setIndentWithIndicator(true)
      .setWidth(Integer.MAX_VALUE)
      .setSchema(GO_YAML)
      .build();

  private ValueDump() {}

  /**
   * The document as snakeyaml-engine's {@code Dump} writes it with {@link #SETTINGS}, handed to its emitter as
   * the events its representer and serializer would make of the values: those build a node for every value and
   * look each up in three hash tables (for anchors a tree of fresh values never needs), a third of what
   * {@code config} spent on a large project.
   */
  static String document(Object value) {
    StringBuilder text = new StringBuilder();
    Emitter emitter = new Emitter(SETTINGS, new StreamDataWriter() {
      @Override
      public void write(String str) {
        text.append(str);
      }

      @Override
      public void write(String str, int off, int len) {
        text.append(str, off, off + len);
      }
    });
    emitter.emit(new StreamStartEvent());
    emitter.emit(new DocumentStartEvent(SETTINGS.isExplicitStart(), SETTINGS.getYamlDirective(),
        SETTINGS.getTagDirective()));
    emit(emitter, value);
    emitter.emit(new DocumentEndEvent(SETTINGS.isExplicitEnd()));
    emitter.emit(new StreamEndEvent());
    return escapedInQuotes(text.toString());
  }

  /**
   * Whether {@code text} has a character the emitter writes as it is where Compose's reader refuses or misreads it:
   * a DEL (refused anywhere), NEL and the line and paragraph separators (line breaks to it) or a byte order mark
   * (skipped at the start of a line). The emitter escapes NEL in double quotes; {@link #escapedInQuotes} the rest.
   */
  private static boolean hasCharacterToEscape(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (WRITTEN_AS_IS.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The document with each DEL, line or paragraph separator and byte order mark, all in double quotes, escaped. */
  private static String escapedInQuotes(String document) {
    if (document.indexOf('\u007f') < 0 && document.indexOf('\u2028') < 0 && document.indexOf('\u2029') < 0
        && document.indexOf('\uFEFF') < 0) {
      return document;
    }
    StringBuilder out = new StringBuilder(document.length() + 16);
    for (int i = 0; i < document.length(); i++) {
      char c = document.charAt(i);
      switch (c) {
        case '\u007f' -> out.append("\\x7f");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        case '\uFEFF' -> out.append("\\ufeff");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static void emit(Emitter emitter, Object value) {
    if (value instanceof Map<?, ?> map) {
      emitter.emit(new MappingStartEvent(Optional.empty(), Optional.of(Tag.MAP.getValue()), true, FlowStyle.BLOCK));
      for (Map.Entry<?, ?> e : map.entrySet()) {
        emit(emitter, e.getKey());
        emit(emitter, e.getValue());
      }
      emitter.emit(new MappingEndEvent());
    } else if (value instanceof List<?> list) {
      emitter.emit(new SequenceStartEvent(Optional.empty(), Optional.of(Tag.SEQ.getValue()), true, FlowStyle.BLOCK));
      for (Object item : list) {
        emit(emitter, item);
      }
      emitter.emit(new SequenceEndEvent());
    } else if (value == null) {
      scalar(emitter, Tag.NULL, "null", ScalarStyle.PLAIN);
    } else if (value instanceof Boolean b) {
      scalar(emitter, Tag.BOOL, b ? "true" : "false", ScalarStyle.PLAIN);
    } else if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
      scalar(emitter, Tag.INT, value.toString(), ScalarStyle.PLAIN);
    } else if (value instanceof Double d) {
      // as go-yaml writes a float: strconv's shortest 'g' (2, 0.5, 1e+06, 1e-05, -0), its own names for the rest,
      // with no tag when the text reads as an integer (2), as its desolver leaves a float that does
      String text = d.isNaN() ? ".nan" : d == Double.POSITIVE_INFINITY ? ".inf"
          : d == Double.NEGATIVE_INFINITY ? "-.inf" : Scalars.goFloat(d);
      scalar(emitter, Scalars.resolvePlain(text) == ScalarNode.Type.INT ? Tag.INT : Tag.FLOAT, text, ScalarStyle.PLAIN);
    } else if (value instanceof String text) {
      // As the representer does, a multi-line string is a literal block when it can be; but one the emitter would
      // write with a character as it is, plain or in a block, goes in double quotes, to be escaped there
      ScalarStyle style = hasCharacterToEscape(text) ? ScalarStyle.DOUBLE_QUOTED
          : text.indexOf('\n') >= 0 ? ScalarStyle.LITERAL : ScalarStyle.PLAIN;
      scalar(emitter, Tag.STR, text, style);
    } else {
      throw new IllegalArgumentException("not a plain value: " + value.getClass().getName());
    }
  }

  /** A scalar, its tag left out where a reader resolves the text to it, as the serializer decides. */
  private static void scalar(Emitter emitter, Tag tag, String text, ScalarStyle style) {
    ScalarResolver resolver = SETTINGS.getSchema().getScalarResolver();
    ImplicitTuple implicit = new ImplicitTuple(tag.equals(resolver.resolve(text, true)),
        tag.equals(resolver.resolve(text, false)));
    emitter.emit(new ScalarEvent(Optional.empty(), Optional.of(tag.getValue()), implicit, text, style));
  }
}
