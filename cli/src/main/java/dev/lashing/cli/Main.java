package dev.lashing.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The {@code lashing} command. The only place that exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    Cli cli = new Cli(out, err, System.getenv(), Path.of("").toAbsolutePath(), System.console() != null);
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
    out.flush();
    err.flush();
    System.exit(code[0]);
  }
}
