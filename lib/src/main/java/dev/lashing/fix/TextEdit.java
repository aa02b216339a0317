package dev.lashing.fix;

/**
 * Replaces the text between two UTF-16 offsets of a file ({@code end} exclusive); an insertion has
 * {@code start == end}, a deletion an empty replacement.
 */
public record TextEdit(int start, int end, String replacement) {

  public TextEdit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
    }
  }

  public static TextEdit insert(int at, String text) {
    return new TextEdit(at, at, text);
  }

  public static TextEdit delete(int start, int end) {
    return new TextEdit(start, end, "");
  }

  public boolean isInsertion() {
    return start == end;
  }

  /**
   * Whether both edits touch the same text, so that applying both has no single meaning: their ranges
   * share a character, an insertion falls strictly inside the other's range, or both insert at one place.
   * Edits that only touch end to start do not overlap.
   */
  public boolean overlaps(TextEdit other) {
    if (isInsertion() && other.isInsertion()) {
      return start == other.start;
    }
    if (isInsertion()) {
      return start > other.start && start < other.end;
    }
    if (other.isInsertion()) {
      return other.start > start && other.start < end;
    }
    return Math.max(start, other.start) < Math.min(end, other.end);
  }

  // equals and hashCode written out, not generated at run time (scripts/check-dist.sh says why)
  @Override
  public boolean equals(Object o) {
    return o instanceof TextEdit e && start == e.start && end == e.end && replacement.equals(e.replacement);
  }

  @Override
  public int hashCode() {
    return (start * 31 + end) * 31 + replacement.hashCode();
  }
}
