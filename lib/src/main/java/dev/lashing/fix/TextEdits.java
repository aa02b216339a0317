package dev.lashing.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The edits of one file: identical edits count once, an edit that overlaps one already accepted is refused
 * (the text stays as it was rather than becoming a mix of both), and the accepted edits apply in one go.
 */
public final class TextEdits {
  static final Comparator<TextEdit> ORDER =
      Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end);

  private final List<TextEdit> edits = new ArrayList<>();

  /** The edit already accepted that {@code edit} overlaps, or null when there is none. */
  public TextEdit conflictWith(TextEdit edit) {
    for (TextEdit accepted : edits) {
      if (!accepted.equals(edit) && accepted.overlaps(edit)) {
        return accepted;
      }
    }
    return null;
  }

  /**
   * Accepts an edit unless it overlaps an accepted one.
   *
   * @return true when accepted (or already present)
   */
  public boolean add(TextEdit edit) {
    if (edits.contains(edit)) {
      return true;
    }
    if (conflictWith(edit) != null) {
      return false;
    }
    edits.add(edit);
    return true;
  }

  /** Accepts all of {@code group} or none of it. */
  public boolean addAll(List<TextEdit> group) {
    TextEdits trial = copy();
    for (TextEdit e : group) {
      if (!trial.add(e)) {
        return false;
      }
    }
    edits.clear();
    edits.addAll(trial.edits);
    return true;
  }

  public TextEdits copy() {
    TextEdits copy = new TextEdits();
    copy.edits.addAll(edits);
    return copy;
  }

  public boolean isEmpty() {
    return edits.isEmpty();
  }

  public int size() {
    return edits.size();
  }

  /** The accepted edits, in the order they apply. */
  public List<TextEdit> sorted() {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(ORDER);
    return sorted;
  }

  /** {@code text} with every accepted edit applied. */
  public String apply(String text) {
    StringBuilder out = new StringBuilder(text.length() + 256);
    int at = 0;
    for (TextEdit e : sorted()) {
      if (e.end() > text.length()) {
        throw new IllegalStateException("edit " + e + " beyond the end of the text (" + text.length() + ")");
      }
      out.append(text, at, e.start()).append(e.replacement());
      at = e.end();
    }
    out.append(text, at, text.length());
    return out.toString();
  }
}
