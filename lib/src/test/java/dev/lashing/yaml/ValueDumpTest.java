package dev.lashing.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;

/**
 * ValueDump hands snakeyaml-engine's emitter the events its representer and serializer would make: the text is
 * the one {@code Dump} writes with the same settings, for every kind of value {@code config} prints but floats,
 * which it writes as go-yaml does where Dump writes Java's {@code Double.toString}, and strings with a character
 * that Dump writes as it is where Compose would refuse or misread it.
 */
class ValueDumpTest {
  /** Strings that take each way of writing a scalar: plain, quoted, literal block, escaped, and keys too long to be simple. */
  private static final List<String> TEXTS = List.of(
      "", " ", "web", "nginx:1.27", "a b", " leading", "trailing ", "null", "Null", "~", "true", "yes", "off",
      "0755", "0x1F", "+12", ".5", "1e3", "12:30", "2001-12-14", "<<", "-", "- item", "? key", ": v", "a: b",
      "a #b", "#c", "[x]", "{y}", "*alias", "&anchor", "!tag", "%pct", "@at", "`tick", "'single'", "\"double\"",
      "it's", "say \"hi\"", "back\\slash", "$$HOME", "tab\there", "line\nbreak", "two\n\nbreaks\n", "ends\n",
      "ends\n\n", "\nstarts", "  indented\nblock", "bell\u0007", "café", "日本語", "emoji \ud83d\ude00",
      "crlf\r\nline", "cr\ronly", "c1\u0080\u009f", "not a character \ufffe",
      "k".repeat(127), "k".repeat(128), "k".repeat(129) + " with space", "long " + "word ".repeat(40));

  @Test
  void writesWhatDumpWritesForEachKindOfValue() {
    Map<String, Object> every = new LinkedHashMap<>();
    for (int i = 0; i < TEXTS.size(); i++) {
      every.put("s" + i, TEXTS.get(i));
      every.put(TEXTS.get(i), i);
    }
    every.put("numbers", new ArrayList<>(List.of(0L, -1L, Long.MAX_VALUE, 1)));
    every.put("others", new ArrayList<>(java.util.Arrays.asList(true, false, null)));
    every.put("empty map", new LinkedHashMap<>());
    every.put("empty list", new ArrayList<>());
    every.put("nested", new ArrayList<>(List.of(new ArrayList<>(List.of("a", new ArrayList<>())),
        new LinkedHashMap<>(Map.of("k", new LinkedHashMap<>())))));
    assertSameAsDump(every);
  }

  /**
   * Dump writes these as they are: a DEL (which Compose's reader refuses anywhere), NEL and the line and paragraph
   * separators (line breaks to it) and the byte order mark (skipped at a line's start).
   */
  private static final List<String> ESCAPED = List.of("del\u007f", "nel\u0085line", "ls\u2028ps\u2029",
      "bom\ufeff", "\ufeffstarts", "two\nlines\u0085", "tab\tand\u2028", "line\nbreak\u007f");

  @Test
  void writesAsEscapesWhatDumpWritesAsItIs() {
    assertThat(ValueDump.document(Map.of("a", "del\u007f"))).isEqualTo("a: \"del\\x7f\"\n");
    assertThat(ValueDump.document(Map.of("a", "nel\u0085line"))).isEqualTo("a: \"nel\\Nline\"\n");
    assertThat(ValueDump.document(Map.of("a", "ls\u2028ps\u2029"))).isEqualTo("a: \"ls\\u2028ps\\u2029\"\n");
    assertThat(ValueDump.document(Map.of("a", "bom\ufeff"))).isEqualTo("a: \"bom\\ufeff\"\n");

    Map<String, Object> every = new LinkedHashMap<>();
    for (int i = 0; i < ESCAPED.size(); i++) {
      every.put("s" + i, ESCAPED.get(i));
      every.put(ESCAPED.get(i), "k" + i);
    }
    String document = ValueDump.document(every);
    assertThat(document).doesNotContain("\u007f", "\u0085", "\u2028", "\u2029", "\ufeff");
    MapNode read = (MapNode) YamlReader.read(new SourceFile("compose.yaml", document)).get(0);
    for (int i = 0; i < ESCAPED.size(); i++) {
      assertThat(((ScalarNode) read.get("s" + i)).value()).isEqualTo(ESCAPED.get(i));
      assertThat(((ScalarNode) read.get(ESCAPED.get(i))).value()).isEqualTo("k" + i);
    }
  }

  @Test
  void writesWhatDumpWritesForRandomTrees() {
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      assertSameAsDump(randomMap(random, 0));
    }
  }

  /** strconv.FormatFloat(f, 'g', -1, 64), and go-yaml's names for the infinities and NaN. */
  @Test
  void writesFloatsAsGoYamlDoes() {
    Map<String, Object> floats = new LinkedHashMap<>();
    List<Double> values = List.of(0.5, -2.25, 2.0, 1e20, 1e-7, 1e6, 123456.0, -0.0, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < values.size(); i++) {
      floats.put("f" + i, values.get(i));
    }
    assertThat(ValueDump.document(floats)).isEqualTo("f0: 0.5\nf1: -2.25\nf2: 2\nf3: 1e+20\nf4: 1e-07\nf5: 1e+06\n"
        + "f6: 123456\nf7: -0\nf8: .nan\nf9: .inf\nf10: -.inf\n");
  }

  private static void assertSameAsDump(Object value) {
    assertThat(ValueDump.document(value)).isEqualTo(new Dump(ValueDump.SETTINGS).dumpToString(value));
  }

  private static Map<String, Object> randomMap(Random random, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = random.nextInt(depth == 0 ? 6 : 4);
    for (int i = 0; i < size; i++) {
      map.put(randomText(random), randomValue(random, depth + 1));
    }
    return map;
  }

  private static Object randomValue(Random random, int depth) {
    switch (random.nextInt(depth > 4 ? 6 : 8)) {
      case 0:
        return null;
      case 1:
        return random.nextBoolean();
      case 2:
        return random.nextLong() >> random.nextInt(64);
      case 3:
        return random.nextInt(); // floats are written as go-yaml writes them, not as Dump does
      case 4:
      case 5:
        return randomText(random);
      case 6: {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(randomValue(random, depth + 1));
        }
        return list;
      }
      default:
        return randomMap(random, depth);
    }
  }

  /** A known tricky string, or one made of pieces of them. */
  private static String randomText(Random random) {
    if (random.nextBoolean()) {
      return TEXTS.get(random.nextInt(TEXTS.size()));
    }
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(4); i >= 0; i--) {
      String piece = TEXTS.get(random.nextInt(TEXTS.size()));
      text.append(piece, 0, random.nextInt(piece.length() + 1));
    }
    return text.toString();
  }
}
