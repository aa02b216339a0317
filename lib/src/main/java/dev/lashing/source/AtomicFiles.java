package dev.lashing.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writes a file whole or not at all: a temporary file beside it, given the replaced file's permissions, then
 * renamed over it (through a symbolic link, the file it points to is replaced).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code text} as UTF-8. */
  public static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path target, byte[] bytes) throws IOException {
    Path real = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
    Set<PosixFilePermission> permissions = null;
    if (Files.exists(real)) {
      try {
        permissions = Files.getPosixFilePermissions(real);
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the new file keeps the defaults
      }
    }
    Path temp = Files.createTempFile(real.getParent(), "." + real.getFileName() + ".", ".tmp");
    try {
      Files.write(temp, bytes);
      if (permissions != null) {
        Files.setPosixFilePermissions(temp, permissions);
      }
      try {
        Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
