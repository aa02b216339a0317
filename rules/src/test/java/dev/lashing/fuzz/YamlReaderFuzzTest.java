package dev.lashing.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import dev.lashing.yaml.YamlReader;
import java.nio.charset.StandardCharsets;

/** The YAML reader on any text: trees or a positioned {@link ComposeException}, nothing else. */
class YamlReaderFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void readsOrRefusesWithAPosition(byte[] input) {
    try {
      YamlReader.read(new SourceFile("compose.yaml", new String(input, StandardCharsets.UTF_8)));
    } catch (ComposeException e) {
      FuzzChecks.positioned(e);
    }
  }
}
