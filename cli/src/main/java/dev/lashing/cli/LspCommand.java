package dev.lashing.cli;

import dev.lashing.cli.lsp.LashingLanguageServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code lashing lsp}: the language server, speaking the protocol on standard input and output until the
 * editor says exit (or closes the stream). Nothing else may write to standard output meanwhile.
 */
final class LspCommand {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> environment;

  LspCommand(PrintWriter out, PrintWriter err, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  int run(String[] args, InputStream in, OutputStream protocolOut) {
    Options options = new Options();
    options.addOption(Option.builder().longOpt("stdio").desc("talk over standard input/output (the default)").build());
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    CommandLine line = Arguments.parse("lsp [--stdio]", options, args, out);
    if (line == null) {
      return Cli.OK;
    }
    if (!line.getArgList().isEmpty()) {
      throw new Arguments.UsageException("lsp takes no arguments");
    }
    ProtocolLog log = ProtocolLog.install(err);
    try {
      return serve(in, protocolOut);
    } finally {
      log.close();
    }
  }

  private int serve(InputStream in, OutputStream protocolOut) {
    LashingLanguageServer server = new LashingLanguageServer(environment);
    Launcher<LanguageClient> launcher = LashingLanguageServer.launcher(server, in, protocolOut);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    Thread endOfInput = new Thread(() -> {
      try {
        listening.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | java.util.concurrent.CancellationException e) {
        // the stream broke: same as the editor going away
      }
      server.exit();
    }, "lashing-lsp-input");
    endOfInput.setDaemon(true);
    endOfInput.start();
    try {
      server.awaitExit();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    listening.cancel(true);
    return server.exitCode();
  }
}
