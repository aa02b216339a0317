package dev.lashing.fix;

import dev.lashing.lint.Finding;

/**
 * A finding whose fix was not applied, and why.
 *
 * @param finding the finding (its fix is {@code finding.fix()})
 * @param reason why: {@link Reason}
 * @param message one line for people
 */
public record Skip(Finding finding, Reason reason, String message) {

  /** Why a fix was not applied. */
  public enum Reason {
    /** It changes behaviour and neither --unsafe-fixes nor the rule's unsafe_fix option allows that. */
    UNSAFE,
    /** It cannot be written without rewriting more than its own node (the message says what). */
    UNWRITABLE,
    /** Another fix edits the same text; this one waits for the next run. */
    CONFLICT,
    /** The digest lock file has no digest for the image. */
    NO_DIGEST
  }
}
