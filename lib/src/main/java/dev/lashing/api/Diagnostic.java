package dev.lashing.api;

import dev.lashing.source.SourceRange;

/**
 * A problem found while loading Compose files: an error that stops the load, or a warning Compose would
 * also print. Printed as {@code file:line:col: message}.
 */
public record Diagnostic(Severity severity, SourceRange at, String message) {

  /** How bad a load problem is. */
  public enum Severity { ERROR, WARNING }

  public static Diagnostic error(SourceRange at, String message) {
    return new Diagnostic(Severity.ERROR, at, message);
  }

  public static Diagnostic warning(SourceRange at, String message) {
    return new Diagnostic(Severity.WARNING, at, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return at + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
  }
}
