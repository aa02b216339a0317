package dev.lashing.cli.lsp;

import dev.lashing.fix.TextEdit;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SnippetTextEdit;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The actions offered for the findings under the cursor: each fix as the fix engine's minimal edits, a
 * suppression comment to complete with a reason, and one action that fixes every safe finding of the file.
 * Edits name the document versions the run read, so an editor whose text moved on refuses them.
 */
final class CodeActions {
  static final String FIX_ALL_TITLE = "Fix all safe findings in this file";

  private final ProjectRun run;
  private final boolean documentChanges;

  /** @param documentChanges whether the editor takes versioned document edits */
  CodeActions(ProjectRun run, boolean documentChanges) {
    this.run = run;
    this.documentChanges = documentChanges;
  }

  /** The actions for the findings of {@code file} that {@code range} touches, filtered by the kinds asked for. */
  List<Either<Command, CodeAction>> at(Path file, Range range, List<String> only) {
    List<CodeAction> actions = new ArrayList<>();
    List<Finding> inFile = run.findingsIn(file);
    // one suppression per rule and line: a value an anchor shares is a finding for each service that uses it
    Set<String> suppressed = new HashSet<>();
    for (Finding f : inFile) {
      if (!Ranges.touch(Ranges.of(f.at()), range)) {
        continue;
      }
      if (f.fix() != null) {
        Map<String, List<TextEdit>> edits = run.fixEdits(f);
        if (!edits.isEmpty()) {
          actions.add(action(fixTitle(f), CodeActionKind.QuickFix, f, edits,
              f.fix().safety() == Fix.Safety.SAFE));
        }
      }
      if (suppressed.add(f.ruleId() + " " + f.at().file() + ":" + f.at().line())) {
        suppression(f).ifPresent(actions::add);
      }
    }
    Map<String, List<TextEdit>> fixAll = run.safeFixEdits(file);
    if (!fixAll.isEmpty()) {
      actions.add(action(FIX_ALL_TITLE, CodeActionKind.SourceFixAll, null, fixAll, false));
    }
    List<Either<Command, CodeAction>> out = new ArrayList<>();
    for (CodeAction a : actions) {
      if (only == null || only.isEmpty() || only.stream().anyMatch(k -> a.getKind().startsWith(k))) {
        out.add(Either.forRight(a));
      }
    }
    return out;
  }

  private static String fixTitle(Finding f) {
    return switch (f.fix().safety()) {
      case SAFE -> "Fix: " + f.fix().description() + " [" + f.ruleId() + "]";
      case BEHAVIOUR_CHANGING -> "Fix (changes behaviour, review it): " + f.fix().description() + " [" + f.ruleId() + "]";
    };
  }

  /** {@code # lashing-ignore RULE -- } alone on the line above the finding, indented as that line. */
  private Optional<CodeAction> suppression(Finding f) {
    SourceFile source = run.source(f.at().file());
    if (source == null || f.at().isSynthetic()) {
      return Optional.empty();
    }
    String line = source.line(f.at().line());
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    int start = source.lineStart(f.at().line());
    String lineBreak = source.text().startsWith("\r\n", start + line.length()) ? "\r\n" : "\n";
    TextEdit comment = TextEdit.insert(start, indent + "# lashing-ignore " + f.ruleId() + " -- " + lineBreak);
    return Optional.of(action("Suppress " + f.ruleId() + " here (complete the reason after --)",
        CodeActionKind.QuickFix, f, Map.of(f.at().file(), List.of(comment)), false));
  }

  /**
   * @param finding the finding it resolves, or null for one about the whole file
   * @param preferred whether an editor may apply it without asking (a safe fix)
   */
  private CodeAction action(String title, String kind, Finding finding, Map<String, List<TextEdit>> edits,
      boolean preferred) {
    CodeAction action = new CodeAction(title);
    action.setKind(kind);
    action.setEdit(workspaceEdit(edits));
    action.setIsPreferred(preferred);
    if (finding != null) {
      action.setDiagnostics(List.of(new Diagnostic(Ranges.of(finding.at()), finding.message(), null,
          FindingDiagnostics.SOURCE, finding.ruleId())));
    }
    return action;
  }

  private WorkspaceEdit workspaceEdit(Map<String, List<TextEdit>> edits) {
    Map<String, List<org.eclipse.lsp4j.TextEdit>> byUri = new LinkedHashMap<>();
    List<Either<TextDocumentEdit, org.eclipse.lsp4j.ResourceOperation>> changes = new ArrayList<>();
    edits.forEach((name, fileEdits) -> {
      SourceFile source = run.source(name);
      Path path = run.pathOf(name);
      String uri = run.uriOf(path);
      List<org.eclipse.lsp4j.TextEdit> converted = fileEdits.stream()
          .map(e -> new org.eclipse.lsp4j.TextEdit(Ranges.of(e, source), e.replacement())).toList();
      byUri.put(uri, converted);
      changes.add(Either.forLeft(new TextDocumentEdit(
          new VersionedTextDocumentIdentifier(uri, run.versionOf(path)),
          converted.stream().map(Either::<org.eclipse.lsp4j.TextEdit, SnippetTextEdit>forLeft).toList())));
    });
    return documentChanges ? new WorkspaceEdit(changes) : new WorkspaceEdit(byUri);
  }
}
