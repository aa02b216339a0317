package dev.lashing.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Rewrites a large report again and again until it is stopped (the process {@link AtomicFilesTest} stops). */
public final class SlowReportWriter {
  static final int SIZE = 64 << 20;

  private SlowReportWriter() {}

  public static void main(String[] args) throws IOException {
    byte[] report = new byte[SIZE];
    Arrays.fill(report, (byte) 'x');
    while (true) {
      AtomicFiles.write(Path.of(args[0]), report);
    }
  }
}
