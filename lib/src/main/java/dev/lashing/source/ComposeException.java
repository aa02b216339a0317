package dev.lashing.source;

import dev.lashing.source.SourceRange;
import java.util.List;
import java.util.stream.Collectors;

/** Compose files that cannot be loaded; carries every positioned error found. */
public class ComposeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public ComposeException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public ComposeException(SourceRange at, String message) {
    this(List.of(Diagnostic.error(at, message)));
  }

  public ComposeException(Diagnostic.Kind kind, SourceRange at, String message) {
    this(List.of(Diagnostic.error(kind, at, message)));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
