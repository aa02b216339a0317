package dev.lashing.cli.lsp;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The open compose files: each change schedules a lint of the document's project, whose diagnostics are
 * published for every file of that project; code actions and hovers answer from the latest run, without
 * waiting for one, and are refused as ContentModified while the text that run read has changed since. A closed
 * document's text, run and diagnostics are dropped.
 */
final class ComposeDocumentService implements TextDocumentService {
  private final OpenDocuments documents = new OpenDocuments();
  private final Map<Path, ProjectRun> runs = new ConcurrentHashMap<>();
  /** The files each open document's latest run published diagnostics for, to clear what it no longer reports. */
  private final Map<Path, Set<Path>> published = new ConcurrentHashMap<>();
  private final ProjectLinting linting;
  private final LintScheduler scheduler;
  private volatile LanguageClient client;
  private volatile boolean documentChanges;
  private volatile boolean takesActions;
  private volatile boolean resolvesEdits;
  /** Where the protocol's life cycle is: documents are taken between initialize and shutdown only. */
  private volatile Stage stage = Stage.STARTING;

  private enum Stage { STARTING, RUNNING, SHUT_DOWN }

  ComposeDocumentService(ProjectLinting linting, LintScheduler scheduler) {
    this.linting = linting;
    this.scheduler = scheduler;
  }

  /**
   * @param documentChanges whether the editor takes versioned document edits
   * @param takesActions whether the editor takes code actions as literals (codeActionLiteralSupport)
   * @param resolvesEdits whether the editor asks {@code codeAction/resolve} for the edit of an action that has none
   */
  void connect(LanguageClient client, boolean documentChanges, boolean takesActions, boolean resolvesEdits) {
    this.client = client;
    this.documentChanges = documentChanges;
    this.takesActions = takesActions;
    this.resolvesEdits = resolvesEdits;
  }

  /** The editor initialized the server: documents are taken from now on. */
  void start() {
    stage = Stage.RUNNING;
  }

  /** The editor asked for shutdown: no document is taken any more, and requests are refused. */
  void stop() {
    stage = Stage.SHUT_DOWN;
  }

  /** Whether the editor has not initialized the server yet. */
  boolean starting() {
    return stage == Stage.STARTING;
  }

  /** Whether the editor asked for shutdown. */
  boolean stopped() {
    return stage == Stage.SHUT_DOWN;
  }

  /**
   * Why a request cannot be answered now, as the protocol says: before initialize, ServerNotInitialized; after
   * shutdown, InvalidRequest. Null while running.
   */
  <T> CompletableFuture<T> refused() {
    return switch (stage) {
      case RUNNING -> null;
      case STARTING -> CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
          ResponseErrorCode.ServerNotInitialized, "the server is not initialized yet", null)));
      case SHUT_DOWN -> CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
          ResponseErrorCode.InvalidRequest, "the server is shutting down", null)));
    };
  }

  /** Whether a file is Lashing's configuration rather than a compose file. */
  static boolean isConfiguration(Path file) {
    String name = file.getFileName().toString();
    return name.equals(".lashing.yml") || name.equals(".lashing.yaml");
  }

  /** Lints every open compose file again (the configuration changed). */
  void relintAll() {
    documents.all().stream().filter(d -> !isConfiguration(d.path())).forEach(d -> schedule(d.path()));
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    if (stage != Stage.RUNNING || params == null) {
      return; // the protocol drops notifications outside the life cycle; one without params says nothing
    }
    Path path = OpenDocuments.pathOf(params.getTextDocument().getUri());
    if (path != null) {
      documents.open(params.getTextDocument().getUri(), path, params.getTextDocument().getText(),
          params.getTextDocument().getVersion());
      changed(path);
    }
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    if (stage != Stage.RUNNING || params == null) {
      return; // the protocol drops notifications outside the life cycle; one without params says nothing
    }
    Path path = OpenDocuments.pathOf(params.getTextDocument().getUri());
    if (path != null) {
      documents.change(path, params.getTextDocument().getVersion(), params.getContentChanges());
      changed(path);
    }
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    if (stage != Stage.RUNNING || params == null) {
      return; // the protocol drops notifications outside the life cycle; one without params says nothing
    }
    Path path = OpenDocuments.pathOf(params.getTextDocument().getUri());
    if (path != null) {
      changed(path);
    }
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    if (stage != Stage.RUNNING || params == null) {
      return; // the protocol drops notifications outside the life cycle; one without params says nothing
    }
    Path path = OpenDocuments.pathOf(params.getTextDocument().getUri());
    if (path == null) {
      return;
    }
    OpenDocuments.Document closing = documents.get(path);
    documents.close(path);
    scheduler.forget(path);
    // On the lint thread, after a run of the document that may be publishing: its diagnostics then cannot arrive
    // after the empty ones that clear them, nor its run be kept after it is dropped here.
    scheduler.afterRunning(() -> {
      runs.remove(path);
      Set<Path> stale = published.remove(path);
      if (stale != null) {
        Set<Path> stillShown = new HashSet<>();
        published.values().forEach(stillShown::addAll);
        // the closed document's own, under the URI the editor opened it by
        stale.stream().filter(file -> !stillShown.contains(file)).forEach(file -> publish(
            file.equals(path) ? OpenDocuments.uriOf(file, closing) : uriOf(file), List.of()));
      }
      if (isConfiguration(path)) {
        relintAll(); // its unsaved text no longer counts: the file on disk does
      } else {
        scheduleReaders(path);
      }
    });
  }

  private void changed(Path path) {
    if (isConfiguration(path)) {
      relintAll();
    } else {
      schedule(path);
      scheduleReaders(path);
    }
  }

  /**
   * Lints again the other open documents whose latest run read {@code file} (an override, an included or extended
   * file): their diagnostics, hovers and code actions came from its text before the change.
   */
  private void scheduleReaders(Path file) {
    runs.forEach((document, run) -> {
      if (!document.equals(file) && run.files().contains(file) && documents.get(document) != null) {
        schedule(document);
      }
    });
  }

  /**
   * Whether an open file of the run changed since the run read it, or was opened or closed since: its edits were
   * made for other text, and applied to the editor's text now, they would land in the wrong places.
   */
  private boolean isStale(ProjectRun run) {
    for (Path file : run.files()) {
      OpenDocuments.Document now = documents.get(file);
      Integer read = run.versionOf(file);
      if (now == null ? read != null : read == null || read != now.version()) {
        return true;
      }
    }
    return false;
  }

  private void schedule(Path path) {
    scheduler.schedule(path, current -> {
      ProjectRun run;
      try {
        run = linting.lint(path, documents, current).orElse(null);
      } catch (RuntimeException | StackOverflowError e) {
        log(path + ": internal error: " + e + " (please report it with the file)");
        return;
      }
      if (run == null || !current.getAsBoolean()) {
        return;
      }
      runs.put(path, run);
      Map<Path, List<Diagnostic>> diagnostics = FindingDiagnostics.of(run);
      Set<Path> before = published.put(path, Set.copyOf(diagnostics.keySet()));
      if (before != null) {
        before.stream().filter(file -> !diagnostics.containsKey(file)).forEach(file -> publish(file, List.of()));
      }
      diagnostics.forEach(this::publish);
    });
  }

  private void log(String message) {
    LanguageClient to = client;
    if (to != null) {
      to.logMessage(new MessageParams(MessageType.Error, "lashing: " + message));
    }
  }

  private void publish(Path file, List<Diagnostic> diagnostics) {
    publish(uriOf(file), diagnostics);
  }

  private void publish(String uri, List<Diagnostic> diagnostics) {
    LanguageClient to = client;
    if (to != null) {
      to.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
    }
  }

  /** A file's URI as the editor spells it when it is open, else as editors spell it. */
  private String uriOf(Path file) {
    return OpenDocuments.uriOf(file, documents.get(file));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    CompletableFuture<List<Either<Command, CodeAction>>> refused = refused();
    if (refused != null) {
      return refused;
    }
    if (params == null) {
      return invalidParams("textDocument/codeAction takes a document, a range and a context");
    }
    if (!takesActions) {
      // the protocol gives such an editor commands, which it runs by workspace/executeCommand: lashing has none
      return CompletableFuture.completedFuture(List.of());
    }
    Path path = OpenDocuments.pathOf(params.getTextDocument().getUri());
    ProjectRun run = path == null ? null : runs.get(path);
    if (run == null) {
      return CompletableFuture.completedFuture(List.of());
    }
    if (isStale(run)) {
      return contentModified("the document changed since it was last linted");
    }
    return planning(path,
        () -> new CodeActions(run, documentChanges, resolvesEdits).at(path, params.getRange(), params.getContext()),
        List.of());
  }

  /** The edit of the fix-all action offered without it, planned from the latest run if it read the same text. */
  @Override
  public CompletableFuture<CodeAction> resolveCodeAction(CodeAction unresolved) {
    CompletableFuture<CodeAction> refused = refused();
    if (refused != null) {
      return refused;
    }
    if (unresolved == null || unresolved.getTitle() == null) {
      return invalidParams("codeAction/resolve takes a code action as textDocument/codeAction gave it");
    }
    CodeActions.FixAllData data = CodeActions.FixAllData.from(unresolved.getData());
    if (data == null) {
      return CompletableFuture.completedFuture(unresolved); // every other action comes whole
    }
    Path path = OpenDocuments.pathOf(data.uri());
    ProjectRun run = path == null ? null : runs.get(path);
    if (run == null || isStale(run) || !Objects.equals(run.versionOf(path), data.version())) {
      return contentModified("the document changed since the action was offered");
    }
    return planning(path, () -> new CodeActions(run, documentChanges, resolvesEdits).resolve(unresolved, path),
        unresolved);
  }

  /**
   * Plans fixes of {@code path} off the protocol's thread (seconds for a large file); a failure of the fix engine is
   * logged, and answered with {@code fallback} rather than an error the editor would show for each cursor move.
   */
  private <T> CompletableFuture<T> planning(Path path, Supplier<T> plan, T fallback) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return plan.get();
      } catch (RuntimeException | StackOverflowError e) {
        log(path + ": internal error while planning fixes: " + e + " (please report it with the file)");
        return fallback;
      }
    });
  }

  /**
   * The protocol's answer to a request without the params its method takes. Values the params require are checked
   * before (lsp4j's validation, set up by {@link LashingLanguageServer#launcher}); params left out are not.
   */
  static <T> CompletableFuture<T> invalidParams(String message) {
    return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
        ResponseErrorCode.InvalidParams, message, null)));
  }

  /**
   * What the protocol has for a request about text that moved on: the client asks again, or drops the request, once
   * the change is linted. Edits made for the older text would land in the wrong places.
   */
  private static <T> CompletableFuture<T> contentModified(String why) {
    return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
        ResponseErrorCode.ContentModified, why, null)));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    CompletableFuture<Hover> refused = refused();
    if (refused != null) {
      return refused;
    }
    if (params == null) {
      return invalidParams("textDocument/hover takes a document and a position");
    }
    Path path = OpenDocuments.pathOf(params.getTextDocument().getUri());
    ProjectRun run = path == null ? null : runs.get(path);
    if (run == null) {
      return CompletableFuture.completedFuture(null);
    }
    if (isStale(run)) {
      // its findings are those of the text before the change, at the positions they had there
      return contentModified("the document changed since it was last linted");
    }
    return CompletableFuture.completedFuture(Hovers.at(run, path, params.getPosition(), linting.registry()));
  }
}
