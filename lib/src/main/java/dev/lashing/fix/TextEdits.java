package dev.lashing.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The edits of one file: identical edits count once, an edit that overlaps one already accepted is refused
 * (the text stays as it was rather than becoming a mix of both), and the accepted edits apply in one go.
 */
public final class TextEdits {
  static final Comparator<TextEdit> ORDER = (a, b) -> {
    int byStart = Integer.compare(a.start(), b.start());
    return byStart != 0 ? byStart : Integer.compare(a.end(), b.end());
  };

  /** The accepted edits, each with the count of edits accepted before it. */
  private final Map<TextEdit, Long> accepted = new LinkedHashMap<>();
  private long acceptedCount;
  /**
   * The accepted insertions and the accepted replacements by start offset. Accepted edits never overlap, so
   * two insertions never share an offset, nor two replacements a character: the edits an edit may overlap are
   * found next to its offsets, and a fix of every service of a large file does not compare each edit with all.
   */
  private final NavigableMap<Integer, TextEdit> insertions = new TreeMap<>();
  private final NavigableMap<Integer, TextEdit> replacements = new TreeMap<>();

  /** The edit already accepted that {@code edit} overlaps (the first accepted of them), or null when none. */
  public TextEdit conflictWith(TextEdit edit) {
    return conflictWith(edit, e -> false);
  }

  /** The first accepted edit that {@code edit} overlaps, leaving out those {@code leftOut} names, or null. */
  TextEdit conflictWith(TextEdit edit, Predicate<TextEdit> leftOut) {
    TextEdit first = null;
    for (TextEdit near : neighbours(edit)) {
      if (!near.equals(edit) && near.overlaps(edit) && !leftOut.test(near)
          && (first == null || accepted.get(near) < accepted.get(first))) {
        first = near;
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
    if (accepted.containsKey(edit)) {
      return true;
    }
    if (conflictWith(edit) != null) {
      return false;
    }
    accepted.put(edit, acceptedCount++);
    (edit.isInsertion() ? insertions : replacements).put(edit.start(), edit);
    return true;
  }

  /** Takes back an accepted edit. */
  void remove(TextEdit edit) {
    if (accepted.remove(edit) != null) {
      (edit.isInsertion() ? insertions : replacements).remove(edit.start());
    }
  }

  /** Accepts all of {@code group} or none of it. */
  public boolean addAll(List<TextEdit> group) {
    List<TextEdit> added = new ArrayList<>();
    for (TextEdit e : group) {
      boolean isNew = !accepted.containsKey(e);
      if (!add(e)) {
        added.forEach(this::remove);
        return false;
      }
      if (isNew) {
        added.add(e);
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return accepted.isEmpty();
  }

  public int size() {
    return accepted.size();
  }

  /** The accepted edits, in the order they apply. */
  public List<TextEdit> sorted() {
    List<TextEdit> sorted = new ArrayList<>(accepted.keySet());
    sorted.sort(ORDER);
    return sorted;
  }

  /** {@code text} with every accepted edit applied. */
  public String apply(String text) {
    return apply(text, sorted());
  }

  /** {@code text} with {@code edits} applied, given in the order they apply. */
  static String apply(String text, List<TextEdit> edits) {
    return applyWithin(text, 0, text.length(), edits);
  }

  /**
   * Whether {@code edits} (in the order they apply) change {@code text}. Only the stretch from the first edit's
   * start to the last one's end is compared, since the text before and after it stays as it is.
   */
  static boolean changes(String text, List<TextEdit> edits) {
    if (edits.isEmpty()) {
      return false;
    }
    int from = edits.get(0).start();
    int to = edits.stream().mapToInt(TextEdit::end).max().orElseThrow();
    return !applyWithin(text, from, to, edits).equals(text.substring(from, to));
  }

  /**
   * One set of edits of a text that does what {@code first} then {@code then} do: {@code first} applies to the text
   * and gives {@code between}, to which {@code then} applies; each in the order they apply, and so is the result.
   * An edit of {@code then} that touches text an edit of {@code first} wrote becomes one edit with it; the others
   * stay as small as they were.
   */
  static List<TextEdit> compose(List<TextEdit> first, String between, List<TextEdit> then) {
    List<TextEdit> composed = new ArrayList<>();
    int i = 0;
    int j = 0;
    // how much longer the text before the next edit of first is in between than in the text first applies to
    int shift = 0;
    while (i < first.size() || j < then.size()) {
      // a stretch of between that edits of either touch, made of edits each starting where the stretch so far ends
      int from = i < first.size() && (j == then.size() || first.get(i).start() + shift <= then.get(j).start())
          ? first.get(i).start() + shift : then.get(j).start();
      int shiftBefore = shift;
      int to = from;
      List<TextEdit> thenInside = new ArrayList<>();
      while (true) {
        if (i < first.size() && first.get(i).start() + shift <= to) {
          TextEdit e = first.get(i++);
          to = Math.max(to, e.start() + shift + e.replacement().length());
          shift += e.replacement().length() - (e.end() - e.start());
        } else if (j < then.size() && then.get(j).start() <= to) {
          TextEdit e = then.get(j++);
          to = Math.max(to, e.end());
          thenInside.add(new TextEdit(e.start() - from, e.end() - from, e.replacement()));
        } else {
          break;
        }
      }
      composed.add(new TextEdit(from - shiftBefore, to - shift, apply(between.substring(from, to), thenInside)));
    }
    return composed;
  }

  /** {@code text} from {@code from} to {@code to}, with the edits, which all lie within it, applied. */
  private static String applyWithin(String text, int from, int to, List<TextEdit> edits) {
    StringBuilder out = new StringBuilder(to - from + 256);
    int at = from;
    for (TextEdit e : edits) {
      if (e.end() > text.length()) {
        throw new IllegalStateException("edit " + e + " beyond the end of the text (" + text.length() + ")");
      }
      out.append(text, at, e.start()).append(e.replacement());
      at = e.end();
    }
    out.append(text, at, to);
    return out.toString();
  }
}
