package dev.lashing.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real compose file of the shared corpus ({@code ../shared/corpus}) passes the schema. The corpus is
 * not ours and never enters the repository; without it these tests are skipped, saying so.
 */
class SchemaCorpusTest {

  private static final String ABSENT = "../shared/corpus not found: corpus schema test skipped";

  private static Path corpus() {
    String shared = System.getProperty("lashing.shared");
    Path base = shared != null ? Path.of(shared) : Path.of("").toAbsolutePath().getParent().resolve("../shared");
    return base.resolve("corpus");
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusComposeFileIsValid() throws IOException {
    Path corpus = corpus();
    if (!Files.isRegularFile(corpus.resolve("MANIFEST.tsv"))) {
      System.err.println(ABSENT);
      // A test of its own, so the skip shows in the counts and not only in the log.
      return Stream.of(DynamicTest.dynamicTest("corpus", () -> assumeTrue(false, ABSENT)));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : Files.readAllLines(corpus.resolve("MANIFEST.tsv"))) {
      String[] columns = line.split("\t");
      String file = columns[0];
      boolean compose = file.endsWith(".yml") || file.endsWith(".yaml");
      if (columns.length < 7 || !compose || columns[6].equals("spec-fixture")) {
        continue;
      }
      Path path = corpus.resolve("files").resolve(file);
      tests.add(DynamicTest.dynamicTest(file, () -> assertValid(path)));
    }
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  /** compose-go's own example of every attribute; a spec fixture, but one meant to load. */
  @Test
  void theReferenceLoadersFullExampleIsValid() throws IOException {
    Path example = corpus().resolve("files/compose-spec__compose-go__loader__full-example.yml");
    assumeTrue(Files.isRegularFile(example), ABSENT);
    assertValid(example);
  }

  private static void assertValid(Path path) throws IOException {
    String name = path.getFileName().toString();
    String text = Files.readString(path, StandardCharsets.UTF_8);
    List<String> errors = new ArrayList<>();
    for (Node document : YamlReader.read(new SourceFile(name, text))) {
      if (document instanceof MapNode map) {
        SchemaValidator.shared().validate(map, name).stream().map(Diagnostic::toString).forEach(errors::add);
      }
    }
    assertThat(errors).isEmpty();
  }
}
