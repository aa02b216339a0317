package dev.lashing.report;

import static dev.lashing.report.JsonText.object;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lashing's own JSON: every finding, suppressed ones included and marked, with a summary. The shape is
 * described by {@code schemas/lashing-report.schema.json}; {@code version} changes when a field is
 * removed or changes meaning, not when one is added.
 */
final class JsonReporter implements Reporter {
  private static final int VERSION = 1;

  @Override
  public void write(LintReport report, Appendable out) throws IOException {
    List<String> fingerprints = Fingerprints.of(report.findings(), report.sources());
    List<Object> findings =
        JsonText.items(report.findings().size(), i -> finding(report.findings().get(i), fingerprints.get(i)));
    Summary summary = Summary.of(report.findings());
    Map<String, Object> bySeverity = object();
    summary.bySeverity().forEach((severity, count) -> bySeverity.put(severity.label(), count));
    JsonText.write(object(
        "version", VERSION,
        "tool", object(
            "name", LintReport.TOOL_NAME,
            "version", report.toolVersion(),
            "informationUri", LintReport.INFORMATION_URI),
        "findings", findings,
        "summary", object(
            "findings", summary.active(),
            "suppressed", summary.suppressed(),
            "bySeverity", bySeverity)), out);
  }

  private static Map<String, Object> finding(Finding f, String fingerprint) {
    SourceRange at = f.at();
    boolean placed = !at.isSynthetic();
    List<Object> via = new ArrayList<>();
    for (Via v : f.via()) {
      boolean known = !v.at().isSynthetic();
      via.add(object(
          "kind", Wording.label(v.kind()),
          "file", v.at().file(),
          "line", known ? v.at().line() : null,
          "column", known ? v.at().column() : null));
    }
    return object(
        "ruleId", f.ruleId(),
        "severity", f.severity().label(),
        "message", f.message(),
        "file", at.file(),
        "line", placed ? at.line() : null,
        "column", placed ? at.column() : null,
        "endLine", placed ? at.endLine() : null,
        "endColumn", placed ? at.endColumn() : null,
        "service", f.service(),
        "via", via,
        "fix", f.fix() == null ? null : fix(f.fix()),
        "suppressed", f.isSuppressed(),
        "suppression", f.suppression(),
        "fingerprint", fingerprint);
  }

  private static Map<String, Object> fix(Fix fix) {
    List<Object> changes = new ArrayList<>();
    for (Fix.Change c : fix.changes()) {
      changes.add(change(c));
    }
    return object(
        "description", fix.description(),
        "safety", Wording.label(fix.safety()),
        "changes", changes);
  }

  private static Map<String, Object> change(Fix.Change change) {
    return change.handle(CHANGE);
  }

  /** Each kind of change as the report writes it. */
  private static final Fix.Handler<Map<String, Object>, RuntimeException> CHANGE = new Fix.Handler<>() {
    @Override
    public Map<String, Object> set(Fix.Set set) {
      return object("op", "set", "path", set.path(), "value", set.value());
    }

    @Override
    public Map<String, Object> append(Fix.Append append) {
      return object("op", "append", "path", append.path(), "item", append.item());
    }

    @Override
    public Map<String, Object> replaceItem(Fix.ReplaceItem replace) {
      return object("op", "replace-item", "path", replace.path(), "index", replace.index(), "item", replace.item());
    }

    @Override
    public Map<String, Object> removeItem(Fix.RemoveItem remove) {
      return object("op", "remove-item", "path", remove.path(), "index", remove.index());
    }

    @Override
    public Map<String, Object> quote(Fix.Quote quote) {
      return object("op", "quote", "path", quote.path());
    }

    @Override
    public Map<String, Object> remove(Fix.Remove remove) {
      return object("op", "remove", "path", remove.path());
    }
  };
}
