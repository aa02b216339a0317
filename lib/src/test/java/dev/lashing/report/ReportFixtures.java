package dev.lashing.report;

import dev.lashing.lint.Category;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One small project with findings of every kind the formats must handle, and helpers to build more. */
final class ReportFixtures {
  private ReportFixtures() {}

  static final SourceFile COMPOSE = new SourceFile("compose.yaml", """
      x-image: &img nginx:latest
      services:
        web:
          image: *img
          privileged: true
          ports: ["8080:80",\t"0.0.0.0:9090:90"]
          labels: {owner: "Zoë 日本 🐳", token: "s3cr3t"}
        db:
          # lashing-ignore no-healthcheck: the dev database needs none
          image: postgres:16
          command: >
            postgres -c log_statement=all
            -c shared_buffers=1GB
      """);

  static final SourceFile OVERRIDE = new SourceFile("compose.override.yaml", """
      services:
        web:
          environment:
            DEBUG: "1"
      """);

  /** A file that was read but has no findings (JUnit still lists it). */
  static final SourceFile DOTENV = new SourceFile(".env", "TAG=1.27\n");

  @RuleInfo(id = "no-privileged", summary = "A service runs privileged", category = Category.SECURITY,
      severity = Severity.CRITICAL, cis = "5.5", fixable = true)
  private static final class NoPrivileged {}

  @RuleInfo(id = "port-all-interfaces", summary = "A port is published on all interfaces",
      category = Category.NETWORK, severity = Severity.HIGH, cis = "5.14", fixable = true)
  private static final class PortAllInterfaces {}

  @RuleInfo(id = "image-unpinned", summary = "An image is not pinned to a version",
      category = Category.SUPPLY_CHAIN, severity = Severity.MEDIUM, fixable = true)
  private static final class ImageUnpinned {}

  @RuleInfo(id = "secret-in-label", summary = "A label holds what looks like a secret",
      category = Category.SECURITY, severity = Severity.LOW)
  private static final class SecretInLabel {}

  @RuleInfo(id = "no-healthcheck", summary = "A service has no healthcheck", category = Category.RELIABILITY,
      severity = Severity.MEDIUM)
  private static final class NoHealthcheck {}

  @RuleInfo(id = "verbose-logging", summary = "A command logs more than it should",
      category = Category.RESOURCES, severity = Severity.LOW)
  private static final class VerboseLogging {}

  @RuleInfo(id = "restart-policy", summary = "A service has no restart policy", category = Category.RELIABILITY,
      severity = Severity.INFO, fixable = true)
  private static final class RestartPolicy {}

  @RuleInfo(id = "project-name", summary = "The project has no name", category = Category.CORRECTNESS,
      severity = Severity.INFO)
  private static final class ProjectName {}

  static final List<RuleInfo> RULES = Stream.of(
          ImageUnpinned.class, NoHealthcheck.class, NoPrivileged.class, PortAllInterfaces.class,
          ProjectName.class, RestartPolicy.class, SecretInLabel.class, VerboseLogging.class)
      .map(c -> c.getAnnotation(RuleInfo.class))
      .toList();

  /** The findings in the Linter's order: by file, line, column. */
  static final List<Finding> FINDINGS = List.of(
      new Finding("project-name", Severity.INFO, "the project has no name (set \"name:\" or use -p)",
          SourceRange.synthetic("compose.override.yaml"), null, List.of(), null, null),
      new Finding("restart-policy", Severity.INFO, "service \"web\" has no restart policy",
          range(OVERRIDE, "web"), "web", List.of(),
          new Fix("restart unless stopped", Fix.Safety.SAFE,
              List.of(new Fix.Set(List.of("services", "web", "restart"), "unless-stopped"))),
          null),
      new Finding("image-unpinned", Severity.MEDIUM, "image nginx:latest is not pinned to a version",
          range(COMPOSE, "nginx:latest"), "web", List.of(new Via(Via.Kind.ALIAS, range(COMPOSE, "*img"))),
          new Fix("pin the version nginx:1.27", Fix.Safety.SAFE,
              List.of(new Fix.Set(List.of("services", "web", "image"), "nginx:1.27"))),
          null),
      new Finding("no-privileged", Severity.CRITICAL, "service \"web\" runs privileged: it can take over the host",
          range(COMPOSE, "true"), "web", List.of(),
          new Fix("remove privileged", Fix.Safety.BEHAVIOUR_CHANGING,
              List.of(new Fix.Remove(List.of("services", "web", "privileged")))),
          null),
      new Finding("port-all-interfaces", Severity.HIGH, "port 9090 is published on all interfaces",
          range(COMPOSE, "\"0.0.0.0:9090:90\""), "web", List.of(),
          new Fix("bind to 127.0.0.1", Fix.Safety.BEHAVIOUR_CHANGING,
              List.of(new Fix.ReplaceItem(List.of("services", "web", "ports"), 1, Map.of("target", 90L)))),
          null),
      new Finding("secret-in-label", Severity.LOW, "label \"token\" looks like a secret <redacted> & should move",
          range(COMPOSE, "\"s3cr3t\""), "web", List.of(), null, null),
      new Finding("no-healthcheck", Severity.MEDIUM, "service \"db\" has no healthcheck",
          range(COMPOSE, "db"), "db", List.of(), null, "the dev database needs none"),
      new Finding("verbose-logging", Severity.LOW, "postgres logs every statement, secrets included",
          range(COMPOSE, ">", "1GB"), "db", List.of(), null, null));

  static LintReport report() {
    return report(FINDINGS);
  }

  static LintReport report(List<Finding> findings) {
    return new LintReport(findings, RULES,
        Map.of(COMPOSE.name(), COMPOSE, OVERRIDE.name(), OVERRIDE, DOTENV.name(), DOTENV), "1.2.3");
  }

  /** The range of the first occurrence of {@code text}. */
  static SourceRange range(SourceFile file, String text) {
    return range(file, text, text);
  }

  /** From the first occurrence of {@code from} to the end of the next occurrence of {@code to}. */
  static SourceRange range(SourceFile file, String from, String to) {
    int start = file.text().indexOf(from);
    int end = file.text().indexOf(to, start) + to.length();
    if (start < 0 || end < start + to.length()) {
      throw new IllegalArgumentException("not in " + file.name() + ": " + from + "…" + to);
    }
    return file.range(start, end);
  }

  static String render(Reporter reporter, LintReport report) {
    StringBuilder out = new StringBuilder();
    try {
      reporter.write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return out.toString();
  }

  static String render(String format, LintReport report) {
    return render(Formats.of(format, false, false), report);
  }
}
