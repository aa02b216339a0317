package dev.lashing.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Text to a byte stream as UTF-8, each piece encoded by {@link String#getBytes}: an ASCII text (most of any
 * report) is copied byte for byte, where an {@link java.io.OutputStreamWriter} widens it to characters and
 * encodes them back one at a time, and the report of a large project runs to hundreds of megabytes. A high
 * surrogate at the end of a piece waits for the low one that begins the next. A text beyond ASCII handed on
 * again (the code frame that the findings at one place share, between their headlines: on a long line it has the
 * ellipsis of its window, and encoding a wide text is slow) is written from the bytes it was encoded to before.
 */
final class Utf8Output extends Writer {
  private final OutputStream out;
  /** The high surrogate that ended the last piece, or 0. */
  private char waiting;
  /** The last whole text written that is not all ASCII, and its bytes. */
  private String lastWide;
  private byte[] lastWideBytes;

  Utf8Output(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    write(new String(chars, offset, length));
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    if (length == 0) {
      return;
    }
    boolean whole = waiting == 0 && offset == 0 && length == text.length();
    if (whole && text == lastWide) {
      out.write(lastWideBytes);
      return;
    }
    String piece = offset == 0 && length == text.length() ? text : text.substring(offset, offset + length);
    if (waiting != 0) {
      piece = waiting + piece;
      waiting = 0;
    }
    char last = piece.charAt(piece.length() - 1);
    if (Character.isHighSurrogate(last)) {
      waiting = last;
      piece = piece.substring(0, piece.length() - 1);
      whole = false;
    }
    byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
    if (whole && bytes.length != piece.length()) {
      lastWide = text;
      lastWideBytes = bytes;
    }
    out.write(bytes);
  }

  @Override
  public void write(int c) throws IOException {
    write(String.valueOf((char) c));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
