package dev.lashing.source;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file whole or not at all, so that neither a failure nor a power cut nor an interruption leaves a
 * truncated file in place of the user's: the bytes go to a temporary file beside the target, readable by its
 * owner alone while they are written, which is flushed to disk, given the replaced file's owner, group and
 * permissions (a new file gets the ones the umask gives, as any program's new file does), renamed over the target,
 * and then the directory is flushed so that the rename survives too. Owner and group are kept as far as the
 * system allows: always for root (so that {@code sudo} does not hand a deployment's file to root), else the group
 * when the user is in it; a file the user does not own becomes theirs, as with any editor that saves by renaming.
 * A file its mode makes read-only is not replaced, not even by root. Through a symbolic link, the file it points
 * to is replaced. The temporary file is removed when anything fails, and also when the process is stopped
 * (SIGINT, SIGTERM) while it is being written.
 *
 * <p>What is not a regular file is written in place, as any program writes it: a device ({@code /dev/null}), a
 * named pipe, the pipe of a process substitution ({@code /dev/fd/63}); so is what a descriptor's name leads to
 * ({@code /dev/stdout}, {@code /dev/fd/N}, {@code /proc/PID/fd/N}), which may be a file a shell holds open.
 * Replacing one of those would put a plain file where the device or pipe was, or pull the file from under its
 * holder.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code text} as UTF-8. */
  public static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** What a write puts in the file, streamed into it. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes what {@code content} streams into the temporary file, so that a report of hundreds of megabytes is
   * never held whole in memory; when {@code content} fails, the target is left as it was.
   */
  public static void write(Path target, Content content) throws IOException {
    if (writtenInPlace(target)) {
      try (OutputStream out = new BufferedOutputStream(
          Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), 1 << 16)) {
        content.writeTo(out);
      }
      return;
    }
    Path real = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
    Path directory = real.getParent();
    boolean replacing = Files.exists(real);
    PosixFileAttributes replaced = replacing ? posixAttributes(real) : null;
    if (replacing) {
      refuseReadOnly(real, replaced);
    }
    if (!Files.isDirectory(directory)) {
      // said of the file asked for, not of the temporary file that could not be made
      throw new NoSuchFileException(real.toString(), null, "the folder " + directory + " does not exist");
    }
    TemporaryFile temp = TemporaryFile.create(directory, real.getFileName().toString());
    try {
      try (FileChannel channel = temp.channel) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      if (replaced != null) {
        keepOwnership(temp.path, replaced);
        Files.setPosixFilePermissions(temp.path, replaced.permissions());
      } else if (temp.newFileMode != null) {
        Files.setPosixFilePermissions(temp.path, temp.newFileMode);
      }
      try {
        Files.move(temp.path, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp.path, real, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(directory);
    } finally {
      temp.close();
    }
  }

  /** Whether {@code target} is a device, a pipe or a descriptor's name, which is written in place. */
  private static boolean writtenInPlace(Path target) {
    Path absolute = target.toAbsolutePath().normalize();
    if (absolute.startsWith("/dev/fd") || absolute.startsWith("/proc") || absolute.equals(Path.of("/dev/stdout"))
        || absolute.equals(Path.of("/dev/stderr"))) {
      return Files.exists(absolute);
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
      return !attributes.isRegularFile() && !attributes.isDirectory();
    } catch (IOException none) {
      return false; // nothing there yet: a new file
    }
  }

  private static PosixFileAttributes posixAttributes(Path file) throws IOException {
    try {
      return Files.readAttributes(file, PosixFileAttributes.class);
    } catch (UnsupportedOperationException e) {
      return null; // not a POSIX file system: the new file keeps the defaults
    }
  }

  /**
   * Refuses a file this user may not write in place: replacing it by a rename would get round the mode its owner
   * set to keep it as it is. Root may write any file, so for root a mode without any write permission counts. On a
   * read-only file system the rename fails and says so.
   */
  private static void refuseReadOnly(Path file, PosixFileAttributes attributes) throws IOException {
    if (attributes != null && !attributes.permissions().contains(PosixFilePermission.OWNER_WRITE)
        && !attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
        && !attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new AccessDeniedException(file.toString(), null, "the file is read-only; make it writable first");
    }
    if (!Files.isWritable(file) && !Files.getFileStore(file).isReadOnly()) {
      throw new AccessDeniedException(file.toString());
    }
  }

  /** Gives the new file the replaced one's group and owner, each as far as the system allows. */
  private static void keepOwnership(Path file, PosixFileAttributes replaced) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    PosixFileAttributes now = view.readAttributes();
    try {
      if (!now.group().equals(replaced.group())) {
        view.setGroup(replaced.group());
      }
      if (!now.owner().equals(replaced.owner())) {
        view.setOwner(replaced.owner());
      }
    } catch (FileSystemException notPermitted) {
      // only root may give a file away, and only a member may give it a group: the write goes on without
    }
  }

  /** Makes the rename durable: until the directory is flushed, a power cut may undo it. */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some systems cannot open a directory (Windows); the rename is done, only its durability is not forced.
    }
  }

  /**
   * The temporary file of one write, with a shutdown hook that removes it if the process is stopped before the
   * write ends. The hook lives only as long as the write, so nothing is kept between writes.
   */
  private static final class TemporaryFile {
    private static final Set<PosixFilePermission> OWNER_ONLY =
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    final Path path;
    final FileChannel channel;
    /**
     * The permissions the umask gives a new file, which it gets once complete; null where they could not be
     * narrowed while it is written.
     */
    final Set<PosixFilePermission> newFileMode;
    private final Thread cleanup;

    private TemporaryFile(Path path, FileChannel channel, Set<PosixFilePermission> newFileMode, Thread cleanup) {
      this.path = path;
      this.channel = channel;
      this.newFileMode = newFileMode;
      this.cleanup = cleanup;
    }

    /**
     * A new file beside the target, readable by its owner alone until it is complete: the file being replaced may
     * hold secrets that only its owner may read, whatever the umask allows. It is created without explicit
     * permissions first, to learn the ones the umask gives a new file (Java has no call that reads the umask).
     */
    static TemporaryFile create(Path directory, String targetName) throws IOException {
      while (true) {
        Path path = directory.resolve("." + targetName + "."
            + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        Thread cleanup = new Thread(() -> deleteQuietly(path), "lashing: remove " + path.getFileName());
        try {
          Runtime.getRuntime().addShutdownHook(cleanup);
        } catch (IllegalStateException e) {
          throw new IOException("not written: the process is stopping", e);
        }
        try {
          FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          try {
            return new TemporaryFile(path, channel, ownerOnly(path), cleanup);
          } catch (IOException | RuntimeException e) {
            channel.close();
            deleteQuietly(path);
            throw e;
          }
        } catch (FileAlreadyExistsException e) {
          removeHook(cleanup); // a name taken by chance: draw another
        } catch (IOException | RuntimeException e) {
          removeHook(cleanup);
          throw e;
        }
      }
    }

    /**
     * Makes the empty file readable by its owner alone; the permissions it had, or null on a file system whose
     * permissions cannot be changed (FAT, some network shares), where it stays as made.
     */
    private static Set<PosixFilePermission> ownerOnly(Path path) throws IOException {
      try {
        Set<PosixFilePermission> created = Files.getPosixFilePermissions(path);
        Files.setPosixFilePermissions(path, OWNER_ONLY);
        return created;
      } catch (UnsupportedOperationException | FileSystemException e) {
        return null;
      }
    }

    /** Removes the file if it was not renamed, and the hook. */
    void close() throws IOException {
      try {
        channel.close();
        Files.deleteIfExists(path);
      } finally {
        removeHook(cleanup);
      }
    }

    private static void removeHook(Thread hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the process is stopping: the hook runs and removes the file
      }
    }

    private static void deleteQuietly(Path path) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // the process is stopping: nothing more can be done
      }
    }
  }

  /**
   * The input that writing {@code target} would replace, or null: the same path, or the same file through a
   * symbolic link (a write follows it to the file it points to). What a run writes must never replace what it
   * reads: a slip such as {@code -o compose.yaml} would put a report or a patch where the user's file was.
   */
  public static Path replacedInput(Path target, Collection<Path> inputs) {
    Path written = target.toAbsolutePath().normalize();
    for (Path input : inputs) {
      Path read = input.toAbsolutePath().normalize();
      if (read.equals(written) || sameFile(read, written)) {
        return input;
      }
    }
    return null;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false; // one of them cannot be read: it is not replaced through the other
    }
  }
}
