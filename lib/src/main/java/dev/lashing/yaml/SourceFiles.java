package dev.lashing.yaml;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Reads files as YAML expects them: UTF-8, or UTF-16 with a byte order mark; bad bytes are positioned errors. */
public final class SourceFiles {
  /** Compose files are small; anything larger is almost certainly not one, and would only slow a hook. */
  public static final long MAX_BYTES = 16L * 1024 * 1024;

  private SourceFiles() {}

  /**
   * What Compose shows for a path: relative to the working directory when below it ({@code .} for the working
   * directory itself), else absolute.
   */
  public static String displayName(Path workingDirectory, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path from = workingDirectory.toAbsolutePath().normalize();
    if (!absolute.startsWith(from)) {
      return absolute.toString();
    }
    // below it, the name is the rest of the absolute one: cutting it off is what Path.relativize does, with a small
    // part of its work (a run over many small files names each file mostly before the JIT has compiled anything)
    String directory = from.toString();
    String name = absolute.toString();
    if (name.length() == directory.length()) {
      return ".";
    }
    boolean root = directory.endsWith(from.getFileSystem().getSeparator());
    return name.substring(root ? directory.length() : directory.length() + 1);
  }

  public static SourceFile read(Path path) {
    return read(path, path.toString());
  }

  public static SourceFile read(Path path, String displayName) {
    return decode(bytes(path, displayName), displayName);
  }

  /** Reads a file that must be UTF-8 (an env file): a UTF-16 byte order mark is not honoured. */
  public static SourceFile readUtf8(Path path, String displayName) {
    return decode(bytes(path, displayName), displayName, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(Path path, String displayName) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        // a device, a pipe or a /proc file: no size to go by, and it may never end
        try (InputStream in = Files.newInputStream(path)) {
          return bounded(in, displayName);
        }
      }
      if (attributes.size() > MAX_BYTES) {
        throw tooLarge(displayName, "is " + attributes.size() + " bytes");
      }
      return regularFileBytes(path);
    } catch (NoSuchFileException e) {
      throw new ComposeException(Diagnostic.Kind.MISSING_FILE, SourceRange.synthetic(displayName), "no such file");
    } catch (AccessDeniedException e) {
      // its message is the file's path alone
      throw new ComposeException(
          Diagnostic.Kind.MISSING_FILE, SourceRange.synthetic(displayName), "cannot read file: permission denied");
    } catch (IOException e) {
      throw new ComposeException(
          Diagnostic.Kind.MISSING_FILE, SourceRange.synthetic(displayName), "cannot read file: " + e.getMessage());
    }
  }

  /**
   * The bytes of a regular file. A run over many small files reads each once, mostly before the JIT has compiled
   * anything: a {@link FileInputStream} goes through a few calls where {@link Files#readAllBytes} goes through a
   * channel's many. Where the stream cannot open the file, the channel is opened after all, for the precise reason
   * ({@link AccessDeniedException}, {@link NoSuchFileException}) that the stream does not give; and a path of
   * another file system than the default (a library user's in-memory or zip file system) has no stream.
   */
  private static byte[] regularFileBytes(Path path) throws IOException {
    if (path.getFileSystem() != FileSystems.getDefault()) {
      return Files.readAllBytes(path);
    }
    FileInputStream in;
    try {
      in = new FileInputStream(path.toFile());
    } catch (FileNotFoundException notOpened) {
      return Files.readAllBytes(path);
    }
    try (in) {
      return in.readAllBytes();
    }
  }

  /**
   * A text read in place of a file (an editor's buffer), held to a file's limit: up to as many characters as a
   * file may have bytes, so that nothing a file could hold is refused, and a buffer too large to be a compose
   * file is not parsed at every keystroke.
   */
  public static SourceFile ofText(String text, String displayName) {
    if (text.length() > MAX_BYTES) {
      throw tooLarge(displayName, "has " + text.length() + " characters");
    }
    return new SourceFile(displayName, text);
  }

  /**
   * The bytes of a stream that may never end (standard input, a device), up to {@link #MAX_BYTES}; past that, the
   * refusal a file that large gets.
   */
  public static byte[] bounded(InputStream in, String displayName) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(displayName, "has more than " + MAX_BYTES + " bytes");
    }
    return bytes;
  }

  /** Lashing was to write a text (fixed files, a patch) that it would not read back: see {@link #readableBack}. */
  public static final class TooLargeToWrite extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLargeToWrite(String message) {
      super(message);
    }
  }

  /**
   * Returns {@code text}, which fix or patch is to write as {@code displayName}, unless it is larger in UTF-8 than a
   * file Lashing reads: a file that no later run could check is not written.
   *
   * @throws TooLargeToWrite when it is
   */
  public static String readableBack(String displayName, String text) {
    long bytes = text.length() > MAX_BYTES / 3 ? utf8Length(text) : text.length(); // 3 bytes a char at most
    if (bytes > MAX_BYTES) {
      throw new TooLargeToWrite(displayName + " would be " + bytes + " bytes long, and Lashing reads no file over "
          + MAX_BYTES + " bytes");
    }
    return text;
  }

  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // a surrogate pair is four bytes, two for each half
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  private static ComposeException tooLarge(String displayName, String size) {
    return new ComposeException(Diagnostic.pastLashingLimit(Diagnostic.Kind.YAML_SYNTAX,
        SourceRange.synthetic(displayName), "file " + size + "; files over " + MAX_BYTES + " bytes are not read"));
  }

  /** Decodes strictly; the text keeps a byte order mark as U+FEFF so offsets match what an editor shows. */
  public static SourceFile decode(byte[] bytes, String displayName) {
    return decode(bytes, displayName, charsetOf(bytes));
  }

  /** The encoding a file is read in: UTF-16 when it starts with a UTF-16 byte order mark, else UTF-8. */
  public static Charset charsetOf(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return StandardCharsets.UTF_8;
  }

  private static SourceFile decode(byte[] bytes, String displayName, Charset charset) {
    if (charset == StandardCharsets.UTF_8) {
      // The JDK's own decoding is many times faster on a cold start than a decoder into a buffer; it replaces bad
      // bytes with U+FFFD, so a text without one was valid, and one with it (rare) is decoded again, strictly.
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') < 0) {
        return new SourceFile(displayName, text);
      }
    }
    CharsetDecoder decoder =
        charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      SourceFile upToError = new SourceFile(displayName, out.toString());
      int offset = out.length();
      throw new ComposeException(
          Diagnostic.Kind.YAML_SYNTAX,
          upToError.at(offset),
          String.format(
              "invalid %s: byte 0x%02X at byte offset %d",
              charset.name(), bytes[in.position()] & 0xFF, in.position()));
    }
    decoder.flush(out);
    out.flip();
    return new SourceFile(displayName, out.toString());
  }
}
