package dev.lashing.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from compose-spec's interpolation chapter and compose-go's template tests. */
class TemplateTest {
  /** compose-go's test mapping: FOO set, BAR set but empty; every other name is unset. */
  private static final Map<String, String> ENV = Map.of("FOO", "first", "BAR", "", "JSON", "{\"json\":2}");

  private static String substitute(String text) throws InterpolationException {
    return Template.substitute(text, ENV::get, name -> { });
  }

  private static List<String> warnings(String text) {
    List<String> unset = new ArrayList<>();
    try {
      Template.substitute(text, ENV::get, unset::add);
    } catch (InterpolationException e) {
      // the warnings heard before and after the failure still count
    }
    return unset;
  }

  private static InterpolationException failure(String text) {
    try {
      substitute(text);
    } catch (InterpolationException e) {
      return e;
    }
    throw new AssertionError("expected " + text + " to fail");
  }

  @ParameterizedTest(name = "V{0}d: unset={1} empty={2} set={3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "ERROR",
      value = {
        ":- | d     | d     | first",
        "-  | d     | ''    | first",
        ":? | ERROR | ERROR | first",
        "?  | ERROR | ''    | first",
        ":+ | ''    | ''    | d",
        "+  | ''    | d     | d"
      })
  void operatorTable(String operator, String unset, String empty, String set) throws InterpolationException {
    String[] names = {"UNSET", "BAR", "FOO"};
    String[] expected = {unset, empty, set};
    for (int i = 0; i < names.length; i++) {
      String template = "${" + names[i] + operator + "d}";
      if (expected[i] == null) {
        assertThat(failure(template).kind()).as(template).isEqualTo(InterpolationException.Kind.MISSING_REQUIRED);
        assertThat(failure(template)).hasMessage("required variable " + names[i] + " is missing a value: d");
      } else {
        assertThat(substitute(template)).as(template).isEqualTo(expected[i]);
      }
      assertThat(warnings(template)).as(template).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "$${foo}                                  | ${foo}",
        "$$$FOO                                   | $first",
        "$FOO-bar                                 | first-bar",
        "This $FOO var                            | This first var",
        "This ${FOO} var                          | This first var",
        "This ${BAR} var                          | This  var",
        "${BAR:-/non:-alphanumeric}               | /non:-alphanumeric",
        "+ok ${UNSET:-${BAR-defaultValue}}        | '+ok '",
        "ok ${UNSET_VAR-${FOO} ${FOO}}            | ok first first",
        "ok ${BAR+$FOO ${FOO:+second}}            | ok first second",
        "ok ${missing:-{\"json\":1}}              | ok {\"json\":1}",
        "ok ${JSON:-{\"json\":1}}                 | ok {\"json\":2}",
        "ok ${SUBDOMAIN:-redis}.${FOO:?}          | ok redis.first",
        "${UNSET-myerror?msg}                     | myerror?msg",
        "${FOO?bar-baz}                           | first",
        "-ok ${BAR:-defaultValue}                 | -ok defaultValue",
        ":?ok ${BAR-defaultValue}                 | ':?ok '",
        "{{{ ${U1:-foo_} }}}                      | {{{ foo_ }}}",
        "{{{ ${U1:-foo:?bar:?value} }}}           | {{{ foo:?bar:?value }}}",
        "{{{ ${U1:-a} ${U2:-DEFAULT} }}}          | {{{ a DEFAULT }}}",
        "${U1:-baz} }}}                           | baz }}}",
        "${U1:-${U2:-${U3:-qix}}}                 | qix",
        "${U1:-${U2:-x}_test_${U2:-y}}            | x_test_y",
        "${U1:-${U2:-${U3:-x}}_test}              | x_test",
        "${A:+${A},}B                             | B",
        "${U1}}                                   | }"
      })
  void substitutesLikeCompose(String template, String expected) throws InterpolationException {
    assertThat(substitute(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a $ string", "^REGEX$", "$}", "$", "$1", "100$ and $-", "$ {FOO}"})
  void leavesADollarAloneWhenNoNameOrBraceFollows(String text) throws InterpolationException {
    assertThat(substitute(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "${", "${}", "${ }", "${ foo}", "${foo }", "${foo!}", "${1}", "${FOO:=x}", "${VAR/a/b}", "${#VAR}", "${A.B}",
    "${FOO", "${FOO:-x", "${FOO:x}", "ok ${U1:-a\nb}"
  })
  void rejectsInvalidBracedForms(String text) {
    InterpolationException e = failure(text);
    assertThat(e.kind()).isEqualTo(InterpolationException.Kind.INVALID_FORMAT);
    assertThat(e).hasMessageStartingWith("Invalid template: \"");
  }

  @Test
  void whatADefaultAddsCountsOnceAgainstTheGrowthBound() throws InterpolationException {
    String big = "x".repeat(40 * 1024 * 1024); // more than half the bound of 64 Mi characters
    Map<String, String> env = Map.of("BIG", big);

    // the reference nested in the default and the one around it add the same characters: counted once
    assertThat(Template.substitute("${UNSET:-${BIG}}", env::get, name -> { })).isEqualTo(big);
    assertThat(Template.substitute("${UNSET:-${UNSET2:-${BIG}}}", env::get, name -> { })).isEqualTo(big);
    // two such values add 80 Mi
    assertThatThrownBy(() -> Template.substitute("${UNSET:-${BIG}} ${UNSET:-${BIG}}", env::get, name -> { }))
        .isInstanceOfSatisfying(InterpolationException.class, e -> {
          assertThat(e.kind()).isEqualTo(InterpolationException.Kind.TOO_LONG);
          assertThat(e.start()).isEqualTo(26); // the second default's ${BIG}, where the bound was passed
        });
    // a reference that fails adds nothing, even what its default added before it failed
    Template.Growth growth = new Template.Growth();
    assertThatThrownBy(() -> Template.substitute("${UNSET:?${BIG}}", env::get, (n, s, e) -> { }, growth))
        .isInstanceOfSatisfying(InterpolationException.class,
            e -> assertThat(e.kind()).isEqualTo(InterpolationException.Kind.MISSING_REQUIRED));
    assertThat(Template.substitute("${BIG}", env::get, (n, s, e) -> { }, growth)).isEqualTo(big);
  }

  /** {@code ${V0:-${V1:-...${Vn-1:-x}...}}}: defaults nested {@code n} deep. */
  private static String nested(int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append("${V").append(i).append(":-");
    }
    return text.append('x').append("}".repeat(n)).toString();
  }

  @Test
  void defaultsNestDeepAsYamlMayAndNoDeeper() throws InterpolationException {
    // 200 references each in the default of the one before: the last default is 200 levels down
    assertThat(Template.substitute(nested(Template.MAX_NESTING), name -> null, name -> { })).isEqualTo("x");
    String tooDeep = nested(Template.MAX_NESTING + 1);
    assertThatThrownBy(() -> Template.substitute(tooDeep, name -> null, name -> { }))
        .isInstanceOfSatisfying(InterpolationException.class, e -> {
          assertThat(e.kind()).isEqualTo(InterpolationException.Kind.TOO_DEEP);
          assertThat(e.getMessage()).isEqualTo("defaults are nested deeper than 200 levels");
          assertThat(e.start()).isEqualTo(tooDeep.indexOf("${V200:-"));
        });
    // a default is read only when it is used
    assertThat(Template.substitute(tooDeep, name -> name.equals("V0") ? "set" : null, name -> { })).isEqualTo("set");
    // references are listed down to the depth substitution reads
    assertThat(Template.references(nested(20_000))).hasSize(Template.MAX_NESTING + 1)
        .last().extracting(Template.Reference::name).isEqualTo("V200");
  }

  @Test
  void invalidTemplateQuotesTheTextLikeGo() {
    assertThat(failure("${")).hasMessage("Invalid template: \"${\"");
    assertThat(failure("a\t${ \"b\"")).hasMessage("Invalid template: \"a\\t${ \\\"b\\\"\"");
  }

  @Test
  void quotesLikeGo() {
    assertThat(Template.quote("a\"b\\c\n\r\t\u0007\b\f\u000B\u0001\u007fé"))
        .isEqualTo("\"a\\\"b\\\\c\\n\\r\\t\\a\\b\\f\\v\\x01\\x7fé\"");
  }

  @Test
  void requiredVariableMessages() {
    assertThat(failure("${UNSET:?Mandatory ${FOO}}"))
        .hasMessage("required variable UNSET is missing a value: Mandatory first");
    assertThat(failure("not ok ${BAR:?Mandatory Variable Empty}"))
        .hasMessage("required variable BAR is missing a value: Mandatory Variable Empty");
    assertThat(failure("${UNSET:?}")).hasMessage("required variable UNSET is missing a value");
    assertThat(failure("${UNSET?}")).hasMessage("required variable UNSET is missing a value");
    assertThat(failure("${UNSET?bar-baz}")).hasMessage("required variable UNSET is missing a value: bar-baz");
  }

  @Test
  void theFirstFailureWinsButTheRestIsStillEvaluated() {
    InterpolationException e = failure("${U1:?foo} ${U2:?bar}");
    assertThat(e).hasMessage("required variable U1 is missing a value: foo");
    assertThat(warnings("${U1:?x} $U2")).containsExactly("U2");
  }

  @Test
  void textAfterAFailedHeadIsSkippedWhenTheMatchSwallowedIt() {
    // The match runs to the last `}` on the line, so ` $U2}` is the head's rest and is never evaluated.
    assertThat(warnings("${U1:?x} $U2}")).isEmpty();
  }

  @Test
  void failuresCarryTheSpanOfTheOffendingExpression() {
    InterpolationException missing = failure("ab ${U1:?x} c");
    assertThat(missing.start()).isEqualTo(3);
    assertThat(missing.end()).isEqualTo(11);
    InterpolationException nested = failure("ab ${U1:-${}");
    assertThat(nested.start()).isEqualTo(9);
    assertThat(nested.end()).isEqualTo(11);
  }

  @Test
  void warnsOnlyAboutEvaluatedReferences() {
    assertThat(warnings("${A:+${A},}B")).isEmpty();
    assertThat(warnings("${A:-${B}}")).containsExactly("B");
    assertThat(warnings("${FOO:-$U1}${U2-$U3}")).containsExactly("U3");
    assertThat(warnings("$U1 ${U2} ${BAR} $FOO")).containsExactly("U1", "U2");
    assertThat(warnings("${U1:?${U2}}")).containsExactly("U2");
  }

  @Test
  void bracesAreCountedAsComposeGoCountsThem() throws InterpolationException {
    // compose-go skips the character after each `{`, so `{}` opens without closing and the reference runs on.
    assertThat(substitute("${U1:-{}} tail}")).isEqualTo("{}} tail");
    assertThat(substitute("${U1:-x} and ${FOO}")).isEqualTo("x and first");
    assertThat(substitute("${U1:-a}\n}")).isEqualTo("a\n}");
  }

  @Test
  void namesAreCaseSensitiveAndMatchedLongest() throws InterpolationException {
    assertThat(substitute("$foo${Foo}$FOO_1")).isEqualTo("");
    assertThat(substitute("$FOO.bar $FOO1")).isEqualTo("first.bar ");
    // Go's case-insensitive [a-z] also takes the Kelvin sign, so it starts a name.
    assertThat(Template.substitute("$\u212A1", Map.of("\u212A1", "kelvin")::get, name -> { })).isEqualTo("kelvin");
  }

  @Test
  void listsEveryReferenceWithItsOffsets() {
    assertThat(Template.references("a ${A:-${B}} $C $$D ${E}"))
        .containsExactly(
            new Template.Reference("A", ":-", "${B}", 2, 12),
            new Template.Reference("B", "", null, 7, 11),
            new Template.Reference("C", "", null, 13, 15),
            new Template.Reference("E", "", null, 20, 24));
  }

  @Test
  void listsReferencesLazinessWouldSkipAndThoseAfterAHead() {
    assertThat(Template.references("${PASSWORD:-hunter2} ${A+x} ${B:?need ${C}}"))
        .extracting(Template.Reference::name, Template.Reference::operator, Template.Reference::fallback)
        .containsExactly(
            tuple("PASSWORD", ":-", "hunter2"),
            tuple("A", "+", "x"),
            tuple("B", ":?", "need ${C}"),
            tuple("C", "", null));
  }

  @Test
  void listsNothingForEscapesAndInvalidForms() {
    assertThat(Template.references("$$FOO ${ $1 ${FOO!} plain")).isEmpty();
  }

  @Test
  void rejectsAnInvalidFormInsideAnEvaluatedDefaultOnly() throws InterpolationException {
    assertThat(substitute("${FOO:-${}")).isEqualTo("first");
    assertThatThrownBy(() -> substitute("${U1:-${}")).isInstanceOf(InterpolationException.class);
  }
}
