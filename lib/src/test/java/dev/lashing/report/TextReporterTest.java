package dev.lashing.report;

import static dev.lashing.report.ReportFixtures.range;
import static dev.lashing.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Severity;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TextReporterTest {

  private static LintReport report(SourceFile file, Finding... findings) {
    return new LintReport(List.of(findings), List.of(), Map.of(file.name(), file), "1");
  }

  private static Finding at(SourceRange range) {
    return new Finding("rule", Severity.HIGH, "message", range, null, List.of(), null, null);
  }

  /** The code frame of a single finding at {@code from}…{@code to} in {@code yaml}: the line and the underline. */
  private static String frame(String yaml, String from, String to) {
    SourceFile file = new SourceFile("f.yaml", yaml);
    String[] lines = render("text", report(file, at(range(file, from, to)))).split("\n");
    return lines[1].substring(2) + "\n" + lines[2].substring(2); // without the frame's indent
  }

  @Test
  void aLongChainOfUsesIsNamedByItsEnds() {
    SourceFile file = new SourceFile("compose.yaml", "image: nginx:latest\n");
    List<Via> uses = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) { // innermost first, as Origin holds them
      uses.add(new Via(Via.Kind.INCLUDE, SourceRange.synthetic("i" + i + ".yaml")));
    }
    Finding inherited = new Finding("rule", Severity.HIGH, "message", range(file, "nginx", "latest"), null, uses,
        null, null);
    String hint = render("text", report(file, inherited)).lines().filter(l -> l.contains("inherited from"))
        .findFirst().orElseThrow();
    assertThat(hint).isEqualTo("  inherited from i1000.yaml (via include), i999.yaml (via include), "
        + "i998.yaml (via include), i997.yaml (via include), i996.yaml (via include), \u2026 990 more \u2026, "
        + "i5.yaml (via include), i4.yaml (via include), i3.yaml (via include), i2.yaml (via include), "
        + "i1.yaml (via include)");
  }

  @Test
  void findingsOneAfterAnotherEachNameTheirOwnChain() {
    SourceFile file = new SourceFile("compose.yaml", "image: nginx:latest\n");
    List<Via> viaA = List.of(new Via(Via.Kind.INCLUDE, SourceRange.synthetic("a.yaml")));
    List<Via> viaB = List.of(new Via(Via.Kind.EXTENDS, SourceRange.synthetic("b.yaml")));
    List<String> hints = render("text", report(file, inherited(file, "one", viaA), inherited(file, "two", viaA),
        inherited(file, "three", viaB), inherited(file, "four", List.of()), inherited(file, "five", viaA)))
        .lines().filter(l -> l.contains("inherited from")).toList();
    assertThat(hints).containsExactly("  inherited from a.yaml (via include)", "  inherited from a.yaml (via include)",
        "  inherited from b.yaml (via extends)", "  inherited from a.yaml (via include)");
  }

  private static Finding inherited(SourceFile file, String rule, List<Via> uses) {
    return new Finding(rule, Severity.HIGH, "message", range(file, "nginx", "latest"), null, uses, null, null);
  }

  @Nested
  class CodeFrames {
    @Test
    void aFindingNearTheStartOfAVeryLongLineIsShownFromTheLineStart() {
      String yaml = "x: {image: nginx:latest, " + "a: 1, ".repeat(100_000) + "}\n";
      String[] frame = frame(yaml, "nginx", "latest").split("\n");
      assertThat(frame[0]).startsWith("1 | x: {image: nginx:latest, a: 1,").endsWith("\u2026")
          .hasSize("1 | ".length() + 200 + 1);
      assertThat(frame[1].indexOf('^')).isEqualTo(frame[0].indexOf("nginx"));
    }

    @Test
    void findingsOnALongLineAndOnOthersComeInTheirOrderEachWithItsFrame() {
      // a window's ellipsis is beyond Latin-1: its frame is written as a piece of its own, between the others
      String yaml = "a: caf\u00e9\nx: {image: nginx:latest, " + "a: 1, ".repeat(100) + "}\nb: plain\nc: \u65e5\u672c\n";
      SourceFile file = new SourceFile("f.yaml", yaml);
      List<Finding> findings = new ArrayList<>();
      for (int i = 0; i < 1200; i++) { // more than one chunk of findings
        findings.add(at(switch (i % 4) {
          case 0 -> range(file, "nginx", "latest");
          case 1 -> range(file, "plain", "plain");
          case 2 -> range(file, "caf", "caf");
          default -> range(file, "\u65e5", "\u672c");
        }));
      }
      findings.sort(dev.lashing.lint.Linter.ORDER);
      String text = render("text", report(file, findings.toArray(Finding[]::new)));

      StringBuilder expected = new StringBuilder();
      for (Finding f : findings) {
        String one = render("text", report(file, f));
        expected.append(one, 0, one.lastIndexOf("1 finding"));
      }
      assertThat(text).startsWith(expected.toString()).contains("\u2026").contains("\u65e5\u672c");
      assertThat(text.substring(expected.length())).isEqualTo("1200 findings (1200 high)\n");
    }

    @Test
    void aVeryLongLineIsShownAsAWindowAroundTheFinding() {
      String yaml = "x: {" + "a: 1, ".repeat(100_000) + "image: nginx:latest, " + "b: 2, ".repeat(100_000) + "}\n";
      String[] frame = frame(yaml, "nginx", "latest").split("\n");
      assertThat(frame[0]).startsWith("1 | \u2026").endsWith("\u2026").contains(" a: 1, image: nginx:latest, b: 2,")
          .hasSizeLessThanOrEqualTo("1 | ".length() + 200 + 2);
      assertThat(frame[1]).endsWith("^~~~~~~~~~~~");
      assertThat(frame[1].indexOf('^')).isEqualTo(frame[0].indexOf("nginx"));
    }

    @Test
    void underlinesTheSpan() {
      assertThat(frame("image: nginx:latest\n", "nginx", "latest")).isEqualTo("""
            1 | image: nginx:latest
              |        ^~~~~~~~~~~~""");
    }

    @Test
    void tabsBeforeTheSpanExpandAlikeInBothLines() {
      assertThat(frame("a: [1,\t\"x\",\t\"y\"]\n", "\"y\"", "\"y\"")).isEqualTo("""
            1 | a: [1,  "x",    "y"]
              |                 ^~~""");
    }

    @Test
    void aTabInsideTheSpanIsUnderlinedWhole() {
      assertThat(frame("k: \"a\tb\"\n", "\"a", "b\"")).isEqualTo("""
            1 | k: "a   b"
              |    ^~~~~~~""");
    }

    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
      // "é" is e and a combining accent; 日本 and the whale (a surrogate pair) are two columns each.
      assertThat(frame("x: \"Zoe\u0301 日本 🐳\", y: z\n", "y", "z")).isEqualTo("""
            1 | x: "Zoe\u0301 日本 🐳", y: z
              |                   ^~~~""");
    }

    @Test
    void aSpanAcrossLinesIsUnderlinedToTheEndOfItsFirstLine() {
      assertThat(frame("command: >\n  run\nnext: 1\n", "comm", "run")).isEqualTo("""
            1 | command: >
              | ^~~~~~~~~~""");
    }

    @Test
    void anEmptySpanGetsACaret() {
      SourceFile file = new SourceFile("f.yaml", "services:\n");
      String text = render("text", report(file, at(file.at(9))));
      assertThat(text).contains("""
            1 | services:
              |          ^
          """);
    }

    @Test
    void theGutterFitsTheLineNumber() {
      String yaml = "a: 1\n".repeat(11) + "b: 2\n";
      assertThat(frame(yaml, "b", "b")).isEqualTo("""
            12 | b: 2
               | ^""");
    }

    @Test
    void controlCharactersInTheLineCannotReachTheTerminal() {
      assertThat(frame("k: \"\u001b[2Jx\u202e\"\n", "x", "x")).isEqualTo("""
            1 | k: "\uFFFD[2Jx\uFFFD"
              |         ^""");
    }

    @Test
    void noFrameWithoutText() {
      SourceFile file = new SourceFile("f.yaml", "a: 1\n");
      Finding unplaced = at(SourceRange.synthetic("f.yaml"));
      Finding elsewhere = at(new SourceRange("other.yaml", 1, 1, 1, 2, 0, 1));
      assertThat(render("text", report(file, unplaced, elsewhere))).isEqualTo("""
          f.yaml: high [rule] message

          other.yaml:1:1: high [rule] message

          2 findings (2 high)
          """);
    }
  }

  @Nested
  class Lines {
    private final SourceFile file = new SourceFile("f.yaml", "a: 1\n");

    @Test
    void messagesStayOnOneLine() {
      Finding f = new Finding("r", Severity.LOW, "two\nlines\tand \u001b[31mred", range(file, "1"), null, List.of(),
          null, null);
      assertThat(render(Formats.of("text", false, true), report(file, f)))
          .isEqualTo("f.yaml:1:4: low [r] two lines and \uFFFD[31mred\n");
    }

    @Test
    void messagesKeepEveryCharacterThatIsSafeToPrint() {
      // each case: what the message holds, and what the line shows after "f.yaml:1:4: low [r] "
      String[][] cases = {
          {"plain ASCII ~ !", "plain ASCII ~ !"},
          {"caf\u00e9 \u00e0 la \u4e2d\u6587 \ud83d\ude80", "caf\u00e9 \u00e0 la \u4e2d\u6587 \ud83d\ude80"},
          {"next line \u0085 and \u007f", "next line \uFFFD and \uFFFD"},
          {"caf\u00e9 then \u202Eevil\u202C", "caf\u00e9 then \uFFFDevil\uFFFD"},
          {"\u4e2d then tab\tand\u2066", "\u4e2d then tab and\uFFFD"},
          {"lone \ud800 surrogate", "lone \ud800 surrogate"},
          {"lone \udc00 then \u001b", "lone \udc00 then \uFFFD"},
      };
      for (String[] c : cases) {
        Finding f = new Finding("r", Severity.LOW, c[0], range(file, "1"), null, List.of(), null, null);
        assertThat(render(Formats.of("text", false, true), report(file, f))).as(c[0])
            .isEqualTo("f.yaml:1:4: low [r] " + c[1] + "\n");
      }
    }

    @Test
    void quietPrintsOneLinePerActiveFindingAndNothingElse() {
      String quiet = render(Formats.of("text", false, true), ReportFixtures.report());
      assertThat(quiet.lines()).hasSize(7).allMatch(l -> l.matches("\\S+: \\w+ \\[[a-z-]+\\] .*"));
    }

    @Test
    void suppressedFindingsAreCountedNotShown() {
      String text = render("text", ReportFixtures.report());
      assertThat(text).doesNotContain("no-healthcheck").endsWith(
          "7 findings (1 critical, 1 high, 1 medium, 2 low, 2 info), 1 suppressed\n");
    }

    @Test
    void summaryWording() {
      Finding one = at(range(file, "1"));
      assertThat(render("text", report(file))).isEqualTo("0 findings\n");
      assertThat(render("text", report(file, one.suppressed("why")))).isEqualTo("0 findings, 1 suppressed\n");
      assertThat(render("text", report(file, one))).endsWith("\n1 finding (1 high)\n");
    }

    @Test
    void colourOnlyWhenAsked() {
      assertThat(render(Formats.of("text", false, false), ReportFixtures.report())).doesNotContain("\u001b");
      String coloured = render(Formats.of("text", true, false), ReportFixtures.report());
      assertThat(coloured)
          .contains("\u001b[1;31mcritical\u001b[0m [no-privileged]")
          .contains("\u001b[31m^~~~~~~~~~~~~~~~~\u001b[0m");
    }
  }
}
