package dev.lashing.syntax;

/**
 * A compact Compose string that Compose itself would reject. The message is worded like Compose's own error;
 * the caller adds the position.
 */
public class SyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SyntaxException(String message) {
    super(message);
  }
}
