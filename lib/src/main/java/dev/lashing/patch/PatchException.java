package dev.lashing.patch;

/**
 * The patch Lashing wrote does not do what it must: it fails to load with the user's files, or findings it
 * should have resolved remain. A bug in Lashing, never a problem of the input.
 */
public final class PatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PatchException(String message) {
    super(message);
  }
}
