package dev.lashing.cli.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.lashing.cli.InstalledRules;
import dev.lashing.cli.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.validation.ReflectiveMessageValidator;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Lashing as a language server: what it offers (incremental sync, diagnostics, quick fixes, hovers) and
 * its life cycle. The work is in {@link ComposeDocumentService}.
 *
 * <p>As an {@link Endpoint}, it is handed the requests and notifications no method takes: lsp4j would answer a
 * request whose method starts with {@code $/} with a null result, where the protocol asks a server that does not
 * implement it for MethodNotFound.
 */
public final class LashingLanguageServer implements LanguageServer, LanguageClientAware, Endpoint {
  /** How long after the last change a lint starts: typing asks for one run, not one per key. */
  static final long DEBOUNCE_MILLIS = 150;
  private static final String UNSUPPORTED = "lashing does not support this request";

  private final LintScheduler scheduler;
  private final ComposeDocumentService documents;
  private final ConfigurationWatcher workspace;
  private final CountDownLatch exited = new CountDownLatch(1);
  private LanguageClient client;
  private boolean watchFiles;

  public LashingLanguageServer(Map<String, String> environment) {
    this(environment, DEBOUNCE_MILLIS);
  }

  LashingLanguageServer(Map<String, String> environment, long debounceMillis) {
    this.scheduler = new LintScheduler(debounceMillis);
    this.documents = new ComposeDocumentService(new ProjectLinting(InstalledRules.lashing(), environment), scheduler);
    this.workspace = new ConfigurationWatcher(documents);
  }

  /**
   * The protocol's side of the server on a pair of streams: requests it does not support are answered with the
   * protocol's MethodNotFound, params that are not what a method takes with InvalidParams, and an internal error
   * with a one-line message, never a Java stack trace (lsp4j's default sends the whole trace to the editor).
   */
  public static Launcher<LanguageClient> launcher(LashingLanguageServer server, InputStream in, OutputStream out) {
    return new LSPLauncher.Builder<LanguageClient>().setLocalService(server).setRemoteInterface(LanguageClient.class)
        .setInput(in).setOutput(out).setExceptionHandler(LashingLanguageServer::responseTo)
        .configureGson(gson -> gson.registerTypeAdapterFactory(new MisshapenAsNone()))
        // lsp4j's check of the values the protocol requires, on what the editor sends only: the server's own
        // messages (a diagnostic per finding of a large file) need no reflective walk
        .wrapMessages(consumer -> consumer instanceof RemoteEndpoint ? new RequiredValues(consumer) : consumer)
        .create();
  }

  /**
   * lsp4j's check that a message from the editor has every value the protocol requires, its findings said as one
   * InvalidParams naming the values (lsp4j answers several with InvalidRequest, and a Java accessor's name each).
   */
  private static final class RequiredValues extends ReflectiveMessageValidator {
    private static final Pattern PATH = Pattern.compile("Path: \\$\\.(\\S+)");

    RequiredValues(MessageConsumer delegate) {
      super(delegate);
    }

    @Override
    protected List<MessageIssue> validate(Object message) {
      List<MessageIssue> issues = super.validate(message);
      int invalidParams = ResponseErrorCode.InvalidParams.getValue();
      if (issues.isEmpty() || issues.stream().anyMatch(issue -> issue.getIssueCode() != invalidParams)) {
        return issues;
      }
      List<String> missing = new ArrayList<>();
      for (MessageIssue issue : issues) {
        Matcher path = PATH.matcher(issue.getText());
        missing.add(path.find() ? path.group(1) : issue.getText());
      }
      String method = message instanceof RequestMessage r ? r.getMethod()
          : message instanceof NotificationMessage n ? n.getMethod() : "the message";
      issues.clear(); // lsp4j's own list, which it may add to
      issues.add(new MessageIssue(method + ": " + String.join(", ", missing)
          + (missing.size() == 1 ? " is" : " are") + " missing or not what the protocol says", invalidParams));
      return issues;
    }
  }

  /**
   * Reads a protocol value of the wrong JSON shape (a number where an object belongs, an object whose fields are
   * of the wrong kinds) as none, so that the check of required values answers InvalidParams, naming the missing
   * one, or the method refuses it: lsp4j would answer that the whole message could not be parsed (ParseError,
   * meant for text that is no JSON), with gson's trace in its data.
   */
  private static final class MisshapenAsNone implements TypeAdapterFactory {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      if (!raw.getPackageName().equals(CodeAction.class.getPackageName()) || raw.isEnum()) {
        return null;
      }
      TypeAdapter<T> value = gson.getDelegateAdapter(this, type);
      TypeAdapter<JsonElement> json = gson.getAdapter(JsonElement.class);
      return new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, T written) throws IOException {
          value.write(out, written);
        }

        @Override
        public T read(JsonReader in) throws IOException {
          if (in.peek() != JsonToken.BEGIN_OBJECT) {
            in.skipValue();
            return null;
          }
          JsonElement read = json.read(in); // whole, so that a misshapen part leaves the stream where it belongs
          try {
            return value.fromJsonTree(read);
          } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
            return null;
          }
        }
      };
    }
  }

  private static ResponseError responseTo(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ResponseErrorException e) {
        return e.getResponseError();
      }
      if (t instanceof UnsupportedOperationException) {
        return new ResponseError(ResponseErrorCode.MethodNotFound, UNSUPPORTED, null);
      }
    }
    Throwable cause = thrown.getCause() != null ? thrown.getCause() : thrown;
    return new ResponseError(ResponseErrorCode.InternalError,
        "lashing: internal error: " + cause + " (please report it with the request)", null);
  }

  @Override
  public void connect(LanguageClient client) {
    this.client = client;
    documents.connect(client, false, false, false);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (!documents.starting()) {
      // the protocol sends initialize once; a second one must not connect the documents to other capabilities
      CompletableFuture<InitializeResult> refused = documents.refused();
      return refused != null ? refused : CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
          ResponseErrorCode.InvalidRequest, "the server is initialized already", null)));
    }
    if (params == null) {
      return ComposeDocumentService.invalidParams("initialize takes the editor's capabilities");
    }
    var capabilities = params.getCapabilities();
    var workspaceCapabilities = capabilities == null ? null : capabilities.getWorkspace();
    boolean documentChanges = workspaceCapabilities != null && workspaceCapabilities.getWorkspaceEdit() != null
        && Boolean.TRUE.equals(workspaceCapabilities.getWorkspaceEdit().getDocumentChanges());
    watchFiles = workspaceCapabilities != null && workspaceCapabilities.getDidChangeWatchedFiles() != null
        && Boolean.TRUE.equals(workspaceCapabilities.getDidChangeWatchedFiles().getDynamicRegistration());
    var codeActionSupport = capabilities == null || capabilities.getTextDocument() == null ? null
        : capabilities.getTextDocument().getCodeAction();
    boolean takesActions = codeActionSupport != null && codeActionSupport.getCodeActionLiteralSupport() != null;
    var resolveSupport = codeActionSupport == null ? null : codeActionSupport.getResolveSupport();
    // an action without its edit is resolved only by editors that take actions as literals and resolve their edits
    boolean resolvesEdits = takesActions && resolveSupport != null && resolveSupport.getProperties() != null
        && resolveSupport.getProperties().contains("edit");
    documents.connect(client, documentChanges, takesActions, resolvesEdits);
    documents.start();

    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    sync.setSave(new SaveOptions(false));
    ServerCapabilities server = new ServerCapabilities();
    server.setTextDocumentSync(sync);
    CodeActionOptions codeActions =
        new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.SourceFixAll));
    codeActions.setResolveProvider(true);
    server.setCodeActionProvider(codeActions);
    server.setHoverProvider(true);
    return CompletableFuture.completedFuture(
        new InitializeResult(server, new ServerInfo("lashing", Version.current())));
  }

  @Override
  public void initialized(InitializedParams params) {
    if (watchFiles && client != null) {
      FileSystemWatcher watcher = new FileSystemWatcher(Either.forLeft("**/.lashing.{yml,yaml}"));
      client.registerCapability(new RegistrationParams(List.of(new Registration("lashing-config",
          "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(List.of(watcher))))));
    }
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    CompletableFuture<Object> refused = documents.refused();
    if (refused != null) {
      return refused; // a second shutdown is a request after shutdown
    }
    documents.stop();
    scheduler.close();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    exited.countDown();
  }

  /** Waits for the exit notification (or {@link #exit()} called when the editor's stream ended). */
  public void awaitExit() throws InterruptedException {
    exited.await();
  }

  /** The protocol's exit code: 0 after a shutdown request, 1 when the editor went away without one. */
  public int exitCode() {
    return documents.stopped() ? 0 : 1;
  }

  /** A request no method takes, {@code $/} ones included: MethodNotFound, as the protocol says. */
  @Override
  public CompletableFuture<?> request(String method, Object parameter) {
    return CompletableFuture.failedFuture(new ResponseErrorException(
        new ResponseError(ResponseErrorCode.MethodNotFound, UNSUPPORTED, null)));
  }

  /** A notification no method takes is dropped, as the protocol allows. */
  @Override
  public void notify(String method, Object parameter) {}

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }
}
