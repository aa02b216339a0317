package dev.lashing.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lashing.interpolation.DotEnv;
import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The {@code .env} parser on any text: variables or a positioned {@link ComposeException}. */
class DotEnvFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void parsesOrRefusesWithAPosition(byte[] input) {
    try {
      DotEnv.parse(new SourceFile(".env", new String(input, StandardCharsets.UTF_8)), Map.of("HOME", "/root")::get);
    } catch (ComposeException e) {
      FuzzChecks.positioned(e);
    }
  }
}
