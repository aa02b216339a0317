package dev.lashing.cli.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
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
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionTriggerKind;
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
 *
 * <p>Editors ask for actions whenever the cursor moves, and the fix-all action's edits take a plan of every safe fix
 * of the file (seconds for a large one): an editor that can resolve an action's edit gets it without, and asks
 * {@code codeAction/resolve} for it when it is applied; one that cannot gets it only when asked for it.
 */
final class CodeActions {
  static final String FIX_ALL_TITLE = "Fix all safe findings in this file";

  /** How the fix-all action is offered for one request. */
  private enum FixAllOffer {
    /** not offered: another kind was asked for, or the editor asked by itself and cannot resolve the edit */
    NONE,
    /** without its edit, which {@code codeAction/resolve} plans */
    TO_RESOLVE,
    /** with its edit, planned now */
    WITH_EDIT
  }

  private final ProjectRun run;
  private final boolean documentChanges;
  private final boolean resolvesEdits;

  /**
   * @param documentChanges whether the editor takes versioned document edits
   * @param resolvesEdits whether the editor asks {@code codeAction/resolve} for the edit of an action that has none
   */
  CodeActions(ProjectRun run, boolean documentChanges, boolean resolvesEdits) {
    this.run = run;
    this.documentChanges = documentChanges;
    this.resolvesEdits = resolvesEdits;
  }

  /** The actions for the findings of {@code file} that {@code range} touches, of the kinds {@code context} asks for. */
  List<Either<Command, CodeAction>> at(Path file, Range range, CodeActionContext context) {
    List<CodeAction> actions = new ArrayList<>();
    if (asked(CodeActionKind.QuickFix, context.getOnly())) {
      // one suppression per rule and line: a value an anchor shares is a finding for each service that uses it
      Set<String> suppressed = new HashSet<>();
      for (Finding f : run.findingsIn(file)) {
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
    }
    switch (fixAllOffer(context)) {
      case NONE -> { }
      case TO_RESOLVE -> {
        // offered where a safe fix is shown; the plan may still find that none can be written (the edit is then empty)
        if (!run.safelyFixable(file).isEmpty()) {
          CodeAction fixAll = fixAll(null);
          fixAll.setData(new FixAllData(run.uriOf(file), run.versionOf(file)).toJson());
          actions.add(fixAll);
        }
      }
      case WITH_EDIT -> {
        Map<String, List<TextEdit>> edits = run.safeFixEdits(file);
        if (!edits.isEmpty()) {
          actions.add(fixAll(edits));
        }
      }
    }
    return actions.stream().map(Either::<Command, CodeAction>forRight).toList();
  }

  /** The fix-all action of {@code file} that was offered without its edit, with it: what resolve answers. */
  CodeAction resolve(CodeAction fixAll, Path file) {
    fixAll.setEdit(workspaceEdit(run.safeFixEdits(file)));
    return fixAll;
  }

  /**
   * What a fix-all action offered without its edit carries for {@code codeAction/resolve}: its document, and the
   * version the run read, so that an action offered for older text is refused rather than resolved for newer.
   */
  record FixAllData(String uri, Integer version) {
    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.addProperty("fixAll", uri);
      json.addProperty("version", version);
      return json;
    }

    /** The data of an action the editor sends back to resolve, or null when it is not a fix-all action's. */
    static FixAllData from(Object data) {
      if (!(data instanceof JsonObject json) || !(json.get("fixAll") instanceof JsonPrimitive uri)
          || !uri.isString()) {
        return null;
      }
      JsonElement version = json.get("version");
      return new FixAllData(uri.getAsString(),
          version instanceof JsonPrimitive number && number.isNumber() ? number.getAsInt() : null);
    }
  }

  private FixAllOffer fixAllOffer(CodeActionContext context) {
    List<String> only = context.getOnly();
    if (!asked(CodeActionKind.SourceFixAll, only)) {
      return FixAllOffer.NONE;
    }
    if (resolvesEdits) {
      return FixAllOffer.TO_RESOLVE;
    }
    // asked for by kind (on save, say), or by the user: the editor applies it as it comes
    boolean byKind = only != null && !only.isEmpty();
    return byKind || context.getTriggerKind() != CodeActionTriggerKind.Automatic ? FixAllOffer.WITH_EDIT
        : FixAllOffer.NONE;
  }

  /** Whether actions of {@code kind} are asked for: {@code only} is absent, empty or names it or a kind above it. */
  private static boolean asked(String kind, List<String> only) {
    return only == null || only.isEmpty() || only.stream().anyMatch(kind::startsWith);
  }

  /** @param edits its edits, or null for one that {@code codeAction/resolve} completes */
  private CodeAction fixAll(Map<String, List<TextEdit>> edits) {
    return action(FIX_ALL_TITLE, CodeActionKind.SourceFixAll, null, edits, false);
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
   * @param edits its edits, or null for one that {@code codeAction/resolve} completes
   * @param preferred whether an editor may apply it without asking (a safe fix)
   */
  private CodeAction action(String title, String kind, Finding finding, Map<String, List<TextEdit>> edits,
      boolean preferred) {
    CodeAction action = new CodeAction(title);
    action.setKind(kind);
    if (edits != null) {
      action.setEdit(workspaceEdit(edits));
    }
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
