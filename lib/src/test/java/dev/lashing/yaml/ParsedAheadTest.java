package dev.lashing.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The parser read ahead on its own thread gives what reading on one thread gives, failures included. */
class ParsedAheadTest {
  private static final String SERVICES = manyServices(3000);

  @Test
  void readsAheadAlike() {
    for (String text : List.of(
        SERVICES,
        SERVICES + "---\nservices: {b: {image: x}}\n# last\n",
        SERVICES + "  broken: [unclosed\n",
        SERVICES + "  twice:\n    image: a\n    image: b\n",
        SERVICES + "x: " + "[".repeat(300) + "]".repeat(300) + "\n",
        SERVICES + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + aliasBomb(),
        "services: {a: {image: x}}\n")) {
      assertThat(outcome(text, 0)).isEqualTo(outcome(text, Integer.MAX_VALUE));
    }
  }

  @Test
  void stopsTheReaderWhenTheTreeRefusesTheText() throws InterruptedException {
    String bomb = SERVICES + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + aliasBomb() + manyServices(20000);
    assertThat(outcome(bomb, 0)).startsWith("refused");
    for (int i = 0; i < 100 && readerAlive(); i++) {
      Thread.sleep(20);
    }
    assertThat(readerAlive()).as("the parser's thread has ended").isFalse();
  }

  @Test
  void tellsAWatcherOfEachServiceAsItIsReadAndWorksForItWhileWaiting() {
    String text = SERVICES + "---\nservices: {b: {image: x}, <<: {c: {image: y}}}\nx: {services: {d: {}}}\n";
    for (int parsedAheadFrom : new int[] {0, Integer.MAX_VALUE}) {
      Watcher watcher = new Watcher();
      ParsedYaml parsed = YamlReader.parse(new SourceFile("compose.yaml", text), watcher, parsedAheadFrom);
      assertThat(outcome(text, parsedAheadFrom)).isEqualTo(outcome(text, Integer.MAX_VALUE));
      MapNode first = (MapNode) ((MapNode) parsed.documents().get(0)).get("services");
      assertThat(watcher.told.get(0)).hasSize(3000);
      for (int i = 0; i < 3000; i++) {
        assertThat(watcher.told.get(0).get(i)).isSameAs(first.entries().get(i));
      }
      // neither a merged entry nor one under another key is told of
      assertThat(watcher.told.get(1)).extracting(MapNode.Entry::name).containsExactly("b");
      assertThat(watcher.documents).containsExactly(0, 1);
      assertThat(watcher.fileRead).isTrue();
      assertThat(watcher.parsedAhead).isEqualTo(parsedAheadFrom == 0);
      assertThat(watcher.asked > 0).isEqualTo(parsedAheadFrom == 0);
    }
  }

  /** Records what it is told; while the reader waits, it has work for it until asked five times. */
  private static final class Watcher implements YamlReader.Watcher {
    final Map<Integer, List<MapNode.Entry>> told = new TreeMap<>();
    final List<Integer> documents = new ArrayList<>();
    boolean parsedAhead;
    boolean fileRead;
    int asked;

    @Override
    public String key() {
      return "services";
    }

    @Override
    public void entryRead(int document, MapNode.Entry entry) {
      told.computeIfAbsent(document, d -> new ArrayList<>()).add(entry);
    }

    @Override
    public void documentRead(int document) {
      documents.add(document);
    }

    @Override
    public void parsedAhead() {
      parsedAhead = true;
    }

    @Override
    public boolean workWhileWaiting() {
      return ++asked < 5;
    }

    @Override
    public void fileRead() {
      fileRead = true;
    }
  }

  private static boolean readerAlive() {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("lashing-yaml-parser"));
  }

  private static String outcome(String text, int parsedAheadFrom) {
    try {
      ParsedYaml parsed = YamlReader.parse(new SourceFile("compose.yaml", text), parsedAheadFrom);
      return parsed.documents() + "\n" + parsed.comments() + "\n" + parsed.anchors();
    } catch (ComposeException e) {
      return "refused " + e.diagnostics();
    }
  }

  private static String manyServices(int count) {
    StringBuilder text = new StringBuilder("# services\nservices:\n");
    for (int i = 0; i < count; i++) {
      text.append("  s").append(i).append(": {image: 'app:1', ports: [\"80").append(i % 10).append(":80\"]}\n");
    }
    return text.toString();
  }

  private static String aliasBomb() {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i < 12; i++) {
      text.append("a").append(i).append(": &a").append(i).append(" [");
      text.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
    }
    return text.toString();
  }
}
