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
    int code = new Cli(out, err, System.getenv(), Path.of("").toAbsolutePath(), System.console() != null)
        .run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
