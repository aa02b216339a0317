package dev.lashing.model;

import dev.lashing.source.Origin;
import dev.lashing.syntax.ImageReference;

/**
 * The {@code image} of a service as written, and its parsed reference; {@code reference} is null when the
 * text is not a valid reference (Compose does not check it at load time; the engine refuses it later).
 */
public record Image(String text, ImageReference reference, Origin origin) {

  public boolean isValid() {
    return reference != null;
  }

  /** Pinned to an exact digest; a tag alone, however specific, is not. */
  public boolean isDigestPinned() {
    return reference != null && reference.isDigestPinned();
  }
}
