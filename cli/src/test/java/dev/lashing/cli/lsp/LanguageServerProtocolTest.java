package dev.lashing.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lashing.yaml.SourceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKindCapabilities;
import org.eclipse.lsp4j.CodeActionLiteralSupportCapabilities;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeActionResolveSupportCapabilities;
import org.eclipse.lsp4j.CodeActionTriggerKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as an editor sees it: lsp4j's own client talking JSON-RPC to it over piped streams. */
class LanguageServerProtocolTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final Client client = new Client();
  private LanguageServer server;
  /** The same server's endpoint, for messages lsp4j's client has no method for. */
  private Endpoint endpoint;
  private LashingLanguageServer implementation;

  /** Records what the server publishes; tests wait for what they expect. */
  static final class Client implements LanguageClient {
    final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
    final List<String> published = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
      synchronized (this) {
        diagnostics.put(params.getUri(), params.getDiagnostics());
        published.add(params.getUri());
        notifyAll();
      }
    }

    synchronized List<Diagnostic> await(String uri, Predicate<List<Diagnostic>> condition) {
      Instant deadline = Instant.now().plus(WAIT);
      while (!(diagnostics.containsKey(uri) && condition.test(diagnostics.get(uri)))) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        assertThat(left).as("diagnostics for " + uri + " meeting the condition; have " + diagnostics.get(uri))
            .isPositive();
        try {
          wait(left);
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
      return diagnostics.get(uri);
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams params) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }

  @BeforeEach
  void start() throws Exception {
    implementation = new LashingLanguageServer(Map.of(), 20);
    Launcher<LanguageServer> launcher = launch(implementation, client);
    server = launcher.getRemoteProxy();
    endpoint = launcher.getRemoteEndpoint();
    InitializeParams init = new InitializeParams();
    // an editor that takes code actions as literals, as editors do since LSP 3.8, and does not resolve their edits
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setCodeAction(codeActionLiterals());
    init.setCapabilities(new ClientCapabilities(null, text, null));
    var capabilities = server.initialize(init).get(30, TimeUnit.SECONDS).getCapabilities();
    assertThat(capabilities.getHoverProvider().getLeft()).isTrue();
    server.initialized(new InitializedParams());
  }

  private static CodeActionCapabilities codeActionLiterals() {
    return new CodeActionCapabilities(
        new CodeActionLiteralSupportCapabilities(new CodeActionKindCapabilities(List.of("quickfix", "source.fixAll"))),
        false);
  }

  /** The editor's side of a server, talking JSON-RPC to it over a pair of pipes, not initialized yet. */
  private static LanguageServer connect(LashingLanguageServer implementation, LanguageClient client)
      throws IOException {
    return launch(implementation, client).getRemoteProxy();
  }

  private static Launcher<LanguageServer> launch(LashingLanguageServer implementation, LanguageClient client)
      throws IOException {
    // NIO pipes, not java.io's Piped streams, which break once the thread that last wrote has ended
    Pipe toServer = Pipe.open();
    Pipe toClient = Pipe.open();
    InputStream serverIn = Channels.newInputStream(toServer.source());
    OutputStream clientOut = Channels.newOutputStream(toServer.sink());
    InputStream clientIn = Channels.newInputStream(toClient.source());
    OutputStream serverOut = Channels.newOutputStream(toClient.sink());
    Launcher<LanguageClient> serverLauncher = LashingLanguageServer.launcher(implementation, serverIn, serverOut);
    implementation.connect(serverLauncher.getRemoteProxy());
    serverLauncher.startListening();
    Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
    clientLauncher.startListening();
    return clientLauncher;
  }

  @AfterEach
  void stop() throws Exception {
    if (implementation.exitCode() != 0) { // unless the test shut it down
      server.shutdown().get(30, TimeUnit.SECONDS);
    }
    server.exit();
    implementation.awaitExit();
    assertThat(implementation.exitCode()).isZero();
  }

  private String write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return OpenDocuments.uriOf(file.toAbsolutePath().normalize());
  }

  private String open(String name, String text) throws IOException {
    String uri = write(name, text);
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, text)));
    return uri;
  }

  private static Predicate<List<Diagnostic>> having(String rule) {
    return list -> list.stream().anyMatch(d -> d.getCode().getLeft().equals(rule));
  }

  private static Diagnostic only(List<Diagnostic> list, String rule) {
    List<Diagnostic> matching = list.stream().filter(d -> d.getCode().getLeft().equals(rule)).toList();
    assertThat(matching).as(rule).hasSize(1);
    return matching.get(0);
  }

  private static Range range(int line, int from, int toLine, int to) {
    return new Range(new Position(line, from), new Position(toLine, to));
  }

  private List<CodeAction> actions(String uri, Range at) throws Exception {
    CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), at,
        new CodeActionContext(List.of()));
    return server.getTextDocumentService().codeAction(params).get(30, TimeUnit.SECONDS).stream()
        .map(Either::getRight).toList();
  }

  /** The text after a workspace edit's changes to one file (the edits do not overlap, as the protocol asks). */
  private static String applied(String text, WorkspaceEdit edit, String uri) {
    List<TextEdit> edits = new ArrayList<>(edit.getChanges().get(uri));
    edits.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
        .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed());
    StringBuilder out = new StringBuilder(text);
    for (TextEdit e : edits) {
      out.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText());
    }
    return out.toString();
  }

  private static int offset(String text, Position p) {
    int at = 0;
    for (int line = 0; line < p.getLine(); line++) {
      at = text.indexOf('\n', at) + 1;
    }
    return at + p.getCharacter();
  }

  private static final String WEB = "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n";

  /**
   * Editors start the server for every YAML file: one that no project reads and nothing marks as a compose file
   * gets no diagnostics; one named like a compose file, or with top-level services, is linted on its own.
   */
  @Test
  void yamlFilesThatAreNoComposeFilesGetNoDiagnostics() throws IOException {
    write("compose.yaml", WEB);
    String workflow = open(".github/workflows/ci.yml",
        "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      db: {image: x}\n");
    String manifest = open("k8s/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n");
    String stack = open("deploy/stack.yml", WEB);
    String flow = open("deploy/flow.yml",
        "{\"services\": {\"web\": {\"image\": \"nginx:1.27\", \"privileged\": true}}}\n");
    String named = open("deploy/compose.prod.yaml", "volumes:\n  data: {driver: nfs}\n");
    client.await(workflow, List::isEmpty);
    client.await(manifest, List::isEmpty);
    client.await(stack, having("privileged"));
    client.await(flow, having("privileged"));
    client.await(named, list -> true);
  }

  @Test
  void diagnosticsOnOpenHaveExactRangesAndLinkToTheRule() throws IOException {
    String uri = open("compose.yaml", WEB);

    List<Diagnostic> diagnostics = client.await(uri, having("privileged"));

    Diagnostic privileged = only(diagnostics, "privileged");
    assertThat(privileged.getRange()).isEqualTo(range(3, 16, 3, 20));
    assertThat(privileged.getSource()).isEqualTo("lashing");
    assertThat(privileged.getCodeDescription().getHref()).isEqualTo("https://lashing.dev/rules/privileged");
    assertThat(only(diagnostics, "restart-policy").getRange()).isEqualTo(range(1, 2, 1, 5));
  }

  @Test
  void editsAreLintedFromTheEditorsTextNotTheDisk() throws IOException {
    String uri = open("compose.yaml", WEB);
    client.await(uri, having("privileged"));

    var change = new TextDocumentContentChangeEvent(range(3, 16, 3, 20), "false");
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, 2), List.of(change)));

    client.await(uri, having("privileged").negate());
    assertThat(client.diagnostics.get(uri)).anyMatch(d -> d.getCode().getLeft().equals("restart-policy"));
  }

  /** A key typed twice while editing is reported, and the file's other diagnostics stay. */
  @Test
  void aDuplicateKeyTypedWhileEditingHidesNoOtherDiagnostic() throws IOException {
    String uri = open("compose.yaml", WEB);
    client.await(uri, having("privileged"));

    var change = new TextDocumentContentChangeEvent(range(4, 0, 4, 0), "    privileged: false\n");
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, 2), List.of(change)));

    List<Diagnostic> diagnostics = client.await(uri, having("duplicate-key"));
    assertThat(only(diagnostics, "duplicate-key").getRange()).isEqualTo(range(4, 4, 4, 14));
    assertThat(only(diagnostics, "privileged").getRange()).isEqualTo(range(3, 16, 3, 20));
    assertThat(only(diagnostics, "restart-policy").getRange()).isEqualTo(range(1, 2, 1, 5));
  }

  @Test
  void aServiceBehindAProfileIsCheckedAndTheFindingSaysWhichProfileStartsIt() throws IOException {
    String uri = open("compose.yaml",
        "services:\n  web:\n    image: nginx:1.27\n  shell:\n    image: busybox:1.36\n    profiles: [debug]\n"
            + "    privileged: true\n");

    Diagnostic privileged = only(client.await(uri, having("privileged")), "privileged");

    assertThat(privileged.getRange()).isEqualTo(range(6, 16, 6, 20));
    assertThat(privileged.getMessage().getLeft()).endsWith("(shell starts only with profile debug)");
  }

  @Test
  void thePolicyDirectiveIsReadFromTheEditorsTextNotTheDisk() throws IOException {
    String uri = open("compose.yaml", WEB);
    client.await(uri, having("privileged").and(having("read-only-rootfs")));

    var directive = new TextDocumentContentChangeEvent("# lashing: policy=development\n" + WEB);
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, 2), List.of(directive)));

    assertThat(Files.readString(dir.resolve("compose.yaml"))).as("the disk names no policy").isEqualTo(WEB);
    client.await(uri, having("privileged").and(having("read-only-rootfs").negate()));
  }

  @Test
  void everyFileOfTheProjectGetsItsDiagnostics() throws IOException {
    write("compose.override.yaml", "services:\n  web:\n    privileged: true\n");
    write("base.yaml", "services:\n  base:\n    cap_add: [SYS_ADMIN]\n");
    String main = open("compose.yaml", """
        x-common: &common
          privileged: true
        services:
          web:
            image: nginx:1.27
          api:
            <<: *common
            image: api:1
          job:
            extends: {file: base.yaml, service: base}
            image: job:1
        """);
    String override = OpenDocuments.uriOf(dir.resolve("compose.override.yaml").toAbsolutePath().normalize());
    String base = OpenDocuments.uriOf(dir.resolve("base.yaml").toAbsolutePath().normalize());

    assertThat(only(client.await(override, having("privileged")), "privileged").getRange())
        .isEqualTo(range(2, 16, 2, 20));
    assertThat(client.await(base, having("dangerous-capability")))
        .anyMatch(d -> d.getRange().getStart().getLine() == 2);
    Diagnostic throughAnchor = only(client.await(main, having("privileged")), "privileged");
    assertThat(throughAnchor.getRange()).isEqualTo(range(1, 14, 1, 18));
    assertThat(throughAnchor.getRelatedInformation()).singleElement()
        .satisfies(r -> assertThat(r.getLocation().getRange().getStart().getLine()).isEqualTo(6));
  }

  @Test
  void anIncludedFileOpenedAloneIsLintedAsPartOfItsProject() throws IOException {
    write("compose.yaml", "include: [db/db.yaml]\nservices:\n  web: {image: \"nginx:1.27\"}\n");
    String db = open("db/db.yaml", "services:\n  db:\n    image: postgres:16\n    privileged: true\n");

    client.await(db, having("privileged"));
    String main = OpenDocuments.uriOf(dir.resolve("compose.yaml").toAbsolutePath().normalize());
    client.await(main, having("restart-policy"));
  }

  @Test
  void codeActionsFixSuppressAndFixAllWithTheFixEnginesEdits() throws Exception {
    String uri = open("compose.yaml", WEB);
    client.await(uri, having("restart-policy"));

    List<CodeAction> onWeb = actions(uri, range(1, 3, 1, 3));

    CodeAction restart = onWeb.stream().filter(a -> a.getTitle().contains("[restart-policy]")).findFirst().orElseThrow();
    assertThat(restart.getKind()).isEqualTo("quickfix");
    assertThat(restart.getIsPreferred()).isTrue();
    assertThat(applied(WEB, restart.getEdit(), uri)).isEqualTo(
        "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n    restart: unless-stopped\n");
    CodeAction suppress = onWeb.stream().filter(a -> a.getTitle().startsWith("Suppress restart-policy"))
        .findFirst().orElseThrow();
    assertThat(applied(WEB, suppress.getEdit(), uri))
        .isEqualTo("services:\n  # lashing-ignore restart-policy -- \n  web:\n    image: nginx:1.27\n    privileged: true\n");
    CodeAction all = onWeb.stream().filter(a -> a.getTitle().equals(CodeActions.FIX_ALL_TITLE)).findFirst().orElseThrow();
    assertThat(all.getKind()).isEqualTo("source.fixAll");
    String fixedAll = applied(WEB, all.getEdit(), uri);
    assertThat(fixedAll).contains("restart: unless-stopped").contains("privileged: true");

    CodeAction unprivileged = actions(uri, range(3, 17, 3, 17)).stream()
        .filter(a -> a.getTitle().contains("[privileged]")).findFirst().orElseThrow();
    assertThat(unprivileged.getTitle()).startsWith("Fix (changes behaviour");
    assertThat(applied(WEB, unprivileged.getEdit(), uri)).contains("    privileged: false\n");
  }

  /**
   * Fixes of a service written as an alias each rewrite the alias, so only one fits in a round; the fix-all edit
   * makes what {@code lashing fix} writes after all its rounds, not the first round's.
   */
  @Test
  void theFixAllEditMakesWhatLashingFixWritesAfterItsRounds() throws Exception {
    String text = "x-common: &c\n  image: nginx:1.25\n  user: \"1000\"\nservices:\n  web: *c\n";
    String uri = open("compose.yaml", text);
    client.await(uri, having("restart-policy"));

    CodeAction all = actions(uri, range(0, 0, 0, 0)).stream().filter(a -> a.getTitle().equals(CodeActions.FIX_ALL_TITLE))
        .findFirst().orElseThrow();

    assertThat(applied(text, all.getEdit(), uri)).isEqualTo("""
        x-common: &c
          image: nginx:1.25
          user: "1000"
        services:
          web:
            <<: *c
            logging:
              driver: json-file
              options:
                max-size: 10m
                max-file: "3"
            security_opt:
              - no-new-privileges:true
            restart: unless-stopped
        """);
  }

  /**
   * Editors ask for code actions whenever the cursor moves; fixing every safe finding of a large file takes seconds.
   * An editor that resolves actions' edits gets the fix-all action without its edit, and resolve gives it the edit
   * the action carried before; resolving it once the text moved on is refused as ContentModified.
   */
  @Test
  void theFixAllEditIsPlannedOnlyWhenAnEditorThatResolvesItAsksForIt() throws Exception {
    String uri = open("compose.yaml", WEB);
    client.await(uri, having("restart-policy"));
    CodeAction planned = actions(uri, range(1, 3, 1, 3)).stream()
        .filter(a -> a.getTitle().equals(CodeActions.FIX_ALL_TITLE)).findFirst().orElseThrow();
    Client editor = new Client();
    LashingLanguageServer resolving = new LashingLanguageServer(Map.of(), 20);
    LanguageServer other = connect(resolving, editor);
    InitializeParams init = new InitializeParams();
    CodeActionCapabilities codeActions = codeActionLiterals();
    codeActions.setResolveSupport(new CodeActionResolveSupportCapabilities(List.of("edit")));
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setCodeAction(codeActions);
    init.setCapabilities(new ClientCapabilities(null, text, null));
    assertThat(other.initialize(init).get(30, TimeUnit.SECONDS).getCapabilities().getCodeActionProvider().getRight()
        .getResolveProvider()).isTrue();
    other.initialized(new InitializedParams());
    other.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, WEB)));
    editor.await(uri, having("restart-policy"));

    List<CodeAction> offered = other.getTextDocumentService().codeAction(new CodeActionParams(
        new TextDocumentIdentifier(uri), range(1, 3, 1, 3), new CodeActionContext(List.of()))).get(30, TimeUnit.SECONDS)
        .stream().map(Either::getRight).toList();

    CodeAction lazy = offered.stream().filter(a -> a.getTitle().equals(CodeActions.FIX_ALL_TITLE)).findFirst()
        .orElseThrow();
    assertThat(lazy.getKind()).isEqualTo("source.fixAll");
    assertThat(lazy.getEdit()).isNull();
    assertThat(offered).filteredOn(a -> a.getTitle().contains("[restart-policy]")).singleElement()
        .satisfies(quickFix -> assertThat(quickFix.getEdit()).isNotNull());
    CodeAction resolved = other.getTextDocumentService().resolveCodeAction(lazy).get(30, TimeUnit.SECONDS);
    assertThat(resolved.getEdit()).isEqualTo(planned.getEdit());

    other.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, 2),
        List.of(new TextDocumentContentChangeEvent(range(0, 0, 0, 0), "# my web stack\n"))));
    editor.await(uri, list -> list.stream().anyMatch(d -> d.getRange().getStart().getLine() == 2));
    assertThat(errorCode(other.getTextDocumentService().resolveCodeAction(lazy)))
        .isEqualTo(ResponseErrorCode.ContentModified.getValue());
    other.shutdown().get(30, TimeUnit.SECONDS);
    other.exit();
    resolving.awaitExit();
  }

  /**
   * An editor that cannot resolve an edit gets the fix-all action, with its edit, when it is asked for: by kind (as on
   * save) or by the user; not when the editor asks by itself, as it does when the cursor moves, nor for other kinds.
   */
  @Test
  void anEditorThatCannotResolveGetsTheFixAllActionWhenItIsAskedFor() throws Exception {
    String uri = open("compose.yaml", WEB);
    client.await(uri, having("restart-policy"));
    Map<String, Boolean> offered = new LinkedHashMap<>();
    for (CodeActionTriggerKind trigger : CodeActionTriggerKind.values()) {
      for (List<String> only : List.of(List.<String>of(), List.of("source"), List.of("source.fixAll"),
          List.of("quickfix"))) {
        CodeActionContext context = new CodeActionContext(List.of(), only);
        context.setTriggerKind(trigger);
        List<CodeAction> actions = server.getTextDocumentService().codeAction(new CodeActionParams(
            new TextDocumentIdentifier(uri), range(1, 3, 1, 3), context)).get(30, TimeUnit.SECONDS).stream()
            .map(Either::getRight).toList();
        Optional<CodeAction> fixAll = actions.stream().filter(a -> a.getTitle().equals(CodeActions.FIX_ALL_TITLE))
            .findFirst();
        fixAll.ifPresent(a -> assertThat(a.getEdit()).isNotNull());
        offered.put(trigger + " " + only, fixAll.isPresent());
      }
    }
    assertThat(offered).containsExactlyInAnyOrderEntriesOf(Map.of(
        "Invoked []", true, "Invoked [source]", true, "Invoked [source.fixAll]", true, "Invoked [quickfix]", false,
        "Automatic []", false, "Automatic [source]", true, "Automatic [source.fixAll]", true,
        "Automatic [quickfix]", false));
  }

  /**
   * The protocol gives an editor that takes no code action literals Command objects, run through
   * workspace/executeCommand, which lashing does not implement: such an editor is offered no action.
   */
  @Test
  void anEditorThatTakesNoCodeActionLiteralsIsOfferedNoAction() throws Exception {
    String uri = write("compose.yaml", WEB);
    Client editor = new Client();
    LashingLanguageServer plain = new LashingLanguageServer(Map.of(), 20);
    LanguageServer other = connect(plain, editor);
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    other.initialize(init).get(30, TimeUnit.SECONDS);
    other.initialized(new InitializedParams());
    other.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, WEB)));
    editor.await(uri, having("restart-policy"));

    assertThat(other.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri),
        range(1, 3, 1, 3), new CodeActionContext(List.of()))).get(30, TimeUnit.SECONDS)).isEmpty();
    other.shutdown().get(30, TimeUnit.SECONDS);
    other.exit();
    plain.awaitExit();
  }

  /**
   * Params a method cannot take are told so as the protocol says (InvalidParams, naming what is missing or
   * misshapen), not as text that is no JSON (ParseError) nor as an internal error; the server goes on.
   */
  @Test
  void malformedParamsAreInvalidParamsAndTheServerGoesOn() throws Exception {
    String uri = write("compose.yaml", WEB);
    Map<String, Object> document = Map.of("uri", uri);
    for (String method : List.of("textDocument/hover", "textDocument/codeAction")) {
      for (Object params : java.util.Arrays.asList(null, 42, List.of("x"), Map.of(), Map.of("textDocument", 5),
          Map.of("textDocument", document, "position", Map.of("line", "one", "character", 0)),
          Map.of("textDocument", document, "range", Map.of("start", 1), "context", Map.of("diagnostics", "none")))) {
        ExecutionException e = catchThrowableOfType(
            () -> endpoint.request(method, params).get(30, TimeUnit.SECONDS), ExecutionException.class);
        ResponseError error = ((ResponseErrorException) e.getCause()).getResponseError();
        assertThat(error.getCode()).as("%s %s", method, params).isEqualTo(ResponseErrorCode.InvalidParams.getValue());
        assertThat(error.getMessage()).as("%s %s", method, params).startsWith(method)
            .doesNotContain("Exception").doesNotContain("accessor");
        assertThat(error.getData()).isNull();
      }
    }
    endpoint.notify("textDocument/didOpen", Map.of("textDocument", 5));
    endpoint.notify("textDocument/didChange", null);
    open("compose.yaml", WEB);
    client.await(uri, having("restart-policy"));
  }

  /** The protocol sends initialize once: a second one is refused, and the first one's capabilities stay. */
  @Test
  void aSecondInitializeIsRefused() throws Exception {
    InitializeParams again = new InitializeParams();
    again.setCapabilities(new ClientCapabilities());
    ExecutionException e = catchThrowableOfType(() -> server.initialize(again).get(30, TimeUnit.SECONDS),
        ExecutionException.class);
    assertThat(((ResponseErrorException) e.getCause()).getResponseError().getCode())
        .isEqualTo(ResponseErrorCode.InvalidRequest.getValue());
    String uri = open("compose.yaml", WEB);
    client.await(uri, having("restart-policy"));
    assertThat(server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri),
        range(1, 3, 1, 3), new CodeActionContext(List.of()))).get(30, TimeUnit.SECONDS))
        .as("still offered as literals, as the first initialize said the editor takes them").isNotEmpty();
  }

  /** codeAction/resolve without a code action is told so as the protocol says, not as an internal error. */
  @Test
  void resolvingSomethingThatIsNoCodeActionIsInvalidParams() throws Exception {
    for (Object params : java.util.Arrays.asList(null, 42, List.of("x"), Map.of())) {
      ExecutionException e = catchThrowableOfType(
          () -> endpoint.request("codeAction/resolve", params).get(30, TimeUnit.SECONDS), ExecutionException.class);
      ResponseError error = ((ResponseErrorException) e.getCause()).getResponseError();
      assertThat(error.getCode()).as("%s", params).isEqualTo(ResponseErrorCode.InvalidParams.getValue());
      assertThat(error.getMessage()).as("%s", params).isEqualTo(params instanceof Map
          ? "codeAction/resolve: params.title is missing or not what the protocol says" // an action without one
          : "codeAction/resolve takes a code action as textDocument/codeAction gave it");
    }
  }

  /**
   * A code action asked for right after a change, before the new text is linted, must not carry edits made for the
   * old text: applied to the new one, they land in the wrong lines. It is refused as the protocol says (or, on a
   * machine slow enough that the new text was linted first, made for the new text).
   */
  @Test
  void codeActionsForTextNotLintedYetAreRefusedAsContentModified() throws Exception {
    String uri = open("compose.yaml", WEB);
    client.await(uri, having("restart-policy"));
    String edited = "# my web stack\n" + WEB;
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
        List.of(new TextDocumentContentChangeEvent(range(0, 0, 0, 0), "# my web stack\n"))));

    CompletableFuture<List<Either<Command, CodeAction>>> answer = server.getTextDocumentService().codeAction(
        new CodeActionParams(new TextDocumentIdentifier(uri), range(2, 3, 2, 3), new CodeActionContext(List.of())));

    try {
      CodeAction all = answer.get(30, TimeUnit.SECONDS).stream().map(Either::getRight)
          .filter(a -> a.getTitle().equals(CodeActions.FIX_ALL_TITLE)).findFirst().orElseThrow();
      assertThat(applied(edited, all.getEdit(), uri)).startsWith(edited);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(ResponseErrorException.class);
      assertThat(((ResponseErrorException) e.getCause()).getResponseError().getCode())
          .isEqualTo(ResponseErrorCode.ContentModified.getValue());
    }
  }

  /** Closed unsaved, an override's editor text no longer counts for the files that read it: the disk's does. */
  @Test
  void closingAnEditedOverrideWithoutSavingLintsTheFilesThatReadItAgain() throws IOException {
    String main = open("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n");
    String override = open("compose.override.yaml", "services:\n  web:\n    environment: {A: b}\n");
    client.await(main, having("non-root-user"));
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(override, 2),
        List.of(new TextDocumentContentChangeEvent("services:\n  web:\n    user: \"1000:1000\"\n"))));
    client.await(main, having("non-root-user").negate());

    server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(override)));

    client.await(main, having("non-root-user"));
  }

  /**
   * A request the server does not support is told so as the protocol says, with no Java stack trace: one whose
   * method starts with $/ too (only such notifications may be dropped without an answer).
   */
  @Test
  void unsupportedRequestsAreMethodNotFoundWithoutAStackTrace() throws Exception {
    String uri = open("compose.yaml", WEB);
    var completion = server.getTextDocumentService().completion(
        new CompletionParams(new TextDocumentIdentifier(uri), new Position(1, 2)));
    var command = server.getWorkspaceService().executeCommand(new ExecuteCommandParams("lashing.nothing", List.of()));
    endpoint.notify("$/lashing.nothing", Map.of());
    var dollar = endpoint.request("$/lashing.nothing", Map.of());
    var unknown = endpoint.request("lashing/nothing", Map.of());

    for (CompletableFuture<?> answer : List.of(completion, command, dollar, unknown)) {
      ExecutionException e = catchThrowableOfType(() -> answer.get(30, TimeUnit.SECONDS), ExecutionException.class);
      ResponseError error = ((ResponseErrorException) e.getCause()).getResponseError();
      assertThat(error.getCode()).isEqualTo(ResponseErrorCode.MethodNotFound.getValue());
      assertThat(error.getMessage()).isEqualTo("lashing does not support this request");
      assertThat(error.getData()).isNull();
    }
  }

  /**
   * Diagnostics go back under the URI the editor opened the file by, however it spells it (VS Code encodes '@'; RFC
   * 8089 allows a localhost host), since editors compare URIs as strings.
   */
  @Test
  void diagnosticsComeBackUnderTheURIAsTheEditorSpelledIt() throws IOException {
    String plain = write("a@b/compose.yaml", WEB);
    String encoded = plain.replace("a@b", "a%40b");
    String localhost = write("c/compose.yaml", WEB).replace("file:///", "file://localhost/");
    for (String uri : List.of(encoded, localhost)) {
      server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, WEB)));
      client.await(uri, having("privileged"));
    }
    server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(encoded)));
    client.await(encoded, List::isEmpty);
    assertThat(client.published).doesNotContain(plain);
  }

  /** An anchored value that every service shares is one finding per service, but one place to suppress them. */
  @Test
  void aFindingSharedThroughAnAnchorOffersOneSuppression() throws Exception {
    String uri = open("compose.yaml", """
        x-env: &env
          DB_PASSWORD: hunter2-but-longer
        services:
          a: {image: "postgres:16", environment: *env}
          b: {image: "postgres:16", environment: *env}
        """);
    client.await(uri, having("secret-in-environment"));

    assertThat(actions(uri, range(1, 0, 1, 33))).filteredOn(a -> a.getTitle().startsWith("Suppress secret-in-environment"))
        .hasSize(1);
  }

  /** Before initialize and after shutdown, requests are refused as the protocol says, and documents not taken. */
  @Test
  void theLifeCycleIsKept() throws Exception {
    String uri = write("compose.yaml", WEB);
    HoverParams hover = new HoverParams(new TextDocumentIdentifier(uri), new Position(3, 17));
    LashingLanguageServer fresh = new LashingLanguageServer(Map.of(), 20);
    LanguageServer early = connect(fresh, new Client());
    assertThat(errorCode(early.getTextDocumentService().hover(hover)))
        .isEqualTo(ResponseErrorCode.ServerNotInitialized.getValue());
    early.exit();
    fresh.awaitExit();

    server.shutdown().get(30, TimeUnit.SECONDS);
    assertThat(errorCode(server.getTextDocumentService().hover(hover))).isEqualTo(ResponseErrorCode.InvalidRequest.getValue());
    assertThat(errorCode(server.shutdown())).as("a second shutdown")
        .isEqualTo(ResponseErrorCode.InvalidRequest.getValue());
  }

  private static int errorCode(CompletableFuture<?> answer) {
    ExecutionException e = catchThrowableOfType(() -> answer.get(30, TimeUnit.SECONDS), ExecutionException.class);
    return ((ResponseErrorException) e.getCause()).getResponseError().getCode();
  }

  @Test
  void hoverShowsTheRuleAndHowToFixIt() throws Exception {
    String uri = open("compose.yaml", WEB);
    client.await(uri, having("privileged"));

    Hover hover = server.getTextDocumentService()
        .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(3, 17))).get(30, TimeUnit.SECONDS);

    String text = hover.getContents().getRight().getValue();
    assertThat(text).startsWith("**privileged** (critical): A container or lifecycle hook runs privileged")
        .contains("#### How to fix").contains("https://lashing.dev/rules/privileged");
    assertThat(server.getTextDocumentService()
        .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 2))).get(30, TimeUnit.SECONDS))
        .isNull();
  }

  /**
   * A hover asked for right after a change, before the new text is linted, must not describe the findings of the old
   * text: it is refused as code actions are (or, on a machine slow enough that the new text was linted first, made
   * for the new text).
   */
  @Test
  void hoversForTextNotLintedYetAreRefusedAsContentModified() throws Exception {
    String uri = open("compose.yaml", WEB);
    client.await(uri, having("privileged"));
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, 2),
        List.of(new TextDocumentContentChangeEvent(range(3, 16, 3, 20), "false"))));

    CompletableFuture<Hover> answer = server.getTextDocumentService()
        .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(3, 17)));

    try {
      assertThat(answer.get(30, TimeUnit.SECONDS)).as("the hover of privileged: false").isNull();
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(ResponseErrorException.class);
      assertThat(((ResponseErrorException) e.getCause()).getResponseError().getCode())
          .isEqualTo(ResponseErrorCode.ContentModified.getValue());
    }
  }

  @Test
  void diagnosticsAndHoversNeverQuoteASecret() throws Exception {
    String text = "services:\n  cache:\n    image: redis:7\n    command: redis-server --requirepass Qx7unique\n"
        + "    environment:\n      REDIS_PASSWORD: Wq8unique\n";
    String uri = open("compose.yaml", text);
    List<Diagnostic> diagnostics = client.await(uri, having("secret-in-command").and(having("secret-in-environment")));

    assertThat(only(diagnostics, "secret-in-command").getRange()).isEqualTo(range(3, 40, 3, 49));
    assertThat(diagnostics).extracting(d -> d.getMessage().getLeft())
        .noneMatch(m -> m.contains("Qx7unique") || m.contains("Wq8unique"));
    for (Position at : List.of(new Position(3, 42), new Position(5, 24))) {
      Hover hover = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), at))
          .get(30, TimeUnit.SECONDS);
      assertThat(hover.getContents().getRight().getValue()).contains("secret-in-")
          .doesNotContain("Qx7unique").doesNotContain("Wq8unique");
    }
  }

  @Test
  void theConfigurationIsHonouredAndReadAgainWhenItChanges() throws IOException {
    write(".lashing.yml", "rules:\n  restart-policy: off\n");
    String uri = open("compose.yaml", WEB);
    client.await(uri, having("privileged"));
    assertThat(client.diagnostics.get(uri)).noneMatch(d -> d.getCode().getLeft().equals("restart-policy"));

    String config = write(".lashing.yml", "rules:\n  privileged: off\n");
    server.getWorkspaceService().didChangeWatchedFiles(
        new DidChangeWatchedFilesParams(List.of(new FileEvent(config, FileChangeType.Changed))));

    client.await(uri, having("restart-policy").and(having("privileged").negate()));
  }

  /** An open .lashing.yml counts as the editor has it, as every open file does: its unsaved changes apply at once. */
  @Test
  void theConfigurationsUnsavedChangesApply() throws IOException {
    String config = open(".lashing.yml", "rules:\n  restart-policy: off\n");
    String uri = open("compose.yaml", WEB);
    client.await(uri, having("privileged").and(having("restart-policy").negate()));

    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(config, 2),
        List.of(new TextDocumentContentChangeEvent("rules:\n  privileged: off\n"))));

    client.await(uri, having("restart-policy").and(having("privileged").negate()));
  }

  /** A configuration that cannot be read is told where it is wrong, and the compose files keep their findings. */
  @Test
  void aBrokenConfigurationIsToldWithoutHidingTheFindings() throws IOException {
    String config = write(".lashing.yml", "rules:\n  read-only-rootfs: [off\n");
    String uri = open("compose.yaml", WEB);

    client.await(uri, having("privileged"));
    client.await(config, having("yaml-syntax"));
  }

  /** An option value the rule cannot use is such a configuration too, not a failure of the whole lint. */
  @Test
  void aRuleOptionOfTheWrongKindIsToldWithoutHidingTheFindings() throws IOException {
    String config = write(".lashing.yml", "rules:\n  pids-limit: {options: {pids: 1.5}}\n");
    String uri = open("compose.yaml", WEB);

    client.await(uri, having("privileged"));
    Diagnostic told = only(client.await(config, having("schema")), "schema");
    assertThat(told.getMessage().getLeft()).isEqualTo("rules: pids-limit: options: pids: expected a positive whole"
        + " number");
    assertThat(told.getRange().getStart()).isEqualTo(new Position(1, 31));
  }

  @Test
  void aBufferLargerThanAnyComposeFileIsRefusedAsSuchAFileWouldBe() throws IOException {
    String uri = write("compose.yaml", WEB);
    String huge = WEB + "#".repeat((int) SourceFiles.MAX_BYTES) + "\n";
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, huge)));

    Diagnostic refused = only(client.await(uri, having("yaml-syntax")), "yaml-syntax");

    assertThat(refused.getMessage().getLeft())
        .isEqualTo("file has " + huge.length() + " characters; files over 16777216 bytes are not read");
    assertThat(refused.getRange()).isEqualTo(range(0, 0, 0, 0));
  }

  /**
   * A buffer just under the limit, whose safe fixes would take it over: its findings keep their own fixes and
   * suppressions, and no fix-all action is offered, as {@code lashing fix} writes no file it would not read.
   */
  @Test
  void noFixAllActionMakesAFileLargerThanLashingReads() throws Exception {
    String uri = write("compose.yaml", WEB);
    String large = WEB + "#".repeat((int) SourceFiles.MAX_BYTES - WEB.length() - 10) + "\n";
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, large)));
    client.await(uri, having("restart-policy"));

    List<String> titles = actions(uri, range(1, 3, 1, 3)).stream().map(CodeAction::getTitle).toList();

    assertThat(titles).anyMatch(title -> title.contains("[restart-policy]"))
        .anyMatch(title -> title.startsWith("Suppress restart-policy")).doesNotContain(CodeActions.FIX_ALL_TITLE);
  }

  @Test
  void closingADocumentClearsItsDiagnosticsAndForgetsIt() throws IOException {
    String uri = open("compose.yaml", WEB);
    client.await(uri, having("privileged"));

    server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));

    client.await(uri, List::isEmpty);
  }
}
