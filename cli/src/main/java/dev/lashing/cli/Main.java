package dev.lashing.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The {@code lashing} command. The only place that exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Buffered here, and on the file descriptor itself: System.out flushes at every write (a report is written in
    // many pieces), and as a PrintStream it would hide a failed write from StandardOutput.
    PrintWriter out = new PrintWriter(new Utf8Output(
        new BufferedOutputStream(new StandardOutput(new FileOutputStream(FileDescriptor.out)), 1 << 16)));
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    int code = runOnDeepStack(
        new Cli(out, err, System.getenv(), Path.of("").toAbsolutePath(), System.console() != null), err, args);
    out.flush();
    err.flush();
    // Not System.exit, which first looks up the java.lang.Runtime logger (Java 21 and later) and so starts
    // java.util.logging: a fifth of a short lint run. Once run returns no shutdown hook has work left (AtomicFiles
    // removes its own when each write ends), and the output is flushed.
    Runtime.getRuntime().halt(code);
  }

  /**
   * A failure on another thread (a pool's) that nothing caught: one line, not the JVM's stack trace. A class rather
   * than a lambda, which costs more to make at start-up.
   */
  private static final class OneLine implements Thread.UncaughtExceptionHandler {
    private final PrintWriter err;

    OneLine(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
      err.println("lashing: internal error on thread " + thread.getName() + ": " + e
          + " (please report it with the input that caused it)");
      err.flush();
    }
  }

  /**
   * Runs a command on a {@link DeepStack} thread (AotTraining too, so the cache holds this path); its exit code.
   * What the command does not catch itself, on this thread or another, is reported on {@code err} as an internal
   * error.
   */
  static int runOnDeepStack(Cli cli, PrintWriter err, String[] args) {
    Thread.setDefaultUncaughtExceptionHandler(new OneLine(err));
    int[] code = new int[1];
    Thread run = DeepStack.thread(() -> code[0] = cli.run(args), "lashing");
    run.setUncaughtExceptionHandler((thread, e) -> {
      err.println("lashing: internal error: " + e + " (please report it with the input that caused it)");
      code[0] = Cli.INTERNAL_ERROR;
    });
    run.start();
    try {
      run.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      code[0] = 130; // as a shell reports a run stopped by Ctrl-C
    }
    return code[0];
  }
}
