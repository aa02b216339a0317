package dev.lashing.source;

import dev.lashing.source.SourceRange;
import java.util.Comparator;
import java.util.Objects;

/**
 * A problem found while loading Compose files: an error that stops the load, or a warning Compose would
 * also print. Printed as {@code file:line:col: message}.
 *
 * @param pastLashingLimit whether the error is Lashing's refusal to read beyond a limit of its own (a file's
 *     size, nesting, what a few lines may make the loader build), where Compose sets none and would read on
 */
public record Diagnostic(Severity severity, Kind kind, SourceRange at, String message, boolean pastLashingLimit) {
  /** By file, line, then column. */
  public static final Comparator<Diagnostic> BY_POSITION = (a, b) -> {
    int order = a.at().file().compareTo(b.at().file());
    if (order == 0) {
      order = Integer.compare(a.at().line(), b.at().line());
    }
    return order != 0 ? order : Integer.compare(a.at().column(), b.at().column());
  };

  /** How bad a load problem is. */
  public enum Severity { ERROR, WARNING }

  /** What sort of problem it is; lint reports each kind under a rule of its own. */
  public enum Kind {
    /** The file cannot be read as YAML: syntax, encoding, hostile structure. */
    YAML_SYNTAX,
    /** A mapping key written twice. */
    DUPLICATE_KEY,
    /** The JSON schema of the Compose Specification rejects a key or value. */
    SCHEMA,
    /** A service, network, volume, secret or config that is used but not defined. */
    UNDEFINED_REFERENCE,
    /** Services that depend on each other in a circle. */
    DEPENDENCY_CYCLE,
    /** A legacy attribute and its deploy equivalent that disagree, or a scaled container_name. */
    CONFLICTING_LIMITS,
    /** A variable that is used but not set. */
    UNSET_VARIABLE,
    /** A malformed {@code ${...}} or a required variable without a value. */
    INTERPOLATION,
    /** The obsolete top-level {@code version}. */
    OBSOLETE_VERSION,
    /** A file that is named but missing or unreadable. */
    MISSING_FILE,
    /** A remote {@code include} or {@code extends} (git, {@code oci://}) that is not fetched, so not checked. */
    REMOTE_RESOURCE,
    /** A boolean written yes, no, on, off, y or n: Compose v2 reads it, with a warning, as true or false. */
    BOOLEAN_SPELLING,
    /** Any other value Compose refuses (a bad port, an invalid boolean, a cycle in extends…). */
    INVALID_VALUE
  }

  /** A problem of Compose's: what Compose refuses, or warns of. */
  public Diagnostic(Severity severity, Kind kind, SourceRange at, String message) {
    this(severity, kind, at, message, false);
  }

  public static Diagnostic error(SourceRange at, String message) {
    return new Diagnostic(Severity.ERROR, Kind.INVALID_VALUE, at, message);
  }

  public static Diagnostic error(Kind kind, SourceRange at, String message) {
    return new Diagnostic(Severity.ERROR, kind, at, message);
  }

  /** An error where Lashing reads no further than a limit of its own, which Compose does not set. */
  public static Diagnostic pastLashingLimit(Kind kind, SourceRange at, String message) {
    return new Diagnostic(Severity.ERROR, kind, at, message, true);
  }

  public static Diagnostic warning(SourceRange at, String message) {
    return new Diagnostic(Severity.WARNING, Kind.INVALID_VALUE, at, message);
  }

  public static Diagnostic warning(Kind kind, SourceRange at, String message) {
    return new Diagnostic(Severity.WARNING, kind, at, message);
  }

  /** The same problem, shown at {@code where} with {@code message}. */
  public Diagnostic relocated(SourceRange where, String message) {
    return new Diagnostic(severity, kind, where, message, pastLashingLimit);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return at + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
  }

  // equals and hashCode written out, not generated at run time (scripts/check-dist.sh says why)
  @Override
  public boolean equals(Object o) {
    return o instanceof Diagnostic d && severity == d.severity && kind == d.kind && Objects.equals(at, d.at)
        && Objects.equals(message, d.message) && pastLashingLimit == d.pastLashingLimit;
  }

  // without pastLashingLimit, which goes with the message: hash orders stay those of the record it was before
  @Override
  public int hashCode() {
    return ((Objects.hashCode(severity) * 31 + Objects.hashCode(kind)) * 31 + Objects.hashCode(at)) * 31
        + Objects.hashCode(message);
  }
}
