package dev.lashing.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the protocol library (lsp4j) logs while the language server runs, such as a malformed message from the
 * editor or an answer to no request, as one line each on standard error, which editors show in their log:
 * java.util.logging would print a stack trace of the library's own. A cancel of a request already answered is not
 * logged.
 */
final class ProtocolLog extends Handler {
  /**
   * How lsp4j begins its warning of a cancel notification for a request it no longer runs: the protocol lets an editor
   * cancel a request whose answer is on its way or arrived, so that is normal traffic, not a problem to log.
   */
  private static final String LATE_CANCEL = "Unmatched cancel notification";

  /** Held while installed: java.util.logging keeps its loggers, and so their settings, only weakly. */
  private final Logger logger = Logger.getLogger("org.eclipse.lsp4j");
  private final PrintWriter err;

  private ProtocolLog(PrintWriter err) {
    this.err = err;
  }

  /** Sends the library's log to {@code err} until {@link #close()}. */
  static ProtocolLog install(PrintWriter err) {
    ProtocolLog log = new ProtocolLog(err);
    log.logger.addHandler(log);
    log.logger.setUseParentHandlers(false);
    return log;
  }

  @Override
  public void publish(LogRecord record) {
    String message = record.getMessage() == null ? "" : record.getMessage();
    if (message.startsWith(LATE_CANCEL)) {
      return;
    }
    Throwable thrown = record.getThrown();
    if (thrown != null && (thrown.getMessage() == null || !message.contains(thrown.getMessage()))) {
      message = message.isEmpty() ? thrown.toString() : message + ": " + thrown;
    }
    err.println("lashing lsp: " + record.getLevel().getName().toLowerCase(Locale.ROOT) + ": "
        + message.strip().replaceAll("\\s+", " "));
    err.flush();
  }

  @Override
  public void flush() {
    err.flush();
  }

  /** Gives the library's log back to java.util.logging's own handlers. */
  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setUseParentHandlers(true);
  }
}
