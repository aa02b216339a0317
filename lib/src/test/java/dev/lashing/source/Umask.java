package dev.lashing.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** The permissions this process's umask gives a new file, read from {@code /proc/self/status} (Linux). */
public final class Umask {
  private Umask() {}

  /** {@code rw-rw-rw-} less the umask; {@code rw-r--r--} when the umask cannot be read. */
  public static Set<PosixFilePermission> newFilePermissions() throws IOException {
    Path status = Path.of("/proc/self/status");
    int umask = 022;
    if (Files.isReadable(status)) {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("Umask:")) {
          umask = Integer.parseInt(line.substring("Umask:".length()).strip(), 8);
        }
      }
    }
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
    for (int i = 0; i < bits.length; i++) {
      int bit = 1 << (bits.length - 1 - i);
      if ((0666 & ~umask & bit) != 0) {
        permissions.add(bits[i]);
      }
    }
    return permissions;
  }

  public static String newFileMode() throws IOException {
    return PosixFilePermissions.toString(newFilePermissions());
  }
}
