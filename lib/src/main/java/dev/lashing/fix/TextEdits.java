package dev.lashing.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The edits of one file: identical edits count once, an edit that overlaps one already accepted is refused
 * (the text stays as it was rather than becoming a mix of both), and the accepted edits apply in one go.
 */
public final class TextEdits {
  static final Comparator<TextEdit> ORDER =
      Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end);

  private final List<TextEdit> edits = new ArrayList<>();
  /** Where each accepted edit stands in {@link #edits}. */
  private final Map<TextEdit, Integer> positions = new HashMap<>();
  /**
   * The accepted insertions and the accepted replacements by start offset. Accepted edits never overlap, so
   * two insertions never share an offset, nor two replacements a character: the edits an edit may overlap are
   * found next to its offsets, and a fix of every service of a large file does not compare each edit with all.
   */
  private final NavigableMap<Integer, TextEdit> insertions = new TreeMap<>();
  private final NavigableMap<Integer, TextEdit> replacements = new TreeMap<>();

  /** The edit already accepted that {@code edit} overlaps (the first accepted of them), or null when none. */
  public TextEdit conflictWith(TextEdit edit) {
    TextEdit first = null;
    for (TextEdit accepted : neighbours(edit)) {
      if (!accepted.equals(edit) && accepted.overlaps(edit)
          && (first == null || positions.get(accepted) < positions.get(first))) {
        first = accepted;
      }
    }
    return first;
  }

  /** The accepted edits that may overlap {@code edit}: every one that does, and maybe a few more. */
  private List<TextEdit> neighbours(TextEdit edit) {
    List<TextEdit> near = new ArrayList<>();
    Map.Entry<Integer, TextEdit> before = replacements.floorEntry(edit.start());
    if (before != null) {
      near.add(before.getValue());
    }
    TextEdit sameStart = insertions.get(edit.start());
    if (sameStart != null) {
      near.add(sameStart);
    }
    if (!edit.isInsertion()) {
      near.addAll(insertions.subMap(edit.start(), false, edit.end(), false).values());
      near.addAll(replacements.subMap(edit.start(), false, edit.end(), false).values());
    }
    return near;
  }

  /**
   * Accepts an edit unless it overlaps an accepted one.
   *
   * @return true when accepted (or already present)
   */
  public boolean add(TextEdit edit) {
    if (positions.containsKey(edit)) {
      return true;
    }
    if (conflictWith(edit) != null) {
      return false;
    }
    positions.put(edit, edits.size());
    edits.add(edit);
    (edit.isInsertion() ? insertions : replacements).put(edit.start(), edit);
    return true;
  }

  /** Accepts all of {@code group} or none of it. */
  public boolean addAll(List<TextEdit> group) {
    int before = edits.size();
    for (TextEdit e : group) {
      if (!add(e)) {
        while (edits.size() > before) {
          TextEdit added = edits.remove(edits.size() - 1);
          positions.remove(added);
          (added.isInsertion() ? insertions : replacements).remove(added.start());
        }
        return false;
      }
    }
    return true;
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
