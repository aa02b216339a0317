package dev.lashing.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.render.ConfigWriter;
import dev.lashing.render.Json;
import dev.lashing.source.ComposeException;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.SeqNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * {@code config}: what a project loads to, printed in YAML or in JSON, loads again (in a folder of its own, with no
 * {@code .env}) and prints the same text, as {@code docker compose config} of its own output does. The one exception is Compose's
 * own: it escapes every {@code $} it prints, keys too, though it reads keys as written, so a key with a {@code $}
 * doubles each time; such a project need only load again.
 */
class ConfigFuzzTest {
  private final FuzzProject project = new FuzzProject("config");
  private final FuzzProject printed = new FuzzProject("config-printed");

  @FuzzTest(maxDuration = "10s")
  void printsWhatLoadsAgainToTheSameText(byte[] input) {
    LoadResult load;
    try {
      load = ProjectLoader.load(project.write(input));
    } catch (ComposeException e) {
      FuzzChecks.positioned(e);
      return;
    }
    boolean keyWithDollar = hasKeyWithDollar(load.tree());
    printsTheSameAgain(ConfigWriter.yaml(load.tree()), ConfigWriter::yaml, keyWithDollar);
    if (hasKeyWrittenLongerThan(MAX_IMPLICIT_KEY, load.tree())) {
      // JSON writes every key as an implicit one, which a YAML reader ends after 1,024 characters as written (escapes
      // included): Compose does not read such JSON either (the YAML output writes the key explicitly, after '?')
      return;
    }
    String json;
    try {
      json = ConfigWriter.json(load.tree());
    } catch (Json.UnsupportedValue e) {
      return; // NaN or an infinity, which JSON has no form for: refused, as Compose refuses it
    }
    printsTheSameAgain(json, ConfigWriter::json, keyWithDollar);
  }

  /** {@code first}, config's output in one format, loads again and prints the same in that format. */
  private void printsTheSameAgain(String first, Function<MapNode, String> format, boolean keyWithDollar) {
    String again;
    try {
      again = format.apply(ProjectLoader.load(printed.write(first.getBytes(StandardCharsets.UTF_8))).tree());
    } catch (ComposeException e) {
      throw new AssertionError("config's output does not load again:\n" + first, e);
    }
    if (!again.equals(first) && !keyWithDollar) {
      throw new AssertionError("config of config's output differs:\n" + first + "\n---\n" + again);
    }
  }

  /** How long an implicit key may be, to YAML readers (go-yaml's and snakeyaml-engine's alike). */
  private static final int MAX_IMPLICIT_KEY = 1024;

  private static boolean hasKeyWrittenLongerThan(int length, Node node) {
    if (node instanceof MapNode map) {
      return map.entries().stream()
          .anyMatch(e -> writtenLength(e.name()) > length || hasKeyWrittenLongerThan(length, e.value()));
    }
    if (node instanceof SeqNode seq) {
      return seq.items().stream().anyMatch(item -> hasKeyWrittenLongerThan(length, item));
    }
    return false; // a scalar, the last kind of the sealed Node
  }

  /** How many characters JSON writes {@code key} in, quotes included. */
  private static int writtenLength(String key) {
    StringBuilder written = new StringBuilder();
    Json.string(key, written);
    return written.length();
  }

  private static boolean hasKeyWithDollar(Node node) {
    if (node instanceof MapNode map) {
      return map.entries().stream().anyMatch(e -> e.name().indexOf('$') >= 0 || hasKeyWithDollar(e.value()));
    }
    if (node instanceof SeqNode seq) {
      return seq.items().stream().anyMatch(ConfigFuzzTest::hasKeyWithDollar);
    }
    return false; // a scalar, the last kind of the sealed Node
  }
}
