package dev.lashing.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lashing.interpolation.InterpolationException;
import dev.lashing.interpolation.Template;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Interpolation templates: a value or Compose's refusal, with the offending expression inside the text. */
class TemplateFuzzTest {
  private static final Map<String, String> VARIABLES = Map.of("SET", "value", "EMPTY", "", "NESTED", "${SET}");

  @FuzzTest(maxDuration = "10s")
  void substitutesOrRefuses(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Template.references(text).forEach(r -> {
      if (r.start() < 0 || r.end() > text.length() || r.start() > r.end()) {
        throw new AssertionError("reference outside the text: " + r);
      }
    });
    try {
      Template.substitute(text, VARIABLES::get, name -> {});
    } catch (InterpolationException e) {
      if (e.start() < 0 || e.end() > text.length() || e.start() > e.end()) {
        throw new AssertionError("error outside the text: " + e.start() + ".." + e.end(), e);
      }
    }
  }
}
