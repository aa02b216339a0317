package dev.lashing.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A schema pattern finds what its regex finds, whether it is tested on the characters or searched. */
class SchemaPatternTest {
  /** Keys at the edges of the Compose schema's patterns: empty, line terminators, non-ASCII, near misses. */
  private static final List<String> KEYS = List.of("", "a", "web", "x-", "x-team", "X-team", "ax-", "x_", "x",
      "\n", "a\n", "\na", "\r\n", "\u0085", "\u2028x", "\u2029", " ", "a b", "web.1_x-y", "WEB-1", "web/1",
      "\u00ff", "\ud83d\ude00", "\ud83d", "a$", "^x-", "nofile", "core", "[a]", "a-z", "-", "A", "z", "0", "9");

  @ParameterizedTest
  @ValueSource(strings = {".+", "^.+$", "^x-", "^[a-zA-Z0-9._-]+$", "^[a-z]+$", "^[-a]+$", "^[a-]+$",
      "^[^a]+$", "^[\\w]+$", "^(a|b)$", "x-", "^x-.*", "^a$", "[a-z]+", "^[a-z]*$"})
  void findsWhatItsRegexFinds(String pattern) throws SchemaCheck.Unsupported {
    Pattern regex = SchemaCheck.regex(pattern);
    var finds = SchemaPattern.of(pattern);
    for (String key : KEYS) {
      assertThat(finds.test(key)).as("%s in %s", pattern, key).isEqualTo(regex.matcher(key).find());
    }
  }
}
