package dev.lashing.lint;

/** Whether {@code lashing patch} resolves a rule's findings with an override file. */
public enum PatchCoverage {
  /** An override cannot express its fix. */
  NONE,
  /** Covered unless told otherwise. */
  DEFAULT,
  /**
   * Covered only when asked ({@code --also-rule} or {@code --rule}): its fix changes what containers may do and
   * breaks many images as they ship, or changes which image a service runs.
   */
  OPTIONAL
}
