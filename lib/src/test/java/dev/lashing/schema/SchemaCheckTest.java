package dev.lashing.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Origin;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.testing.Corpus;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SchemaCheck} never accepts what networknt's validator condemns: held against it on the corpus, on every
 * compose file of the tests, and on each of them with values swapped for values of every other kind.
 */
class SchemaCheckTest {
  private static final Origin NOWHERE = Origin.at(SourceRange.synthetic("mutant"));
  private static final SchemaValidator COMPOSE = SchemaValidator.shared();
  /** Places of a document whose value is swapped, at most; spread evenly over it. */
  private static final int PLACES_PER_DOCUMENT = 12;

  /** Values of every JSON kind, and the edges of the schema's tests: bounds, duplicates, names, patterns. */
  private static final List<Node> REPLACEMENTS = List.of(
      scalar("x", ScalarNode.Type.STRING),
      scalar("", ScalarNode.Type.STRING),
      scalar("always\n", ScalarNode.Type.STRING),
      scalar("5", ScalarNode.Type.INT),
      scalar("-2000", ScalarNode.Type.INT),
      scalar("0xffffffffffffffff", ScalarNode.Type.INT), // the largest integer go-yaml reads: a uint64
      scalar("2.5", ScalarNode.Type.FLOAT),
      scalar("3.0", ScalarNode.Type.FLOAT),
      scalar(".nan", ScalarNode.Type.FLOAT),
      scalar("true", ScalarNode.Type.BOOL),
      scalar("null", ScalarNode.Type.NULL),
      MapNode.empty(NOWHERE),
      MapNode.of(List.of(new MapNode.Entry(scalar("bogus", ScalarNode.Type.STRING), scalar("1", ScalarNode.Type.INT))),
          NOWHERE),
      SeqNode.of(List.of(), NOWHERE),
      SeqNode.of(List.of(scalar("a", ScalarNode.Type.STRING), scalar("a", ScalarNode.Type.STRING)), NOWHERE),
      SeqNode.of(List.of(scalar("1", ScalarNode.Type.INT), scalar("1.0", ScalarNode.Type.FLOAT)), NOWHERE));

  @Test
  void acceptsEveryValidCorpusFileAloneAndNothingTheValidatorCondemns() throws IOException {
    Corpus.assumePresent();
    int documents = 0;
    int mutants = 0;
    int leftToExplain = 0;
    for (Corpus.Entry entry : Corpus.entries()) {
      if (!entry.isCompose()) {
        continue;
      }
      for (MapNode document : documents(Corpus.root().resolve("files").resolve(entry.localFile()))) {
        documents++;
        if (validForNetworknt(COMPOSE, document)) {
          assertThat(COMPOSE.acceptedWithoutExplaining(document))
              .as("%s is valid: the check alone must say so", entry.localFile())
              .isTrue();
        }
        for (MapNode mutant : mutants(document)) {
          mutants++;
          leftToExplain += agreesWithTheValidator(mutant, entry.localFile()) ? 0 : 1;
        }
      }
    }
    System.err.printf("SchemaCheckTest: %d corpus documents, %d mutants, %d valid ones left to the validator%n",
        documents, mutants, leftToExplain);
    assertThat(mutants).isGreaterThan(1000);
  }

  @Test
  void agreesOnEveryComposeFileOfTheTests() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("src/test/resources"))) {
      files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
    }
    int checked = 0;
    for (Path file : files) {
      for (MapNode document : documents(file)) {
        if (document.has("services") || document.has("include")) {
          agreesWithTheValidator(document, file.toString());
          mutants(document).forEach(m -> agreesWithTheValidator(m, file.toString()));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  /** Schema values the check cannot judge as the validator does are left to it, never accepted. */
  @ParameterizedTest
  @ValueSource(strings = {
      "services: {web: {image: nginx, cpu_count: 2.0}}",
      "services: {web: {image: nginx, ports: [.inf]}}",
      "services: {web: {image: nginx, dns: [1, 1.0]}}",
  })
  void leavesWhatItCannotJudgeToTheValidator(String yaml) {
    MapNode document = (MapNode) YamlReader.read(new SourceFile("compose.yaml", yaml)).get(0);
    assertThat(COMPOSE.acceptedWithoutExplaining(document)).isFalse();
  }

  /** Valid documents are accepted by the check alone; invalid ones go to the validator, which explains them. */
  @ParameterizedTest
  @MethodSource("documentsAndWhetherValid")
  void acceptsValidDocumentsAloneAndNoOther(String yaml, boolean valid) {
    MapNode document = (MapNode) YamlReader.read(new SourceFile("compose.yaml", yaml)).get(0);
    assertThat(validForNetworknt(COMPOSE, document)).isEqualTo(valid);
    assertThat(COMPOSE.acceptedWithoutExplaining(document)).isEqualTo(valid);
  }

  static Stream<Arguments> documentsAndWhetherValid() {
    return Stream.of(
        Arguments.of("services: {web: {image: nginx, cpu_count: 2}}", true),
        Arguments.of("services: {web: {image: nginx, ports: ['80:80', {target: 443}]}}", true),
        Arguments.of("services: {web: {image: nginx, gpus: all}}", true),
        Arguments.of("services: {web: {image: nginx, pull_policy: every_2d}}", true),
        Arguments.of("x-anything: {nested: [1, 2]}\nservices: {}", true),
        Arguments.of("services: {web: {image: nginx, gpus: some}}", false),
        Arguments.of("services: {web: {image: nginx, gpus: \"all\\n\"}}", false),
        Arguments.of("services: {web: {image: nginx, cpu_percent: 101}}", false),
        Arguments.of("services: {web: {image: nginx, dns: [a, a]}}", false),
        Arguments.of("services: {web: {imgae: nginx}}", false),
        // a service's extension keys: those its pattern ^x- finds, at the start of the key and nowhere else
        Arguments.of("services: {web: {image: nginx, x-team: core, x-: 1}}", true),
        Arguments.of("services: {web: {image: nginx, X-team: core}}", false),
        Arguments.of("services: {web: {image: nginx, ax-team: core}}", false),
        Arguments.of("services: {web: {image: nginx, x_team: core}}", false),
        Arguments.of("networks: {back: {x-zone: a}, front: {x-zone: b, driver: bridge}}\nservices: {}", true),
        Arguments.of("networks: {back: {xzone: a}}\nservices: {}", false));
  }

  /** The config and inventory schemas use keywords the Compose schema does not: they hold too. */
  @Test
  void theOtherBundledSchemasAgree() {
    SchemaValidator config = SchemaValidator.forBundledSchema("lashing-config.schema.json");
    for (String yaml : List.of(
        "policy: production", "policy: nonsense", "rules: {cpu-limit: off}", "rules: {cpu-limit: {level: high}}",
        "rules: {cpu-limit: [1]}", "ignore: [a, b]", "ignore: a", "bogus: 1")) {
      MapNode document = (MapNode) YamlReader.read(new SourceFile(".lashing.yml", yaml)).get(0);
      boolean valid = validForNetworknt(config, document);
      assertThat(!config.acceptedWithoutExplaining(document) || valid).as(yaml).isTrue();
      mutants(document).forEach(m ->
          assertThat(!config.acceptedWithoutExplaining(m) || validForNetworknt(config, m)).as(yaml).isTrue());
    }
  }

  /**
   * Whether networknt's validator, the reference the check must never contradict, finds nothing wrong (not {@link
   * SchemaValidator#explain}, which asks {@link SchemaExplainer} first).
   */
  private static boolean validForNetworknt(SchemaValidator validator, MapNode document) {
    return validator.violations(validator.explainedByNetworknt(document), document, "x").isEmpty();
  }

  /** Asserts the check accepts nothing the validator condemns; whether the validator found it valid. */
  private static boolean agreesWithTheValidator(MapNode document, String name) {
    boolean valid = validForNetworknt(COMPOSE, document);
    boolean accepted = COMPOSE.acceptedWithoutExplaining(document);
    assertThat(!accepted || valid).as("%s: the check accepts what the validator condemns: %s", name, document)
        .isTrue();
    return !valid || accepted;
  }

  private static List<MapNode> documents(Path file) throws IOException {
    List<MapNode> documents = new ArrayList<>();
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (Node document : YamlReader.read(new SourceFile(file.getFileName().toString(), text))) {
        if (document instanceof MapNode map) {
          documents.add(map);
        }
      }
    } catch (RuntimeException | java.nio.charset.MalformedInputException unreadable) {
      // files of the tests that are broken on purpose have no tree to compare
    }
    return documents;
  }

  /** The document with the value at some of its places swapped for each replacement, and a key added there. */
  private static List<MapNode> mutants(MapNode document) {
    int places = count(document);
    int stride = Math.max(1, places / PLACES_PER_DOCUMENT);
    List<MapNode> mutants = new ArrayList<>();
    for (int place = 1; place < places; place += stride) {
      for (Node replacement : REPLACEMENTS) {
        int target = place;
        mutants.add((MapNode) replaceAt(document, new int[] {target}, n -> replacement));
      }
      int target = place;
      mutants.add((MapNode) replaceAt(document, new int[] {target},
          n -> n instanceof MapNode map ? map.with("bogus", scalar("1", ScalarNode.Type.INT)) : n));
    }
    return mutants;
  }

  private static int count(Node node) {
    int n = 1;
    if (node instanceof MapNode map) {
      for (MapNode.Entry e : map.entries()) {
        n += count(e.value());
      }
    } else if (node instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        n += count(item);
      }
    }
    return n;
  }

  /** The tree with the node at pre-order position {@code left[0]} (0 is the root) replaced. */
  private static Node replaceAt(Node node, int[] left, UnaryOperator<Node> replace) {
    if (left[0] == 0) {
      left[0]--;
      return replace.apply(node);
    }
    left[0]--;
    if (node instanceof MapNode map) {
      List<MapNode.Entry> entries = new ArrayList<>();
      for (MapNode.Entry e : map.entries()) {
        entries.add(left[0] >= 0 ? e.withValue(replaceAt(e.value(), left, replace)) : e);
      }
      return map.withEntries(entries);
    }
    if (node instanceof SeqNode seq) {
      List<Node> items = new ArrayList<>();
      for (Node item : seq.items()) {
        items.add(left[0] >= 0 ? replaceAt(item, left, replace) : item);
      }
      return seq.withItems(items);
    }
    return node;
  }

  private static ScalarNode scalar(String value, ScalarNode.Type type) {
    return new ScalarNode(value, type, ScalarNode.Style.PLAIN, NOWHERE, Node.MergeTag.NONE);
  }
}
