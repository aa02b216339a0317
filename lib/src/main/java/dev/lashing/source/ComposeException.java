package dev.lashing.source;

import dev.lashing.source.SourceRange;
import java.util.List;
import java.util.StringJoiner;

/** Compose files that cannot be loaded; carries every positioned error found. */
public class ComposeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public ComposeException(List<Diagnostic> diagnostics) {
    super(lines(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  // a loop, not a stream: a lambda that the ahead-of-time cache's training never ran is generated at run time, the
  // first one of a run at the cost of starting the JDK's class-file writer (a refused file is common; see
  // scripts/check-dist.sh)
  private static String lines(List<Diagnostic> diagnostics) {
    StringJoiner lines = new StringJoiner("\n");
    for (Diagnostic d : diagnostics) {
      lines.add(d.toString());
    }
    return lines.toString();
  }

  public ComposeException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
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
