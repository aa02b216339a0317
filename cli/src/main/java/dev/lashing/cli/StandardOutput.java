package dev.lashing.cli;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The command line's standard output. A write that fails stops the command at once with {@link Lost}: a
 * PrintWriter would drop the rest of the output without a word, so a report redirected onto a full disk was cut
 * short and the run still exited 0, and {@code lashing lint | head} formatted the whole report for no reader.
 * After the first failure every write is dropped, so that flushing on the way out does not fail again.
 */
final class StandardOutput extends OutputStream {
  /** Standard output could not be written. */
  static final class Lost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Lost(IOException cause) {
      super(cause.getMessage(), cause);
    }

    /** Why the write failed. */
    IOException failure() {
      return (IOException) getCause();
    }

    /**
     * Whether the reader went away (a pipe closed early, as by {@code head}): nothing to report then, only the
     * exit code a shell gives a command stopped by SIGPIPE.
     */
    boolean readerGone() {
      return "Broken pipe".equals(getMessage());
    }

    /** The exit code: 141, as a shell reports SIGPIPE, when the reader went away; else 2. */
    int exitCode() {
      return readerGone() ? 128 + 13 : Cli.INVALID;
    }
  }

  private final OutputStream out;
  private boolean lost;

  /**
   * The file a name on the command line means, or null for standard output ({@code -}, or a name of descriptor 1)
   * and for no name. What goes to standard output goes through this stream: opened anew by its name, a file that a
   * shell redirected standard output to would be written from its start, over what came before.
   */
  static String fileNamedBy(String name) {
    return name == null || name.equals("-") || name.equals("/dev/stdout") || name.equals("/dev/fd/1")
        || name.equals("/proc/self/fd/1") ? null : name;
  }

  StandardOutput(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    if (lost) {
      return;
    }
    try {
      out.write(bytes, offset, length);
    } catch (IOException e) {
      throw lose(e);
    }
  }

  @Override
  public void flush() {
    if (lost) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw lose(e);
    }
  }

  private Lost lose(IOException e) {
    lost = true;
    return new Lost(e);
  }
}
