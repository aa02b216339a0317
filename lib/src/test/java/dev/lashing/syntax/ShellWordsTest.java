package dev.lashing.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShellWordsTest {

  static Stream<Arguments> lines() {
    return Stream.of(
        Arguments.of("echo hello world", List.of("echo", "hello", "world")),
        Arguments.of("  a   b  ", List.of("a", "b")),
        Arguments.of("a\tb\nc\r\nd", List.of("a", "b", "c", "d")),
        Arguments.of("", List.of()),
        Arguments.of("   ", List.of()),
        Arguments.of("sh -c 'echo hi; exit 1'", List.of("sh", "-c", "echo hi; exit 1")),
        Arguments.of("echo \"a b\" c", List.of("echo", "a b", "c")),
        Arguments.of("x'y'\"z\"", List.of("xyz")),
        Arguments.of("\"it's\"", List.of("it's")),
        Arguments.of("a\\ b", List.of("a b")),
        Arguments.of("'a\\b'", List.of("a\\b")),
        Arguments.of("\"a\\\"b\"", List.of("a\"b")),
        Arguments.of("\"a\\nb\" \\t", List.of("anb", "t")),
        Arguments.of("''", List.of("")),
        Arguments.of("a \"\" b", List.of("a", "", "b")),
        Arguments.of("echo $HOME ${X:-y}", List.of("echo", "$HOME", "${X:-y}")),
        Arguments.of("echo $(date +%s) now", List.of("echo", "$(date +%s)", "now")),
        Arguments.of("echo `date +%s` now", List.of("echo", "`date +%s`", "now")),
        Arguments.of("a && b", List.of("a")),
        Arguments.of("a;b", List.of("a")),
        Arguments.of("a | b", List.of("a")),
        Arguments.of("a < in", List.of("a")),
        Arguments.of("a > out", List.of("a")),
        Arguments.of("echo 2>/dev/null", List.of("echo")),
        Arguments.of("echo a2>x", List.of("echo", "a2")),
        Arguments.of("echo 'a;b' \"c|d\" e\\&f", List.of("echo", "a;b", "c|d", "e&f")),
        Arguments.of("\ud83d\ude42 x", List.of("\ud83d\ude42", "x")));
  }

  @ParameterizedTest
  @MethodSource("lines")
  void splitsLikeComposeGo(String line, List<String> words) {
    assertThat(ShellWords.split(line)).isEqualTo(words);
  }

  @ParameterizedTest
  @ValueSource(strings = {"'unterminated", "\"unterminated", "trailing\\", "echo `x", "echo $(x", "echo (x)",
      "echo x)", "$(a (b))"})
  void rejectsUnbalancedQuoting(String line) {
    assertThatThrownBy(() -> ShellWords.split(line))
        .isInstanceOf(SyntaxException.class)
        .hasMessage("invalid command line string");
  }
}
