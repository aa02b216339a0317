package dev.lashing.report;

import static dev.lashing.report.ReportFixtures.render;

import dev.lashing.testing.Golden;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every format over the same findings; {@code -Dlashing.updateGolden=true} rewrites the files. */
class GoldenTest {
  private static final Path DIR = Path.of("src/test/resources/dev/lashing/report/golden");

  @ParameterizedTest
  @CsvSource({
      "text, txt", "json, json", "sarif, sarif", "junit, xml", "checkstyle, xml", "github, txt", "gitlab, json"})
  void format(String format, String extension) {
    Golden.assertMatches(DIR.resolve(format + "." + extension), render(format, ReportFixtures.report()));
  }

  @Test
  void textInColour() {
    Golden.assertMatches(DIR.resolve("text-colour.txt"),
        render(Formats.of("text", true, false), ReportFixtures.report()));
  }

  @Test
  void textQuiet() {
    Golden.assertMatches(DIR.resolve("text-quiet.txt"),
        render(Formats.of("text", false, true), ReportFixtures.report()));
  }
}
