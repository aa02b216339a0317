package dev.lashing.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says what went wrong with a file in words a user acts on ({@code compose.yaml: permission denied}), instead
 * of the name of a Java exception.
 */
final class IoErrors {
  private IoErrors() {}

  /** A file the user named cannot be read or written; its message is for the user, {@link Cli} prints it. */
  static final class FileProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FileProblem(String message, IOException cause) {
      super(message, cause);
    }
  }

  /** Why {@code name}, a file named on the command line, could not be written. */
  static String cannotWrite(String name, IOException e) {
    return "cannot write " + describe(name, e);
  }

  /** {@code name: reason}, where {@code name} is the file as the user gave it. */
  static String describe(String name, IOException e) {
    return name + ": " + reason(e);
  }

  /** {@code file: reason}, with the file the exception names, for errors no caller could name. */
  static String describe(IOException e) {
    String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
    return file == null ? reason(e) : describe(file, e);
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return lowerFirst(f.getReason());
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemLoopException) {
      return "symbolic link loop";
    }
    if (e instanceof FileAlreadyExistsException || e instanceof DirectoryNotEmptyException) {
      return "a directory or file is in the way";
    }
    String reason = e.getMessage();
    return reason == null || reason.isBlank() ? "input/output error" : lowerFirst(reason);
  }

  private static String lowerFirst(String text) {
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
