package dev.lashing.cli.lsp;

import dev.lashing.fix.TextEdit;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Lashing's positions as the protocol's: lines and characters from 0, characters in UTF-16 code units (the
 * protocol's default encoding, and what Lashing's columns count already).
 */
final class Ranges {
  private Ranges() {}

  /** The range of a written span; a synthetic one (a default, a project-level finding) is the file's start. */
  static Range of(SourceRange at) {
    if (at.isSynthetic()) {
      return new Range(new Position(0, 0), new Position(0, 0));
    }
    return new Range(new Position(at.line() - 1, at.column() - 1), new Position(at.endLine() - 1, at.endColumn() - 1));
  }

  /** The range an edit replaces in {@code source}. */
  static Range of(TextEdit edit, SourceFile source) {
    return new Range(position(source, edit.start()), position(source, edit.end()));
  }

  static Position position(SourceFile source, int offset) {
    return new Position(source.lineOf(offset) - 1, source.columnOf(offset) - 1);
  }

  /** Whether two ranges share a position (touching counts: a cursor at a range's end is on it). */
  static boolean touch(Range a, Range b) {
    return compare(a.getStart(), b.getEnd()) <= 0 && compare(b.getStart(), a.getEnd()) <= 0;
  }

  private static int compare(Position a, Position b) {
    return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine())
        : Integer.compare(a.getCharacter(), b.getCharacter());
  }
}
