package dev.lashing.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.SourceFile;
import dev.lashing.testing.Corpus;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link SchemaExplainer} finds what networknt's validator finds: the errors of a document, phrased, are the same
 * whichever explains it. Compared on hand-written mistakes and on mistakes made in every compose file of the shared
 * corpus ({@code ../shared/corpus}, skipped, saying so, when absent): misspelt keys, values of other types, numbers
 * out of range, values outside an enum, removed lines, repeated items.
 */
class SchemaExplainerTest {
  private static final SchemaValidator COMPOSE = SchemaValidator.shared();
  private static final Pattern KEY = Pattern.compile("^(\\s*(?:- )?)([A-Za-z_][A-Za-z0-9_.-]*)(:)(.*)$");
  private static final List<String> VALUES = List.of(" {a: 1}", " [1, 2]", " true", " 42", " 4.5", " null",
      " \"text\"", " -5", " 99999", " 1.0", " 0x10", " [{a: 1}]", " {}", " []", " ''", " ${VAR}", " 1e400");

  private static MapNode document(String yaml) {
    return (MapNode) YamlReader.read(new SourceFile("compose.yaml", yaml)).get(0);
  }

  @Test
  void explainsAMisspelledKeyWithASuggestion() {
    MapNode root = document("services:\n  web:\n    imgae: nginx:1.27\n");
    List<Finding> found = COMPOSE.explainedHere(root);

    assertThat(found).extracting(Finding::keyword, Finding::property).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("additionalProperties", "imgae"));
    assertThat(COMPOSE.violations(found, root, "compose.yaml")).extracting(v -> v.diagnostic().toString())
        .containsExactly("compose.yaml:3:5: services.web additional properties 'imgae' not allowed "
            + "(did you mean 'image'?)");
  }

  @Test
  void appliesEveryKeywordOfASchemaObject() {
    // a mapping where a list is asked for: the type is wrong, and its keys are still judged
    MapNode root = document("services:\n  web:\n    image: 5\n    cpu_percent: 150\n    cgroup: other\n");

    assertThat(COMPOSE.violations(COMPOSE.explainedHere(root), root, "compose.yaml"))
        .extracting(v -> v.diagnostic().message())
        .containsExactly("services.web.image must be a string", "services.web.cpu_percent must be less than or "
            + "equal to 100", "services.web.cgroup must be one of 'host', 'private'");
  }

  @Test
  void appliesThenWhereTheConditionHolds() {
    MapNode root = document("services:\n  web:\n    image: nginx\n    gpus: some\n");

    assertThat(COMPOSE.violations(COMPOSE.explainedHere(root), root, "compose.yaml"))
        .extracting(v -> v.diagnostic().message())
        .containsExactly("services.web.gpus must be one of 'all'");
  }

  @Test
  void leavesToNetworkntWhatOnlyItCanJudge() {
    // whether 1.0 is an integer is the validator's setting; whether two items are equal, its comparison
    assertThat(COMPOSE.explainedHere(document("services:\n  web:\n    image: nginx\n    cpu_count: 1.0\n")))
        .isNull();
    assertThat(COMPOSE.explainedHere(document("services:\n  web:\n    image: nginx\n    dns: [a, a]\n"))).isNull();
  }

  @Test
  void aSchemaWithOtherKeywordsIsLeftToNetworknt() {
    PreparedSchema oneOf = new PreparedSchema(SchemaValidator.parse(
        "{\"type\": \"object\", \"properties\": {\"a\": {\"oneOf\": [{\"type\": \"string\"}]}}}"));

    assertThat(SchemaExplainer.of(oneOf)).isNull();
  }

  @Test
  void handWrittenMistakesAreExplainedAlike() {
    List<String> documents = List.of(
        "services:\n  web:\n    imgae: nginx\n",
        "services:\n  web:\n    image: nginx\n    ports: {a: 1}\n",
        "services:\n  web:\n    image: nginx\n    depends_on:\n      db: {restart: true}\n",
        "services:\n  web:\n    image: nginx\n    deploy: {resources: {limits: {cpus: [1]}}}\n",
        "services:\n  web:\n    build: {context: ., dockerfile: 5, args: [1, {a: b}]}\n",
        "networks:\n  n: {driver: 5, ipam: {config: [{subnet: 1}]}}\nservices: {}\n",
        "version: 3\nservices:\n  web: {image: nginx, volumes: [{type: nothing, source: a}]}\n",
        "services:\n  web: {image: nginx, healthcheck: {test: 5, retries: -1}, oom_score_adj: -5000}\n",
        "x-a: 1\nfoo: bar\nservices:\n  web: [1]\n");
    int compared = 0;
    for (String yaml : documents) {
      compared += compare(document(yaml), yaml);
    }
    assertThat(compared).isEqualTo(documents.size());
  }

  @Test
  void mistakesInTheCorpusAreExplainedAlike() throws IOException {
    Corpus.assumePresent();
    Random random = new Random(42);
    int compared = 0;
    int refused = 0;
    for (Corpus.Entry entry : Corpus.entries()) {
      if (!entry.isCompose()) {
        continue;
      }
      String text = Files.readString(Corpus.root().resolve("files").resolve(entry.localFile()), StandardCharsets.UTF_8);
      for (int i = 0; i < 30; i++) {
        String mutant = mutate(text, random);
        List<Node> documents;
        try {
          documents = YamlReader.read(new SourceFile(entry.localFile(), mutant));
        } catch (RuntimeException unreadable) {
          continue; // not YAML any more: nothing for the schema to say
        }
        for (Node document : documents) {
          if (document instanceof MapNode map && !COMPOSE.acceptedWithoutExplaining(map)) {
            refused++;
            compared += compare(map, entry.localFile() + " mutant " + i);
          }
        }
      }
    }
    System.err.println("SchemaExplainerTest: " + refused + " corpus mutants the schema refuses, " + compared
        + " of them explained alike by both explainers, the rest left to networknt's");
    // most documents the schema refuses are explained here: a comparison that cannot fail is none
    assertThat(compared).isGreaterThan(refused * 3 / 4).isGreaterThan(500);
  }

  /** 1 when both explainers spoke and agreed, 0 when only networknt's could (asserts the agreement). */
  private static int compare(MapNode root, String what) {
    List<Finding> here = COMPOSE.explainedHere(root);
    if (here == null) {
      return 0;
    }
    assertThat(COMPOSE.violations(here, root, "compose.yaml")).as(what)
        .isEqualTo(COMPOSE.violations(COMPOSE.explainedByNetworknt(root), root, "compose.yaml"));
    return 1;
  }

  /** The text with one line changed: a key misspelt, a value replaced, the line removed or repeated. */
  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int at = random.nextInt(lines.size());
    String line = lines.get(at);
    Matcher key = KEY.matcher(line);
    switch (random.nextInt(4)) {
      case 0 -> {
        if (key.matches() && key.group(2).length() > 2) {
          String name = key.group(2);
          int cut = 1 + random.nextInt(name.length() - 1);
          lines.set(at, key.group(1) + name.substring(0, cut - 1) + name.charAt(cut) + name.charAt(cut - 1)
              + name.substring(cut + 1) + key.group(3) + key.group(4));
        }
      }
      case 1 -> {
        if (key.matches()) {
          lines.set(at, key.group(1) + key.group(2) + key.group(3) + VALUES.get(random.nextInt(VALUES.size())));
        }
      }
      case 2 -> lines.remove(at);
      default -> lines.add(at, line);
    }
    return String.join("\n", lines);
  }
}
