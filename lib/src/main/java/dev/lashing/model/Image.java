package dev.lashing.model;

import dev.lashing.source.Origin;
import dev.lashing.syntax.ImageReference;
import dev.lashing.syntax.SyntaxException;

/**
 * The {@code image} of a service as written, and its parsed reference; {@code reference} is null when the
 * text is not a valid reference (Compose does not check it at load time; the engine refuses it later).
 */
public record Image(String text, ImageReference reference, Origin origin) {

  /** The image written at {@code written}, valid or not. */
  public static Image of(Located<String> written) {
    ImageReference reference;
    try {
      reference = ImageReference.parse(written.value());
    } catch (SyntaxException e) {
      reference = null; // Compose does not check images at load time; rules report it
    }
    return new Image(written.value(), reference, written.origin());
  }

  public boolean isValid() {
    return reference != null;
  }

  /** Why the engine refuses the text as an image reference, and where in it; null when it is valid. */
  public ImageReference.Problem problem() {
    return reference != null ? null : ImageReference.problem(text);
  }

  /** Pinned to an exact digest; a tag alone, however specific, is not. */
  public boolean isDigestPinned() {
    return reference != null && reference.isDigestPinned();
  }
}
