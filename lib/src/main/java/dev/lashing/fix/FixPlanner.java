package dev.lashing.fix;

import dev.lashing.fix.Renderer.Unwritable;
import dev.lashing.fix.YamlFile.Written;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.load.LoadResult;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps the changes of fixes, addressed in the merged model, to the nodes of the user's files where they
 * must be written, and turns them into minimal text edits.
 *
 * <ul>
 *   <li>A value is edited where it is written: in the file and node its origin names (for several
 *       {@code -f} files, the last file that sets it); a missing key is inserted into the deepest mapping
 *       on its path that is written (for a service, the first file that defines it).
 *   <li>A node that reaches several places through an anchor ({@code *alias}, {@code <<: *merge}), under any key,
 *       is edited at the anchor only when every place using it gets the same change; otherwise the change is
 *       written into the using service, which then overrides the shared value (with {@code <<: *anchor} and
 *       a new anchor where a nested mapping must keep its other keys; a list from an alias copied with the new
 *       item), but for a value written in place of an alias that would keep nothing of it (a scalar, a whole new
 *       list), which would part that place from its anchor: such a change is refused.
 *   <li>A value inherited through {@code extends} is overridden in the service that extends, never edited in
 *       the base.
 *   <li>An edit that a {@code !reset} or a later {@code !override} cancels is refused, never reported as a fix.
 *   <li>Each fix applies whole or not at all: a fix whose edits contradict or overlap the edits of an
 *       earlier fix is skipped (the next run picks it up), and one that cannot be written is skipped with
 *       the reason.
 * </ul>
 */
final class FixPlanner {
  /** A finding and the fix to apply for it. */
  record Candidate(Finding finding, Fix fix) {}

  /**
   * The new text of every changed file, the edits that make it (by file, in the order they apply), the
   * findings fixed and those skipped.
   */
  /**
   * @param edits per file the plan changes, its edits in the order they apply
   * @param originals the text of each of those files before the edits
   */
  record Result(Map<String, List<TextEdit>> edits, Map<String, String> originals, List<Candidate> applied,
      List<Skip> skipped) {

    /**
     * The new text of each file the plan changes. Made on request: planning one finding's fix at a time (for a
     * report's fixes) must not copy the whole file for each.
     */
    Map<String, String> texts() {
      Map<String, String> texts = new TreeMap<>();
      edits.forEach((name, fileEdits) -> texts.put(name, TextEdits.apply(originals.get(name), fileEdits)));
      return texts;
    }
  }

  private final WrittenPlaces places;
  private final MergeTags mergeTags;
  /** The variables the files were interpolated with. */
  private final Map<String, String> variables;
  private ChangeResolver resolver;

  FixPlanner(LoadResult load) {
    this.places = new WrittenPlaces(load);
    this.mergeTags = new MergeTags(load);
    this.variables = load.environment();
  }

  // ---- the plan ----

  /** Plans the candidates' fixes; each call stands alone, so one planner can plan fixes one at a time. */
  Result plan(List<Candidate> candidates) {
    // a new writer for each plan: anchors an earlier plan named were never written
    resolver = new ChangeResolver(places, new NodeWriter(variables));
    List<Skip> skipped = new ArrayList<>();
    List<List<Resolved>> resolved = new ArrayList<>();
    Map<Written, Map<Object, Set<String>>> asked = new IdentityHashMap<>();
    Map<String, Set<List<Object>>> byService = new HashMap<>();
    for (Candidate c : candidates) {
      if (c.finding().service() != null) {
        byService.computeIfAbsent(c.finding().service(), k -> new HashSet<>()).addAll(serviceChanges(c));
      }
    }
    for (Candidate c : candidates) {
      Base base = baseFixedTheSameWay(c, byService);
      if (base != null) {
        resolved.add(null);
        skipped.add(new Skip(c.finding(), Skip.Reason.CONFLICT, c.finding().service() + " " + base.how() + " "
            + base.service() + ", which gets the same fix; it waits for the next run"));
        continue;
      }
      try {
        List<Resolved> rs = resolver.resolve(c.finding(), c.fix());
        resolved.add(rs);
        for (Resolved r : rs) {
          if (r.shared() != null) {
            asked.computeIfAbsent(r.shared(), k -> new HashMap<>())
                .computeIfAbsent(r.signature(), k -> new HashSet<>()).add(r.user());
          }
        }
      } catch (Unwritable e) {
        resolved.add(null);
        skipped.add(new Skip(c.finding(), Skip.Reason.UNWRITABLE, e.getMessage()));
      } catch (RuntimeException e) {
        resolved.add(null);
        skipped.add(internalError(c, e));
      }
    }
    OpSet accepted = new OpSet();
    Map<YamlFile, RenderedEdits> rendered = new LinkedHashMap<>();
    List<Candidate> applied = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (resolved.get(i) == null) {
        continue;
      }
      List<Op> ops = new ArrayList<>();
      try {
        for (Resolved r : resolved.get(i)) {
          ops.addAll(decide(r, asked).get());
        }
        for (Op op : ops) {
          mergeTags.refuseCancelled(op);
        }
      } catch (Unwritable e) {
        skipped.add(new Skip(c.finding(), Skip.Reason.UNWRITABLE, e.getMessage()));
        continue;
      } catch (RuntimeException e) {
        skipped.add(internalError(c, e));
        continue;
      }
      accepted.begin();
      Map<RenderedEdits, RenderedEdits.Update> updates = new LinkedHashMap<>();
      try {
        for (Op op : ops) {
          accepted.add(i, op);
        }
        for (YamlFile file : touched(ops)) {
          RenderedEdits edits = rendered.computeIfAbsent(file, RenderedEdits::new);
          try {
            updates.put(edits, edits.prepare(accepted.changedUnits(file)));
          } catch (RenderedEdits.Overlap e) {
            throw new OpSet.Conflict("its edit overlaps another edit of " + file.source.name(),
                accepted.ownersIn(file));
          }
        }
      } catch (OpSet.Conflict e) {
        accepted.rollback();
        skipped.add(new Skip(c.finding(), Skip.Reason.CONFLICT, e.getMessage() + describe(e.with, candidates)));
        continue;
      } catch (Unwritable e) {
        accepted.rollback();
        skipped.add(new Skip(c.finding(), Skip.Reason.UNWRITABLE, e.getMessage()));
        continue;
      } catch (RuntimeException e) {
        accepted.rollback();
        skipped.add(internalError(c, e));
        continue;
      }
      accepted.commit();
      updates.forEach(RenderedEdits::apply);
      if (!ops.isEmpty()) {
        applied.add(c);
      }
    }
    Map<String, String> originals = new TreeMap<>();
    Map<String, List<TextEdit>> fileEdits = new TreeMap<>();
    for (Map.Entry<YamlFile, RenderedEdits> e : rendered.entrySet()) {
      List<TextEdit> all = e.getValue().edits().sorted();
      if (TextEdits.changes(e.getKey().text, all)) {
        originals.put(e.getKey().source.name(), e.getKey().text);
        fileEdits.put(e.getKey().source.name(), all);
      }
    }
    return new Result(fileEdits, originals, applied, skipped);
  }

  /** A bug in the engine costs the fix that met it, not the others (and is reported, never hidden). */
  private static Skip internalError(Candidate c, RuntimeException e) {
    return new Skip(c.finding(), Skip.Reason.UNWRITABLE, "internal error, please report it: " + e);
  }

  private static Set<YamlFile> touched(List<Op> ops) {
    Set<YamlFile> files = new LinkedHashSet<>();
    for (Op op : ops) {
      files.add(op.file());
    }
    return files;
  }

  /** Renders a file's merged edits and checks that no two overlap. */
  private static String describe(Set<Integer> with, List<Candidate> candidates) {
    if (with == null || with.isEmpty()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (int i : with) {
      Candidate c = candidates.get(i);
      names.add(c.finding().ruleId() + " (" + c.fix().description() + ")");
      if (names.size() == 3) {
        break;
      }
    }
    return "; it conflicts with " + String.join(", ", names);
  }

  /** The value a change writes, or null. */
  private static final Fix.Handler<Object, RuntimeException> VALUE = new Fix.Handler<>() {
    @Override
    public Object set(Fix.Set change) {
      return change.value();
    }

    @Override
    public Object append(Fix.Append change) {
      return change.item();
    }

    @Override
    public Object replaceItem(Fix.ReplaceItem change) {
      return null;
    }

    @Override
    public Object removeItem(Fix.RemoveItem change) {
      return null;
    }

    @Override
    public Object quote(Fix.Quote change) {
      return null;
    }

    @Override
    public Object remove(Fix.Remove change) {
      return null;
    }
  };

  /** The changes of a fix relative to its service: kind, path below the service, value. */
  private static List<List<Object>> serviceChanges(Candidate c) {
    List<List<Object>> out = new ArrayList<>();
    for (Fix.Change change : c.fix().changes()) {
      List<String> path = change.path();
      if (path.size() < 3 || !path.get(0).equals("services") || !path.get(1).equals(c.finding().service())) {
        out.add(List.of(change));
        continue;
      }
      out.add(Arrays.asList(change.getClass(), path.subList(2, path.size()), change.handle(VALUE)));
    }
    return out;
  }

  /** A service of the same file that another takes its settings from, and how it does ({@code extends}...). */
  private record Base(String service, String how) {}

  /**
   * The service of this file that the finding's service takes its settings from (it extends it, is an alias of its
   * mapping or merges its keys), when the plan fixes it the same way: its fix then reaches this service too, and
   * writing it here as well would only repeat it.
   */
  private Base baseFixedTheSameWay(Candidate c, Map<String, Set<List<Object>>> byService) {
    String service = c.finding().service();
    Written written = places.serviceEntry(service);
    if (written == null || !written.isMap()) {
      return null;
    }
    Set<List<Object>> relative = new HashSet<>(serviceChanges(c));
    for (Base base : basesOf(c, written)) {
      if (byService.getOrDefault(base.service(), Set.of()).containsAll(relative)) {
        return base;
      }
    }
    return null;
  }

  /**
   * The services of this file that the finding's service, written as {@code written}, takes its settings from and
   * would take the fix's changes from.
   */
  private List<Base> basesOf(Candidate c, Written written) {
    String service = c.finding().service();
    List<Base> bases = new ArrayList<>();
    Node extended = ((MapNode) written.node).get("extends");
    String base = extended instanceof ScalarNode s ? s.value()
        : extended instanceof MapNode m && !m.has("file") && m.get("service") instanceof ScalarNode s ? s.value()
        : null;
    if (base != null && !base.equals(service) && places.tree().get("services") instanceof MapNode services
        && services.has(base)) {
      bases.add(new Base(base, "extends"));
    }
    if (addsOnlyNewKeys(c)) {
      // a key it has already, its own or another's, is not repeated: it overrides the other's, or is the other's
      // value, edited once when every service using it asks for the same (see decide)
      String how = written.isAlias() ? "is an alias of" : "merges the keys of";
      for (String source : places.yamlSourcesOf(written)) {
        bases.add(new Base(source, how));
      }
    }
    return bases;
  }

  /** Whether every change of the fix below its service is at a key the service does not have. */
  private boolean addsOnlyNewKeys(Candidate c) {
    String service = c.finding().service();
    if (!(places.tree().get("services") instanceof MapNode services
        && services.get(service) instanceof MapNode merged)) {
      return false;
    }
    for (Fix.Change change : c.fix().changes()) {
      List<String> path = change.path();
      if (path.size() >= 2 && path.get(0).equals("services") && path.get(1).equals(service)
          && (path.size() < 3 || merged.has(path.get(2)))) {
        return false;
      }
    }
    return true;
  }

  /** At the shared node when every place using it gets this change, else in the using service. */
  private Resolved.Producer decide(Resolved r, Map<Written, Map<Object, Set<String>>> asked) {
    if (r.shared() == null) {
      return r.direct();
    }
    // the users are not copied: a node every service shares has as many users as the plan has changes of it
    Set<String> users = places.usersOf(r.shared());
    if (users.isEmpty() || users.size() == 1 && users.contains(r.user())) {
      return r.direct();
    }
    Set<String> agreeing = asked.getOrDefault(r.shared(), Map.of()).getOrDefault(r.signature(), Set.of());
    if (agreeing.contains(r.user()) && agreeing.containsAll(users)) {
      return r.direct();
    }
    Set<String> all = new HashSet<>(users);
    all.add(r.user());
    String shared = r.shared().path() + " is shared through an anchor with " + others(all, agreeing)
        + ", where the fix does not make the same change";
    return () -> {
      if (r.local() == null) {
        throw new Unwritable(shared + ", and the change cannot be written for one place alone");
      }
      List<Op> ops = r.local().get();
      for (Op op : ops) {
        if (replacesAlias(op) && !keepsWhatTheAliasGives(op, r)) {
          // a value in place of `restart: *policy` would part this place from the anchor it names, silently
          throw new Unwritable(shared + "; a value written in place of the alias "
              + op.file().text.substring(op.target().start(), op.target().end()) + " of "
              + WrittenPlaces.describe(r.user()) + " would part it from the anchor; edit it by hand");
        }
        if (!(op instanceof Op.AddAnchor)
            && (op.target() == r.shared() || places.usersOf(op.target()).size() > 1)) {
          throw new Unwritable(shared + "; edit it by hand");
        }
      }
      return ops;
    };
  }

  /** Whether an edit writes a value in place of an alias ({@code restart: *policy}, {@code cap_drop: *caps}). */
  private static boolean replacesAlias(Op op) {
    return (op instanceof Op.Replace || op instanceof Op.RawReplace || op instanceof Op.Quote) && op.target().isAlias();
  }

  /**
   * Whether an edit that writes a value in place of an alias keeps all that the alias gave its place, so that the
   * place parts from the anchor only for the change: a mapping extended through {@code <<: *anchor}, or a list that
   * the change appends to, copied with its items. A scalar, or a whole new list, keeps nothing of it.
   */
  private static boolean keepsWhatTheAliasGives(Op op, Resolved r) {
    return op instanceof Op.Replace replace && (replace.value() instanceof Map<?, ?> map
        && map.get("<<") instanceof YamlText.Alias || op.target().isSeq() && ChangeResolver.appends(r));
  }

  /** The places of {@code all} not in {@code agreeing}, for people: a few, in order. */
  private static String others(Set<String> all, Set<String> agreeing) {
    List<String> others = new ArrayList<>();
    for (String place : new TreeSet<>(all)) {
      if (!agreeing.contains(place)) {
        others.add(WrittenPlaces.describe(place));
      }
    }
    return others.size() <= 3 ? String.join(", ", others)
        : String.join(", ", others.subList(0, 3)) + " and " + (others.size() - 3) + " more";
  }
}
