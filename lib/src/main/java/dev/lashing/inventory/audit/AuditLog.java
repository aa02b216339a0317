package dev.lashing.inventory.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The audit log: a file that only ever grows by whole lines. Each run's line goes out in one write to a file
 * opened for appending, so the system puts it after whatever other runs appended meanwhile, never inside
 * their lines; it is flushed to disk before the run ends, so a logged run stays logged.
 */
public final class AuditLog {
  private AuditLog() {}

  /** Appends {@code line} and a line break. */
  public static void append(Path file, String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    try (FileChannel channel = FileChannel.open(file,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
      channel.write(bytes);
      if (bytes.hasRemaining()) {
        // A local file takes a line whole; a short write means the file system cannot (a full disk, say).
        throw new IOException("only " + bytes.position() + " of the line's " + bytes.limit() + " bytes were written");
      }
      if (Files.isRegularFile(file)) {
        channel.force(false); // a device or a pipe has nothing to flush, and refuses to (/dev/null: EINVAL)
      }
    }
  }
}
