package dev.lashing.interpolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode.Style;
import dev.lashing.tree.ScalarNode.Type;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class InterpolatorTest {
  private static final Map<String, String> ENV = Map.of("TAG", "1.25", "EMPTY", "", "N", "5", "USER", "jenny");

  /** Builds nodes over a source text, each positioned where its written form first occurs after the last one. */
  private static final class Doc {
    final SourceFile file;
    private int cursor;

    Doc(String text) {
      file = new SourceFile("compose.yaml", text);
    }

    ScalarNode scalar(String written, String value, Type type, Style style) {
      int at = file.text().indexOf(written, cursor);
      if (at < 0) {
        throw new IllegalArgumentException(written);
      }
      cursor = at + written.length();
      return new ScalarNode(value, type, style, Origin.at(file.range(at, cursor)), Node.MergeTag.NONE);
    }

    ScalarNode plain(String written) {
      return scalar(written, written, Type.STRING, Style.PLAIN);
    }

    /** A mapping of key strings to nodes; keys are never interpolated, so they need no position. */
    MapNode map(Object... keysAndValues) {
      List<MapNode.Entry> entries = new ArrayList<>();
      for (int i = 0; i < keysAndValues.length; i += 2) {
        ScalarNode key = ScalarNode.string((String) keysAndValues[i], Origin.at(SourceRange.synthetic(file.name())));
        entries.add(new MapNode.Entry(key, (Node) keysAndValues[i + 1]));
      }
      return MapNode.of(entries, Origin.at(file.range(0, file.text().length())));
    }

    SeqNode seq(Node... items) {
      return SeqNode.of(List.of(items), Origin.at(file.range(0, file.text().length())));
    }

    Interpolator.Result interpolate(Node root) {
      return Interpolator.interpolate(root, ENV::get, name -> name.equals(file.name()) ? file : null);
    }

    /** The range of the {@code occurrence}-th (0-based) appearance of {@code text}. */
    SourceRange rangeOf(String text, int occurrence) {
      int at = -1;
      for (int i = 0; i <= occurrence; i++) {
        at = file.text().indexOf(text, at + 1);
      }
      return file.range(at, at + text.length());
    }
  }

  private static Node at(Node node, Object... path) {
    for (Object step : path) {
      node = step instanceof Integer i ? ((SeqNode) node).get(i) : ((MapNode) node).get((String) step);
    }
    return node;
  }

  private static String valueAt(Node node, Object... path) {
    return ((ScalarNode) at(node, path)).value();
  }

  @Test
  void interpolatesStringValuesButNeverKeysNumbersBooleansOrNulls() {
    Doc d = new Doc("x-${TAG}: $TAG\nport: 8080\nflag: true\nnone: null\nquoted: \"$N\"\n");
    MapNode root = d.map(
        "x-${TAG}", d.plain("$TAG"),
        "port", d.scalar("8080", "8080", Type.INT, Style.PLAIN),
        "flag", d.scalar("true", "true", Type.BOOL, Style.PLAIN),
        "none", d.scalar("null", "null", Type.NULL, Style.PLAIN),
        "quoted", d.scalar("\"$N\"", "$N", Type.STRING, Style.DOUBLE_QUOTED));

    Interpolator.Result result = d.interpolate(root);

    MapNode tree = (MapNode) result.tree();
    assertThat(tree.keys()).containsExactly("x-${TAG}", "port", "flag", "none", "quoted");
    assertThat(valueAt(tree, "x-${TAG}")).isEqualTo("1.25");
    assertThat(at(tree, "port")).isSameAs(root.get("port"));
    assertThat(at(tree, "flag")).isSameAs(root.get("flag"));
    assertThat(at(tree, "none")).isSameAs(root.get("none"));
    ScalarNode quoted = (ScalarNode) at(tree, "quoted");
    assertThat(quoted.value()).isEqualTo("5");
    assertThat(quoted.type()).isEqualTo(Type.STRING);
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void valuesOfAFileMayGrowByAtMost64MiCharactersTogether() {
    Doc d = new Doc("a: ${BIG}${BIG}${BIG}${BIG}\nb: ${BIG}${BIG}${BIG}${BIG}\nc: ${BIG}\n");
    MapNode root = d.map("a", d.plain("${BIG}${BIG}${BIG}${BIG}"), "b", d.plain("${BIG}${BIG}${BIG}${BIG}"),
        "c", d.plain("${BIG}"));
    String big = "x".repeat(8 * 1024 * 1024);

    Interpolator.Result result = Interpolator.interpolate(root, Map.of("BIG", big)::get, name -> d.file);

    assertThat(valueAt(result.tree(), "b")).hasSize(4 * big.length());
    assertThat(valueAt(result.tree(), "c")).isEqualTo("${BIG}");
    assertThat(result.diagnostics()).singleElement().satisfies(diagnostic -> {
      assertThat(diagnostic.at()).isEqualTo(d.rangeOf("${BIG}", 8));
      assertThat(diagnostic.message()).startsWith(
          "error while interpolating c: variable references add more than 67108864 characters to the values of this file");
    });
  }

  @Test
  void interpolatedScalarsKeepOriginStyleAndTag() {
    Doc d = new Doc("image: nginx:$TAG\n");
    ScalarNode image = d.plain("nginx:$TAG").withTag(Node.MergeTag.OVERRIDE);
    MapNode root = d.map("image", image);

    ScalarNode out = (ScalarNode) at(d.interpolate(root).tree(), "image");

    assertThat(out.value()).isEqualTo("nginx:1.25");
    assertThat(out.origin()).isEqualTo(image.origin());
    assertThat(out.style()).isEqualTo(Style.PLAIN);
    assertThat(out.tag()).isEqualTo(Node.MergeTag.OVERRIDE);
  }

  @Test
  void warnsAboutUnsetVariablesAtTheExactColumnOfAPlainScalar() {
    Doc d = new Doc("services:\n  web:\n    command: echo $USER and ${MISSING} done\n");
    MapNode root = d.map("services", d.map("web",
        d.map("command", d.plain("echo $USER and ${MISSING} done"))));

    Interpolator.Result result = d.interpolate(root);

    assertThat(valueAt(result.tree(), "services", "web", "command")).isEqualTo("echo jenny and  done");
    assertThat(result.diagnostics()).containsExactly(Diagnostic.warning(Diagnostic.Kind.UNSET_VARIABLE,
        d.rangeOf("${MISSING}", 0), "The \"MISSING\" variable is not set. Defaulting to a blank string."));
    SourceRange at = result.diagnostics().get(0).at();
    assertThat(at.line()).isEqualTo(3);
    assertThat(at.column()).isEqualTo(29);
  }

  @Test
  void reportsEveryFailingValueWithComposeWordingAndDottedPaths() {
    Doc d = new Doc("services:\n  web:\n    image: ${\n    environment:\n      - FOO=${FOO:?need foo}\n"
        + "      - BAR=${BAR:?}\n    user: $USER\n");
    MapNode root = d.map("services", d.map("web", d.map(
        "image", d.plain("${"),
        "environment", d.seq(d.plain("FOO=${FOO:?need foo}"), d.plain("BAR=${BAR:?}")),
        "user", d.plain("$USER"))));

    Interpolator.Result result = d.interpolate(root);

    assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly(
        "invalid interpolation format for services.web.image: \"${\". You may need to escape any $ with another $.",
        "error while interpolating services.web.environment.[]: required variable FOO is missing a value: need foo",
        "error while interpolating services.web.environment.[]: required variable BAR is missing a value");
    assertThat(result.diagnostics()).allMatch(Diagnostic::isError);
    assertThat(result.diagnostics()).extracting(Diagnostic::at).containsExactly(
        d.rangeOf("${", 0), d.rangeOf("${FOO:?need foo}", 0), d.rangeOf("${BAR:?}", 0));
    assertThat(valueAt(result.tree(), "services", "web", "image")).isEqualTo("${");
    assertThat(valueAt(result.tree(), "services", "web", "environment", 0)).isEqualTo("FOO=${FOO:?need foo}");
    assertThat(valueAt(result.tree(), "services", "web", "user")).isEqualTo("jenny");
  }

  @Test
  void invalidFormatQuotesTheWholeValue() {
    Doc d = new Doc("x-cmd: \"echo \\\"$${HOME}\\\" ${ oops}\"\n");
    ScalarNode cmd = d.scalar("\"echo \\\"$${HOME}\\\" ${ oops}\"", "echo \"$${HOME}\" ${ oops}", Type.STRING,
        Style.DOUBLE_QUOTED);

    Interpolator.Result result = d.interpolate(d.map("x-cmd", cmd));

    assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly(
        "invalid interpolation format for x-cmd: \"echo \\\"$${HOME}\\\" ${ oops}\". "
            + "You may need to escape any $ with another $.");
    // placed on the invalid ${ past the escapes before it, not on the whole value
    assertThat(result.diagnostics().get(0).at()).isEqualTo(d.rangeOf("${", 1));
  }

  @Test
  void listsEveryReferenceWithSetFlagPathAndPosition() {
    Doc d = new Doc("services:\n  db:\n    environment:\n      PASSWORD: ${DB_PASSWORD:-changeme}\n"
        + "      EMPTY: '${EMPTY-x}'\n      LABEL: ${A:+${USER}}\n");
    MapNode root = d.map("services", d.map("db", d.map("environment", d.map(
        "PASSWORD", d.plain("${DB_PASSWORD:-changeme}"),
        "EMPTY", d.scalar("'${EMPTY-x}'", "${EMPTY-x}", Type.STRING, Style.SINGLE_QUOTED),
        "LABEL", d.plain("${A:+${USER}}")))));

    Interpolator.Result result = d.interpolate(root);

    String env = "services.db.environment.";
    assertThat(result.references()).containsExactly(
        new VariableReference("DB_PASSWORD", ":-", "changeme", false, env + "PASSWORD",
            d.rangeOf("${DB_PASSWORD:-changeme}", 0)),
        new VariableReference("EMPTY", "-", "x", true, env + "EMPTY", d.rangeOf("${EMPTY-x}", 0)),
        new VariableReference("A", ":+", "${USER}", false, env + "LABEL", d.rangeOf("${A:+${USER}}", 0)),
        new VariableReference("USER", "", null, true, env + "LABEL", d.rangeOf("${USER}", 0)));
    assertThat(result.diagnostics()).isEmpty();
    assertThat(valueAt(result.tree(), "services", "db", "environment", "EMPTY")).isEqualTo("");
  }

  @Test
  void singleQuotedOnOneLinePointsInsideTheQuotes() {
    Doc d = new Doc("x: 'a $U1'\n");
    Interpolator.Result result = d.interpolate(
        d.map("x", d.scalar("'a $U1'", "a $U1", Type.STRING, Style.SINGLE_QUOTED)));

    assertThat(result.diagnostics().get(0).at()).isEqualTo(d.rangeOf("$U1", 0));
    assertThat(result.diagnostics().get(0).at().column()).isEqualTo(7);
  }

  @Test
  void placesEveryReferenceAtItsDollarInEveryScalarStyle() {
    SourceFile file = new SourceFile("compose.yaml", "a: \"x\n  $U1\"\nb: 'it''s $U2'\nc: |\n  $U3\nd: x\n  $U4\n"
        + "e: >-\n  \"${U5}\"\n  ${U6:?needs\n  a value}\nf: \"\\t${U7\\x7d\"\n");

    Interpolator.Result result = Interpolator.interpolate(YamlReader.read(file).get(0), ENV::get, name -> file);

    assertThat(result.diagnostics()).extracting(Diagnostic::at).containsExactly(
        written(file, "$U1"), written(file, "$U2"), written(file, "$U3"), written(file, "$U4"),
        written(file, "${U5}"), written(file, "${U6:?needs\n  a value}"), written(file, "${U7\\x7d"));
    assertThat(result.diagnostics().get(5).message()).isEqualTo(
        "error while interpolating e: required variable U6 is missing a value: needs a value");
    assertThat(result.references()).extracting(VariableReference::at).containsExactlyElementsOf(
        result.diagnostics().stream().map(Diagnostic::at).toList());
  }

  /** The range of the first {@code text} written in {@code file}. */
  private static SourceRange written(SourceFile file, String text) {
    int at = file.text().indexOf(text);
    return file.range(at, at + text.length());
  }

  @Test
  void fallsBackWhenTheSourceIsUnknownOrSynthetic() {
    Doc d = new Doc("x: $U1\n");
    ScalarNode written = d.plain("$U1");
    ScalarNode synthetic = ScalarNode.string("$U2", Origin.at(SourceRange.synthetic("defaults")));
    MapNode root = d.map("x", written, "y", synthetic);

    Function<String, SourceFile> none = name -> null;
    Interpolator.Result result = Interpolator.interpolate(root, ENV::get, none);

    assertThat(result.diagnostics()).extracting(Diagnostic::at).containsExactly(
        written.origin().at(), synthetic.origin().at());
  }

  @Test
  void warnsOnlyAboutEvaluatedReferencesButListsThemAll() {
    Doc d = new Doc("x: ${A:+${A},}B\n");
    Interpolator.Result result = d.interpolate(d.map("x", d.plain("${A:+${A},}B")));

    assertThat(valueAt(result.tree(), "x")).isEqualTo("B");
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.references()).extracting(VariableReference::name).containsExactly("A", "A");
  }

  @Test
  void leavesValuesWithoutADollarUntouched() {
    Doc d = new Doc("x: plain\n");
    MapNode root = d.map("x", d.plain("plain"));
    Interpolator.Result result = d.interpolate(root);
    assertThat(at(result.tree(), "x")).isSameAs(root.get("x"));
    assertThat(result.references()).isEmpty();
  }
}
