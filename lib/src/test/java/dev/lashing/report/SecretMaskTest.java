package dev.lashing.report;

import static dev.lashing.report.ReportFixtures.range;
import static dev.lashing.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.fix.TextEdit;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Severity;
import dev.lashing.source.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The secret a finding found is masked in every format, and shown only when asked for. */
class SecretMaskTest {
  private static final SourceFile FILE = new SourceFile("compose.yaml", """
      services:
        db:
          environment:
            DB_URL: postgres://app:S3cretPass@db/app # port ok
      """);
  private static final Finding SECRET = new Finding("secret-in-url", Severity.HIGH,
      "service 'db' has a password in the URL postgres://app:****@db/app", range(FILE, "postgres:", "@db/app"), "db",
      List.of(), null, null, range(FILE, "S3cretPass"));
  /** Another rule's finding on the same line, after the secret, with a fix that rewrites the value. */
  private static final Finding AFTER = new Finding("port-comment", Severity.LOW, "a comment about ports",
      range(FILE, "port ok"), "db", List.of(),
      new Fix("quote the URL", Fix.Safety.SAFE, List.of(new Fix.Quote(List.of("services", "db", "environment"))))
      , null);

  private static LintReport report() {
    int start = FILE.text().indexOf("postgres:");
    int end = FILE.text().indexOf(" #");
    TextEdit quote = new TextEdit(start, end, "'" + FILE.text().substring(start, end) + "'");
    return new LintReport(List.of(SECRET, AFTER), ReportFixtures.RULES, Map.of(FILE.name(), FILE), "1.2.3",
        Map.of(AFTER, Map.of(FILE.name(), List.of(quote))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "junit", "checkstyle", "github", "gitlab"})
  void noFormatPrintsTheSecret(String format) {
    assertThat(render(format, report())).doesNotContain("S3cretPass").doesNotContain("S3cr");
  }

  @Test
  void codeFramesMaskTheSecretAndUnderlineWhatIsShown() {
    assertThat(render(Formats.of("text", false, false), report())).contains("""
        compose.yaml:4:15: high [secret-in-url] service 'db' has a password in the URL postgres://app:****@db/app
          4 |       DB_URL: postgres://app:****@db/app # port ok
            |               ^~~~~~~~~~~~~~~~~~~~~~~~~~
        """, """
        compose.yaml:4:50: low [port-comment] a comment about ports
          4 |       DB_URL: postgres://app:****@db/app # port ok
            |                                            ^~~~~~~
        """);
  }

  @Test
  void sarifSnippetsAndFixesCarryTheMask() {
    String sarif = render("sarif", report());
    assertThat(sarif).contains("\"text\": \"postgres://app:****@db/app\"")
        .contains("\"text\": \"'postgres://app:****@db/app'\"");
  }

  @Test
  void shownWhenAskedFor() {
    assertThat(render("text", report().showingSecrets())).contains("DB_URL: postgres://app:S3cretPass@db/app");
    assertThat(render("sarif", report().showingSecrets())).contains("S3cretPass");
  }

  @Test
  void fingerprintsDoNotDependOnTheMask() {
    String masked = render("json", report());
    assertThat(masked).isEqualTo(render("json", report().showingSecrets()));
    assertThat(masked).contains(Fingerprints.of(List.of(SECRET, AFTER), Map.of(FILE.name(), FILE)).get(0));
  }

  /** A password that is also the database's name is masked in both places; one of two characters only where found. */
  @Test
  void codeFramesMaskTheSecretWhereverTheLineHoldsIt() {
    SourceFile file = new SourceFile("compose.yaml", """
        services:
          db:
            environment:
              A_URL: postgres://app:hunter2@db/hunter2
              B_URL: postgres://pw:pw@db/pw
        """);
    Finding a = new Finding("secret-in-url", Severity.HIGH, "a password", range(file, "postgres://app", "hunter2\n"),
        "db", List.of(), null, null, range(file, "hunter2"));
    int pw = file.text().indexOf(":pw@") + 1;
    Finding b = new Finding("secret-in-url", Severity.HIGH, "a short password", range(file, "postgres://pw", "@db/pw"),
        "db", List.of(), null, null, file.range(pw, pw + 2));
    String text = render(Formats.of("text", false, false), new LintReport(List.of(a, b), ReportFixtures.RULES,
        Map.of(file.name(), file), "1.2.3", Map.of()));
    assertThat(text).contains("A_URL: postgres://app:****@db/****").doesNotContain("hunter2")
        .contains("B_URL: postgres://pw:****@db/pw");
  }
}
