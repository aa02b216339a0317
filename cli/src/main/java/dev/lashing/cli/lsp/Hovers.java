package dev.lashing.cli.lsp;

import dev.lashing.cli.RulePages;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.report.LintReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** What hovering a finding shows: its rule's summary, the message, and how to fix it (from the rule's page). */
final class Hovers {
  private Hovers() {}

  /** The hover for the findings at {@code position}, or null when there is none. */
  static Hover at(ProjectRun run, Path file, Position position, RuleRegistry registry) {
    Range cursor = new Range(position, position);
    List<String> parts = new ArrayList<>();
    for (Finding f : run.findingsIn(file)) {
      if (Ranges.touch(Ranges.of(f.at()), cursor)) {
        parts.add(describe(f, registry.get(f.ruleId())));
      }
    }
    return parts.isEmpty() ? null
        : new Hover(new MarkupContent(MarkupKind.MARKDOWN, String.join("\n\n---\n\n", parts)));
  }

  private static String describe(Finding f, Rule rule) {
    StringBuilder text = new StringBuilder("**" + f.ruleId() + "** (" + f.severity().label() + ")");
    if (rule != null) {
      text.append(": ").append(rule.info().summary());
    }
    text.append("\n\n").append(f.message());
    if (f.fix() != null) {
      text.append("\n\nQuick fix: ").append(f.fix().description()).append(switch (f.fix().safety()) {
        case SAFE -> "";
        case BEHAVIOUR_CHANGING -> " (changes behaviour: review it)";
      });
    }
    RulePages.of(f.ruleId()).flatMap(page -> RulePages.section(page, "How to fix"))
        .ifPresent(howTo -> text.append("\n\n#### How to fix\n\n").append(howTo));
    text.append("\n\n[").append(f.ruleId()).append(" documentation](").append(LintReport.helpUri(f.ruleId()))
        .append(")");
    return text.toString();
  }
}
