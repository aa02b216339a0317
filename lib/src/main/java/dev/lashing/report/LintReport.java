package dev.lashing.report;

import dev.lashing.fix.TextEdit;
import dev.lashing.lint.Finding;
import dev.lashing.lint.RuleInfo;
import dev.lashing.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a lint run produced, as every output format needs it.
 *
 * @param findings every finding, suppressed ones included, in the order to print them (the Linter's: by
 *     file, position and rule); fingerprints count repeated findings in this order
 * @param rules the rules that ran, for the metadata SARIF carries (a finding of a rule missing here is still
 *     reported, without metadata)
 * @param sources the text of each file, by the names {@link dev.lashing.source.SourceRange#file()} uses; a
 *     file missing here is reported without code frames, snippets or text-based fingerprints
 * @param toolVersion Lashing's version, as the outputs name it
 * @param fixEdits for each finding with a fix that can be written, the edits that fix it on their own (by
 *     file name, as {@link dev.lashing.fix.FixEdits} plans them); formats that carry fixes (SARIF) use them
 * @param secrets the secrets to mask wherever source text is shown (code frames, snippets, fixes' text)
 */
public record LintReport(
    List<Finding> findings, List<RuleInfo> rules, Map<String, SourceFile> sources, String toolVersion,
    Map<Finding, Map<String, List<TextEdit>>> fixEdits, SecretMask secrets) {
  static final String TOOL_NAME = "lashing";
  static final String INFORMATION_URI = "https://lashing.dev";

  public LintReport {
    findings = List.copyOf(findings);
    rules = List.copyOf(rules);
    sources = Map.copyOf(sources);
    Objects.requireNonNull(toolVersion, "toolVersion");
    fixEdits = Map.copyOf(fixEdits);
    Objects.requireNonNull(secrets, "secrets");
  }

  /** A report that masks the secrets its findings found. */
  public LintReport(List<Finding> findings, List<RuleInfo> rules, Map<String, SourceFile> sources,
      String toolVersion, Map<Finding, Map<String, List<TextEdit>>> fixEdits) {
    this(findings, rules, sources, toolVersion, fixEdits, SecretMask.of(findings));
  }

  /** The same report with every secret shown, for a user who asks to see them. */
  public LintReport showingSecrets() {
    return new LintReport(findings, rules, sources, toolVersion, fixEdits, SecretMask.NONE);
  }

  /** A report without fix edits. */
  public LintReport(List<Finding> findings, List<RuleInfo> rules, Map<String, SourceFile> sources,
      String toolVersion) {
    this(findings, rules, sources, toolVersion, Map.of());
  }

  /** Where a rule is documented; one constant scheme so links stay valid across formats. */
  public static String helpUri(String ruleId) {
    return INFORMATION_URI + "/rules/" + ruleId;
  }

  /** The findings grouped by file, files sorted by name, each group in report order. */
  Map<String, List<Finding>> byFile() {
    Map<String, List<Finding>> groups = new TreeMap<>();
    for (Finding f : findings) {
      groups.computeIfAbsent(f.at().file(), k -> new ArrayList<>()).add(f);
    }
    return groups;
  }

  /** The findings nobody suppressed, in report order. */
  List<Finding> active() {
    return findings.stream().filter(f -> !f.isSuppressed()).toList();
  }
}
