package dev.lashing.report;

import static dev.lashing.report.JsonText.object;

import dev.lashing.fix.TextEdit;
import dev.lashing.lint.Category;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, the rules that ran with their metadata, and
 * every finding, suppressed ones carrying an in-source suppression, and the fix of each one that has
 * planned edits (the same minimal edits {@code lashing fix} writes). Columns count UTF-16 code units, as
 * positions do, and paths are relative to {@code %SRCROOT%} (absolute paths become {@code file:} URIs).
 */
final class SarifReporter implements Reporter {
  private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String SRCROOT = "%SRCROOT%";
  private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:/.*");

  /** Categories whose rules guard against attacks: GitHub files their alerts under security. */
  private static final Set<Category> SECURITY = EnumSet.of(Category.SECURITY, Category.NETWORK, Category.SUPPLY_CHAIN);

  @Override
  public void write(LintReport report, Appendable out) throws IOException {
    Map<String, Integer> ruleIndex = new HashMap<>();
    List<Object> rules = new ArrayList<>();
    for (RuleInfo info : report.rules()) {
      if (ruleIndex.putIfAbsent(info.id(), rules.size()) == null) {
        rules.add(rule(info));
      }
    }
    List<String> fingerprints = Fingerprints.of(report.findings(), report.sources());
    List<Object> results = JsonText.items(report.findings().size(), i -> {
      Finding f = report.findings().get(i);
      Map<String, Object> result =
          result(f, ruleIndex.get(f.ruleId()), fingerprints.get(i), report.sources().get(f.at().file()),
              report.secrets());
      Map<String, List<TextEdit>> edits = report.fixEdits().get(f);
      if (edits != null && !edits.isEmpty() && report.sources().keySet().containsAll(edits.keySet())) {
        result.put("fixes", List.of(fix(f.fix(), edits, report.sources(), report.secrets())));
      }
      return result;
    });
    Map<String, Object> driver = object(
        "name", LintReport.TOOL_NAME,
        "informationUri", LintReport.INFORMATION_URI,
        "version", report.toolVersion(),
        "rules", rules);
    JsonText.write(object(
        "$schema", SCHEMA,
        "version", "2.1.0",
        "runs", List.of(object(
            "tool", object("driver", driver),
            "columnKind", "utf16CodeUnits",
            "results", results))), out);
  }

  private static Map<String, Object> rule(RuleInfo info) {
    String uri = LintReport.helpUri(info.id());
    String full = info.summary() + (info.cis().isEmpty() ? "" : " (CIS Docker Benchmark " + info.cis() + ")");
    List<String> tags = new ArrayList<>();
    if (SECURITY.contains(info.category()) && info.category() != Category.SECURITY) {
      tags.add("security");
    }
    tags.add(info.category().label());
    Map<String, Object> properties = object("tags", tags, "category", info.category().label());
    String securitySeverity = securitySeverity(info);
    if (securitySeverity != null) {
      properties.put("security-severity", securitySeverity);
    }
    if (!info.cis().isEmpty()) {
      properties.put("cis", info.cis());
    }
    return object(
        "id", info.id(),
        "name", pascalCase(info.id()),
        "shortDescription", object("text", info.summary()),
        "fullDescription", object("text", full),
        "helpUri", uri,
        "help", object("text", full + ". See " + uri, "markdown", full + ".\n\n[Documentation](" + uri + ")"),
        "defaultConfiguration", object("level", level(info.severity())),
        "properties", properties);
  }

  /** GitHub's 0.0–10.0 scale, as a string: critical from 9.0, high from 7.0, medium from 4.0, low below. */
  private static String securitySeverity(RuleInfo info) {
    if (!SECURITY.contains(info.category())) {
      return null;
    }
    return switch (info.severity()) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> null; // GitHub would show any score as at least low
    };
  }

  private static Map<String, Object> result(Finding f, Integer ruleIndex, String fingerprint, SourceFile source,
      SecretMask secrets) {
    Map<String, Object> result = object("ruleId", f.ruleId());
    if (ruleIndex != null) {
      result.put("ruleIndex", ruleIndex);
    }
    result.put("level", level(f.severity()));
    result.put("message", object("text", f.message()));
    result.put("locations", List.of(object("physicalLocation", physicalLocation(f.at(), source, secrets))));
    if (!f.via().isEmpty()) {
      List<Object> related = new ArrayList<>();
      for (Via v : f.via()) {
        related.add(object(
            "id", related.size() + 1,
            "physicalLocation", physicalLocation(v.at(), null, secrets),
            "message", object("text", "via " + Wording.label(v.kind()))));
      }
      result.put("relatedLocations", related);
    }
    result.put("partialFingerprints", object("lashing/v1", fingerprint));
    if (f.isSuppressed()) {
      result.put("suppressions", List.of(object("kind", "inSource", "justification", f.suppression())));
    }
    Map<String, Object> properties = object("severity", f.severity().label());
    if (f.service() != null) {
      properties.put("service", f.service());
    }
    result.put("properties", properties);
    return result;
  }

  @Override
  public boolean showsFixEdits() {
    return true;
  }

  /** A fix as SARIF's artifact changes: each edit replaces a region (empty for an insertion) with new text. */
  private static Map<String, Object> fix(Fix fix, Map<String, List<TextEdit>> edits, Map<String, SourceFile> sources,
      SecretMask secrets) {
    List<Object> changes = new ArrayList<>();
    edits.forEach((file, fileEdits) -> {
      SourceFile source = sources.get(file);
      List<Object> replacements = new ArrayList<>();
      for (TextEdit e : fileEdits) {
        replacements.add(object(
            "deletedRegion", object(
                "startLine", source.lineOf(e.start()),
                "startColumn", source.columnOf(e.start()),
                "endLine", source.lineOf(e.end()),
                "endColumn", source.columnOf(e.end())),
            "insertedContent", object("text", secrets.replacement(source, e.replacement()))));
      }
      changes.add(object("artifactLocation", artifactLocation(file), "replacements", replacements));
    });
    String description = switch (fix.safety()) {
      case SAFE -> fix.description();
      case BEHAVIOUR_CHANGING -> fix.description()
          + " (changes behaviour: review it; `lashing fix` applies it only with --unsafe-fixes)";
    };
    return object("description", object("text", description), "artifactChanges", changes);
  }

  /** Where a range is; the snippet is its text (secrets masked) when {@code source} is given and holds it. */
  private static Map<String, Object> physicalLocation(SourceRange at, SourceFile source, SecretMask secrets) {
    Map<String, Object> location = object("artifactLocation", artifactLocation(at.file()));
    if (!at.isSynthetic()) {
      Map<String, Object> region = object(
          "startLine", at.line(),
          "startColumn", at.column(),
          "endLine", at.endLine(),
          "endColumn", at.endColumn());
      if (source != null && at.endOffset() <= source.text().length()) {
        region.put("snippet", object("text", secrets.text(source, at.startOffset(), at.endOffset())));
      }
      location.put("region", region);
    }
    return location;
  }

  private static Map<String, Object> artifactLocation(String file) {
    String path = file.replace('\\', '/');
    if (path.startsWith("/")) {
      return object("uri", "file://" + encode(path, true));
    } else if (WINDOWS_DRIVE.matcher(path).matches()) {
      return object("uri", "file:///" + encode(path, true));
    }
    return object("uri", encode(path, false), "uriBaseId", SRCROOT);
  }

  /**
   * Percent-encodes all but unreserved characters and {@code /}; {@code :} too unless absolute, since in a
   * relative reference's first segment it would read as a scheme.
   */
  private static String encode(String path, boolean absolute) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      boolean keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || "-._~/".indexOf(c) >= 0 || (absolute && c == ':');
      if (keep) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  private static String level(Severity severity) {
    return switch (severity) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** {@code no-privileged} → {@code NoPrivileged}: SARIF's name is an identifier-like rule name. */
  private static String pascalCase(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("-")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }
}
