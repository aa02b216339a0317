package dev.lashing.fix;

import dev.lashing.fix.Renderer.Insertion;
import dev.lashing.fix.Renderer.Output;
import dev.lashing.fix.Renderer.Unwritable;
import dev.lashing.fix.YamlFile.Written;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The text edits of the structural edits accepted in one file, kept per unit of rendering (a collection, or an
 * edit rendered alone) and per place where insertions are joined. A fix re-renders only the units its edits
 * changed and is checked only against the edits near its own, so planning the fixes of every service of a
 * large file costs in proportion to the edits, not to their square.
 */
final class RenderedEdits {
  /** The edits of a fix: refused when they overlap the accepted ones. */
  static final class Overlap extends Exception {
    private static final long serialVersionUID = 1L;

    Overlap() {
      super("its edit overlaps another edit");
    }
  }

  /** What a fix changes: the units re-rendered, the joined insertions redone, and the edits that go and come. */
  record Update(Map<Object, Output> units, Map<Integer, TextEdit> joined, List<TextEdit> removed,
      List<TextEdit> added) {}

  private final YamlFile file;
  private final Renderer renderer;
  private final Map<Object, Output> units = new HashMap<>();
  /** The insertions waiting at each place, by the unit that made them. */
  private final Map<Integer, Map<Object, List<Insertion>>> insertionsAt = new HashMap<>();
  /** The one edit that writes the insertions of each place. */
  private final Map<Integer, TextEdit> joined = new HashMap<>();
  /** Every edit, once however many units make it, and how many make it. */
  private final TextEdits all = new TextEdits();
  private final Map<TextEdit, Integer> makers = new HashMap<>();

  RenderedEdits(YamlFile file) {
    this.file = file;
    this.renderer = new Renderer(file);
  }

  /**
   * Renders the units a fix changed ({@code changed}: each with all its edits now) and checks the result
   * against the edits accepted so far; nothing changes until {@link #apply}.
   */
  Update prepare(Map<Object, List<Op>> changed) throws Unwritable, Overlap {
    Map<Object, Output> rendered = new HashMap<>();
    List<TextEdit> removed = new ArrayList<>();
    List<TextEdit> added = new ArrayList<>();
    TreeSet<Integer> places = new TreeSet<>();
    for (Map.Entry<Object, List<Op>> e : changed.entrySet()) {
      Output old = units.get(e.getKey());
      if (old != null) {
        removed.addAll(old.edits());
        old.insertions().forEach(i -> places.add(i.at()));
      }
      Output now = e.getKey() instanceof Written collection
          ? renderer.renderCollection(collection, e.getValue())
          : renderer.renderAlone(e.getValue().get(0));
      rendered.put(e.getKey(), now);
      added.addAll(now.edits());
      now.insertions().forEach(i -> places.add(i.at()));
    }
    for (TextEdit edit : added) {
      // an alias that this update removes as well (every place using an anchored item removes it) leaves no gap
      String anchor = file.anchorStillUsed(edit.start(), edit.end(),
          alias -> added.stream().anyMatch(other -> other.start() <= alias && alias < other.end()));
      if (anchor != null) {
        throw new Unwritable("the edit would remove the anchor &" + anchor + ", which an alias *" + anchor
            + " elsewhere in " + file.source.name() + " still uses; edit it by hand");
      }
    }
    Map<Integer, TextEdit> rejoined = new HashMap<>();
    for (int at : places) {
      List<Insertion> here = new ArrayList<>();
      insertionsAt.getOrDefault(at, Map.of()).forEach((unit, insertions) -> {
        if (!rendered.containsKey(unit)) {
          here.addAll(insertions);
        }
      });
      rendered.values().forEach(o -> o.insertions().stream().filter(i -> i.at() == at).forEach(here::add));
      TextEdit old = joined.get(at);
      if (old != null) {
        removed.add(old);
      }
      TextEdit now = here.isEmpty() ? null : renderer.join(at, here);
      rejoined.put(at, now);
      if (now != null) {
        added.add(now);
      }
    }
    checkOverlaps(added, removed);
    return new Update(rendered, rejoined, removed, added);
  }

  /** Refuses edits that overlap each other or an accepted edit that stays. */
  private void checkOverlaps(List<TextEdit> added, List<TextEdit> removed) throws Overlap {
    Map<TextEdit, Integer> leaving = new HashMap<>();
    removed.forEach(e -> leaving.merge(e, 1, Integer::sum));
    TextEdits together = new TextEdits();
    for (TextEdit e : added) {
      if (all.conflictWith(e, near -> makers.get(near) <= leaving.getOrDefault(near, 0)) != null
          || !together.add(e)) {
        throw new Overlap();
      }
    }
  }

  /** Accepts a prepared update. */
  void apply(Update update) {
    for (TextEdit e : update.removed()) {
      if (makers.merge(e, -1, Integer::sum) == 0) {
        makers.remove(e);
        all.remove(e);
      }
    }
    for (TextEdit e : update.added()) {
      makers.merge(e, 1, Integer::sum);
      all.add(e);
    }
    update.units().forEach((unit, output) -> {
      Output old = units.put(unit, output);
      if (old != null) {
        old.insertions().forEach(i -> insertionsAt.get(i.at()).remove(unit));
      }
      output.insertions().forEach(i -> insertionsAt.computeIfAbsent(i.at(), at -> new HashMap<>())
          .computeIfAbsent(unit, u -> new ArrayList<>()).add(i));
    });
    update.joined().forEach((at, edit) -> {
      if (edit == null) {
        joined.remove(at);
      } else {
        joined.put(at, edit);
      }
    });
  }

  /** The accepted edits, in the order they apply. */
  TextEdits edits() {
    return all;
  }
}
