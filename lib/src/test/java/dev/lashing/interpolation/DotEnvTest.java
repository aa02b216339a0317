package dev.lashing.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from compose-go's dotenv tests and fixtures. */
class DotEnvTest {

  private static Map<String, String> parse(String text) {
    return parse(text, name -> null);
  }

  private static Map<String, String> parse(String text, Function<String, String> lookup) {
    return DotEnv.parse(new SourceFile(".env", text), lookup);
  }

  private static ComposeException failure(String text) {
    try {
      parse(text);
    } catch (ComposeException e) {
      return e;
    }
    throw new AssertionError("expected an error for " + text);
  }

  private static String where(ComposeException e) {
    SourceRange at = e.diagnostics().get(0).at();
    return at.line() + ":" + at.column();
  }

  /** Each row is {@code written | key | value}; backquotes keep surrounding blanks. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "FOO=bar                          | FOO        | bar",
        "FOO =bar                         | FOO        | bar",
        "FOO= bar                         | FOO        | bar",
        "` KEY =value`                    | KEY        | value",
        "`\tKEY=value`                    | KEY        | value",
        "`FOO=bar\t \r\n`                 | FOO        | bar",
        "OPTION_A: 1                      | OPTION_A   | 1",
        "OPTION_A: Foo=bar                | OPTION_A   | Foo=bar",
        "OPTION_A=1:B                     | OPTION_A   | 1:B",
        "FOO=foobar=                      | FOO        | foobar=",
        "export OPTION_A=2                | OPTION_A   | 2",
        "export\tOPTION_A=2               | OPTION_A   | 2",
        "`  export OPTION_A=2`            | OPTION_A   | 2",
        "export exportFoo=2               | exportFoo  | 2",
        "exportFOO=2                      | exportFOO  | 2",
        "export_FOO =2                    | export_FOO | 2",
        "export.FOO= 2                    | export.FOO | 2",
        "export OPTION_A=\"export A\"     | OPTION_A   | export A",
        "FOO.BAR=foobar                   | FOO.BAR    | foobar",
        "VAR-WITH-DASHES=dashes           | VAR-WITH-DASHES | dashes",
        "ARR[0]=x                         | ARR[0]     | x",
        "ÜBER=x                           | ÜBER       | x",
        "=\"value\"                       | ``         | value",
        "FOO=                             | FOO        | ``",
        "FOO=bar # this is foo            | FOO        | bar",
        "FOO=bar #this is foo             | FOO        | bar",
        "FOO=bar #                        | FOO        | bar",
        "FOO=123#not-an-inline-comment    | FOO        | 123#not-an-inline-comment",
        "FOO= #not-a-comment-either       | FOO        | #not-a-comment-either",
        "FOO=a\\tb                        | FOO        | a\\tb",
        "FOO=\"bar#baz\" # comment        | FOO        | bar#baz",
        "FOO=\"bar#baz\"#                 | FOO        | bar#baz",
        "FOO='bar#baz' # comment          | FOO        | bar#baz",
        "FOO=\"escaped\\\"bar\"           | FOO        | escaped\"bar",
        "FOO=\"'d'\"                      | FOO        | 'd'",
        "FOO=\"foo\\$BAR\"                | FOO        | foo$BAR",
        "FOO=\"foo\\${BAR}\"              | FOO        | foo${BAR}",
        "FOO='Let\\'s go!'                | FOO        | Let's go!",
        "FOO='\\n'                        | FOO        | \\n",
        "FOO='quote $BAR'                 | FOO        | quote $BAR",
        "KEY=\"\\x07\\u12e4\\c\\0\\012\\0400\\0999\" | KEY | \\x07\\u12e4\\c\\0\\012\\0400\\0999",
      })
  void parsesAValue(String written, String key, String value) {
    assertThat(parse(written)).containsExactly(entry(key, value));
  }

  @Test
  void refusesValuesThatGrowWithoutBoundThroughTheirOwnVariables() {
    // Found by DotEnvFuzzTest: each line doubles A, and the 23rd would pass 64 Mi characters more than written.
    ComposeException e = failure("A=0123456789abcdef\n" + "A=${A}${A}\n".repeat(40));
    assertThat(where(e)).isEqualTo("23:3");
    assertThat(e.getMessage()).contains("variable references add more than 67108864 characters to the values of this file");
  }

  @Test
  void expandsShellEscapesInDoubleQuotesThenInterpolates() {
    assertThat(parse("KEY=\"Z\\aZ\\bZ\\fZ\\nZ\\rZ\\tZ\\vZ\\\\Z\\0123Z\"\n"))
        .containsEntry("KEY", "Z\u0007Z\bZ\fZ\nZ\rZ\tZ\u000BZ\\ZSZ");
    assertThat(parse("FOO=\"bar\\n\\ b\\az\"")).containsEntry("FOO", "bar\n\\ b\u0007z");
    assertThat(parse("FOO=\"bar\\nbaz\\\\\"")).containsEntry("FOO", "bar\nbaz\\");
    assertThat(parse("FOO=test\nBAR=\"foo\\${FOO} ${FOO}\"")).containsEntry("BAR", "foo${FOO} test");
  }

  @Test
  void quotedValuesMaySpanLines() {
    assertThat(parse("A=\"first line\nsecond line\"\nB='one\ntwo'\nZ=last value\n"))
        .containsExactly(entry("A", "first line\nsecond line"), entry("B", "one\ntwo"), entry("Z", "last value"));
  }

  @Test
  void ignoresBlankLinesCommentsAndAByteOrderMark() {
    assertThat(parse("\uFEFF# comment\n\n  \t# indented comment\r\n\r\nA=1\n\n# trailing"))
        .containsExactly(entry("A", "1"));
  }

  @Test
  void keepsFileOrderAndLetsALaterKeyWin() {
    assertThat(parse("B=1\nA=2\nB=3\n")).containsExactly(entry("B", "3"), entry("A", "2"));
  }

  @Test
  void aBareKeyInheritsFromTheLookupOrStaysUnset() {
    Map<String, String> env = parse("INHERITED\nMISSING\nfoo=bar\n", name -> name.equals("INHERITED") ? "os" : null);
    assertThat(env).containsExactly(entry("INHERITED", "os"), entry("foo", "bar"));
  }

  @Test
  void aBareKeyOnTheLastLineWithoutALineBreakIsAValueWithAnEmptyKey() {
    // compose-go finds no `=`, `:` or line break, so it reads the line as the value of the key "".
    assertThat(parse("A=1\nLAST", name -> "os")).containsExactly(entry("A", "1"), entry("", "LAST"));
  }

  @Test
  void textAfterAClosingQuoteStartsANewStatement() {
    assertThat(parse("A=\"x\" B=y\n")).containsExactly(entry("A", "x"), entry("B", "y"));
  }

  @Test
  void interpolatesFromTheLookupFirstThenEarlierKeys() {
    String file = "OPTION_A=1\nOPTION_B=${OPTION_A}\nOPTION_C=$OPTION_B\nOPTION_D=${OPTION_A}_${OPTION_B}\n"
        + "OPTION_E=${OPTION_NOT_DEFINED}\nOPTION_F=${OPTION_X:-${OPTION_A}}\n";
    assertThat(parse(file)).containsExactly(
        entry("OPTION_A", "1"), entry("OPTION_B", "1"), entry("OPTION_C", "1"), entry("OPTION_D", "1_1"),
        entry("OPTION_E", ""), entry("OPTION_F", "1"));
    assertThat(parse(file, name -> name.equals("OPTION_A") ? "5" : null)).containsExactly(
        entry("OPTION_A", "1"), entry("OPTION_B", "5"), entry("OPTION_C", "5"), entry("OPTION_D", "5_5"),
        entry("OPTION_E", ""), entry("OPTION_F", "5"));
    assertThat(parse("A=${A:-1}\n", name -> name.equals("A") ? "5" : null)).containsExactly(entry("A", "5"));
  }

  @Test
  void keysWithASpaceAreAnError() {
    ComposeException e = failure("A=1\n\nFOO BAR=x\n");
    assertThat(e.diagnostics().get(0).message()).isEqualTo("key cannot contain a space");
    assertThat(where(e)).isEqualTo("3:1");
    assertThat(where(failure("A=1\n  export BAD KEY\n"))).isEqualTo("2:10");
  }

  @Test
  void otherCharactersInAKeyAreAnError() {
    ComposeException e = failure("OK=1\nlol$wut\n");
    assertThat(e.diagnostics().get(0).message())
        .isEqualTo("unexpected character \"$\" in variable name \"lol$wut\"");
    assertThat(where(e)).isEqualTo("2:4");
    assertThat(failure("FOO\"=x").getMessage())
        .endsWith("unexpected character \"\\\"\" in variable name \"FOO\\\"=x\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "KEY=\"", "KEY=\"value", "KEY=\"value\\\"", "KEY=\"value'", "KEY='", "KEY='value", "KEY='value\\'", "KEY='value\""
  })
  void anUnterminatedQuoteIsAnErrorAtTheQuote(String value) {
    ComposeException e = failure("A=1\n" + value + "\nB=2\n");
    assertThat(e.diagnostics().get(0).message()).isEqualTo("unterminated quoted value " + value.substring(4));
    assertThat(where(e)).isEqualTo("2:5");
  }

  @Test
  void interpolationErrorsPointIntoTheValue() {
    ComposeException missing = failure("A=1\nB=x${NEEDED:?set it}\n");
    assertThat(missing.diagnostics().get(0).message()).isEqualTo("required variable NEEDED is missing a value: set it");
    assertThat(where(missing)).isEqualTo("2:4");
    ComposeException invalid = failure("A=\"x\\n${\"\n");
    assertThat(invalid.diagnostics().get(0).message()).isEqualTo("Invalid template: \"x\\n${\"");
    assertThat(where(invalid)).isEqualTo("1:3");
  }

  @Test
  void errorsCountTheByteOrderMarkAsAColumn() {
    assertThat(where(failure("\uFEFFa b=1"))).isEqualTo("1:2");
  }
}
