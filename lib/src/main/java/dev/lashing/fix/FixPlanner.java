package dev.lashing.fix;

import dev.lashing.api.LoadResult;
import dev.lashing.fix.Renderer.Unwritable;
import dev.lashing.fix.YamlFile.Written;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.ParsedYaml;
import dev.lashing.yaml.YamlStrings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the changes of fixes, addressed in the merged model, to the nodes of the user's files where they
 * must be written, and turns them into minimal text edits.
 *
 * <ul>
 *   <li>A value is edited where it is written: in the file and node its origin names (for several
 *       {@code -f} files, the last file that sets it); a missing key is inserted into the deepest mapping
 *       on its path that is written (for a service, the first file that defines it).
 *   <li>A node that reaches several places through an anchor ({@code *alias}, {@code <<: *merge}) is
 *       edited at the anchor only when every place using it gets the same change; otherwise the change is
 *       written into the using service, which then overrides the shared value (with {@code <<: *anchor} and
 *       a new anchor where a nested mapping must keep its other keys).
 *   <li>A value inherited through {@code extends} is overridden in the service that extends, never edited in
 *       the base.
 *   <li>Each fix applies whole or not at all: a fix whose edits contradict or overlap the edits of an
 *       earlier fix is skipped (the next run picks it up), and one that cannot be written is skipped with
 *       the reason.
 * </ul>
 */
final class FixPlanner {
  /** A finding and the fix to apply for it. */
  record Candidate(Finding finding, Fix fix) {}

  /** The new text of every changed file, the findings fixed and those skipped. */
  record Result(Map<String, String> texts, List<Candidate> applied, List<Skip> skipped) {}

  /** What to do at the end of a path. */
  private sealed interface Action {}

  private record SetTo(Object value) implements Action {}

  private record AppendItem(Object item) implements Action {}

  private record RemoveIt() implements Action {}

  /** The same change at the same node, whoever asks for it. */
  private record Signature(Action action, List<String> rest) {}

  private interface Producer {
    List<Op> get() throws Unwritable;
  }

  /** One change located: at a written node that may be shared, with the fallback of writing it locally. */
  private record Resolved(Written shared, String user, Object signature, Producer direct, Producer local) {}

  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  private final LoadResult load;
  private final Map<String, YamlFile> files = new HashMap<>();
  /** For each written node, the places of the merged model it is used at (extension fields aside). */
  private final Map<Written, Set<String>> users = new IdentityHashMap<>();
  private final Map<Written, String> newAnchors = new IdentityHashMap<>();

  FixPlanner(LoadResult load) {
    this.load = load;
    indexUsers(load.tree(), new ArrayList<>());
  }

  // ---- the plan ----

  Result plan(List<Candidate> candidates) {
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
      String base = baseFixedTheSameWay(c, byService);
      if (base != null) {
        resolved.add(null);
        skipped.add(new Skip(c.finding(), Skip.Reason.CONFLICT, c.finding().service() + " extends " + base
            + ", which gets the same fix; it waits for the next run"));
        continue;
      }
      try {
        List<Resolved> rs = resolve(c);
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
    Map<YamlFile, List<TextEdit>> edits = new LinkedHashMap<>();
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
      } catch (Unwritable e) {
        skipped.add(new Skip(c.finding(), Skip.Reason.UNWRITABLE, e.getMessage()));
        continue;
      } catch (RuntimeException e) {
        skipped.add(internalError(c, e));
        continue;
      }
      OpSet trial = accepted.copy();
      Map<YamlFile, List<TextEdit>> trialEdits = new LinkedHashMap<>(edits);
      try {
        for (Op op : ops) {
          trial.add(i, op);
        }
        for (YamlFile file : touched(ops)) {
          trialEdits.put(file, checked(file, trial, candidates));
        }
      } catch (OpSet.Conflict e) {
        skipped.add(new Skip(c.finding(), Skip.Reason.CONFLICT, e.getMessage() + describe(e.with, candidates)));
        continue;
      } catch (Unwritable e) {
        skipped.add(new Skip(c.finding(), Skip.Reason.UNWRITABLE, e.getMessage()));
        continue;
      } catch (RuntimeException e) {
        skipped.add(internalError(c, e));
        continue;
      }
      accepted = trial;
      edits = trialEdits;
      if (!ops.isEmpty()) {
        applied.add(c);
      }
    }
    Map<String, String> texts = new TreeMap<>();
    for (Map.Entry<YamlFile, List<TextEdit>> e : edits.entrySet()) {
      TextEdits all = new TextEdits();
      all.addAll(e.getValue());
      String fixed = all.apply(e.getKey().text);
      if (!fixed.equals(e.getKey().text)) {
        texts.put(e.getKey().source.name(), fixed);
      }
    }
    return new Result(texts, applied, skipped);
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
  private List<TextEdit> checked(YamlFile file, OpSet ops, List<Candidate> candidates)
      throws Unwritable, OpSet.Conflict {
    List<TextEdit> rendered = new Renderer(file).render(ops.of(file));
    TextEdits edits = new TextEdits();
    for (TextEdit e : rendered) {
      TextEdit other = edits.conflictWith(e);
      if (other != null) {
        throw new OpSet.Conflict("its edit overlaps another edit of " + file.source.name(),
            ops.ownersIn(file));
      }
      edits.add(e);
    }
    return edits.sorted();
  }

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

  /** The changes of a fix relative to its service: kind, path below the service, value. */
  private static List<List<Object>> serviceChanges(Candidate c) {
    List<List<Object>> out = new ArrayList<>();
    for (Fix.Change change : c.fix().changes()) {
      List<String> path = change.path();
      if (path.size() < 3 || !path.get(0).equals("services") || !path.get(1).equals(c.finding().service())) {
        out.add(List.of(change));
        continue;
      }
      Object value = change instanceof Fix.Set s ? s.value() : change instanceof Fix.Append a ? a.item() : null;
      out.add(java.util.Arrays.asList(change.getClass(), path.subList(2, path.size()), value));
    }
    return out;
  }

  /**
   * The service of this file that the finding's service extends, when the plan fixes it the same way: its
   * fix then reaches this service through extends, and writing it here too would only repeat it.
   */
  private String baseFixedTheSameWay(Candidate c, Map<String, Set<List<Object>>> byService) {
    String service = c.finding().service();
    if (service == null || !(load.tree().get("services") instanceof MapNode services)) {
      return null;
    }
    MapNode.Entry entry = services.entry(service);
    YamlFile file = entry == null ? null : fileOf(entry.key().origin().at());
    Written written = file == null ? null : file.entryByKey(entry.key().origin().at());
    if (written == null || !written.isMap()) {
      return null;
    }
    Node extended = ((MapNode) written.node).get("extends");
    String base = extended instanceof ScalarNode s ? s.value()
        : extended instanceof MapNode m && !m.has("file") && m.get("service") instanceof ScalarNode s ? s.value()
        : null;
    if (base == null || base.equals(service) || !services.has(base)) {
      return null;
    }
    Set<List<Object>> baseChanges = byService.getOrDefault(base, Set.of());
    Set<List<Object>> relative = new HashSet<>();
    for (List<Object> change : serviceChanges(c)) {
      relative.add(change);
    }
    return baseChanges.containsAll(relative) ? base : null;
  }

  /** At the shared node when every place using it gets this change, else in the using service. */
  private Producer decide(Resolved r, Map<Written, Map<Object, Set<String>>> asked) {
    if (r.shared() == null) {
      return r.direct();
    }
    Set<String> all = new HashSet<>(users.getOrDefault(r.shared(), Set.of()));
    all.add(r.user());
    if (all.size() <= 1) {
      return r.direct();
    }
    Set<String> agreeing = asked.getOrDefault(r.shared(), Map.of()).getOrDefault(r.signature(), Set.of());
    if (agreeing.containsAll(all)) {
      return r.direct();
    }
    return () -> {
      if (r.local() == null) {
        throw new Unwritable(r.shared().path() + " is shared through an anchor with places that need"
            + " another value, and the change cannot be written for this one alone");
      }
      List<Op> ops = r.local().get();
      for (Op op : ops) {
        if (!(op instanceof Op.AddAnchor)
            && (op.target() == r.shared() || users.getOrDefault(op.target(), Set.of()).size() > 1)) {
          throw new Unwritable(r.shared().path() + " is shared through an anchor with places that need"
              + " another value; edit it by hand");
        }
      }
      return ops;
    };
  }

  // ---- resolving the changes of one fix ----

  private List<Resolved> resolve(Candidate c) throws Unwritable {
    List<Resolved> out = new ArrayList<>();
    Map<List<String>, List<Fix.Change>> itemChanges = new LinkedHashMap<>();
    Written serviceRoot = documentOf(c.finding().service());
    for (Fix.Change change : c.fix().changes()) {
      if (serviceRoot != null && !change.path().get(0).equals("services")
          && (change instanceof Fix.Set || change instanceof Fix.Append)) {
        // a network or volume the service now uses is declared in the file that defines the service, which
        // Compose validates on its own when another file includes it
        YamlFile file = fileOf(serviceRoot.node.origin().at());
        Action action = change instanceof Fix.Set s ? new SetTo(normalize(s.value()))
            : new AppendItem(normalize(((Fix.Append) change).item()));
        out.add(new Resolved(null, null, null, () -> walk(file, serviceRoot, change.path(), action), null));
        continue;
      }
      if (change instanceof Fix.Set s) {
        out.add(resolvePath(c.finding(), s.path(), new SetTo(normalize(s.value()))));
      } else if (change instanceof Fix.Append a) {
        out.add(resolvePath(c.finding(), a.path(), new AppendItem(normalize(a.item()))));
      } else if (change instanceof Fix.Remove r) {
        out.add(resolveRemove(c.finding(), r.path()));
      } else if (change instanceof Fix.Quote) {
        out.add(resolveQuote(c.finding()));
      } else {
        itemChanges.computeIfAbsent(change.path(), k -> new ArrayList<>()).add(change);
      }
    }
    for (Map.Entry<List<String>, List<Fix.Change>> e : itemChanges.entrySet()) {
      out.addAll(resolveItems(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** The document whose {@code services} defines a service (the first file that does), or null. */
  private Written documentOf(String service) {
    if (service == null || !(load.tree().get("services") instanceof MapNode services)) {
      return null;
    }
    MapNode.Entry entry = services.entry(service);
    YamlFile file = entry == null ? null : fileOf(entry.key().origin().at());
    Written w = file == null ? null : file.entryByKey(entry.key().origin().at());
    while (w != null && w.parent != null) {
      w = w.parent;
    }
    return w;
  }

  /** Plain Java values as the renderer takes them (ints as longs, maps in order). */
  private static Object normalize(Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(normalize(v)));
      return out;
    }
    return value;
  }

  private Resolved resolvePath(Finding finding, List<String> path, Action action) throws Unwritable {
    List<Node> chain = mergedChain(path);
    for (int d = chain.size() - 1; d >= 0; d--) {
      Node merged = chain.get(d);
      String segment = d == 0 ? null : path.get(d - 1);
      YamlFile file = fileOf(merged.origin().at());
      Written w = file == null ? null : match(file, merged, segment);
      if (w == null) {
        continue;
      }
      List<String> rest = List.copyOf(path.subList(d, path.size()));
      Via extended = last(merged, Via.Kind.EXTENDS);
      if (extended != null) {
        Producer local = localIn(extended.at(), path, action);
        return new Resolved(null, null, null, local, null);
      }
      String user = userKey(path.subList(0, d));
      Via yamlUse = lastYaml(merged);
      Producer local = yamlUse == null && users.getOrDefault(w, Set.of()).size() <= 1 ? null
          : localIn(yamlUse != null ? yamlUse.at() : null, path, action);
      return new Resolved(w, user, new Signature(action, rest), () -> walk(file, w, rest, action), local);
    }
    throw new Unwritable("cannot find where " + String.join(".", path) + " is written");
  }

  private Resolved resolveRemove(Finding finding, List<String> path) throws Unwritable {
    List<Node> chain = mergedChain(path);
    if (chain.size() <= path.size()) {
      // not in the merged model (like `version`, which the loader drops): the finding points at it
      YamlFile file = fileOf(finding.at());
      String name = path.get(path.size() - 1);
      Written w = file == null ? null : file.entryByKey(finding.at());
      if (w == null && file != null) {
        w = file.valueAt(finding.at(), name);
      }
      if (w != null && name.equals(w.name())) {
        Written target = w;
        return new Resolved(null, null, null, () -> List.of(new Op.DeleteEntry(file, target)), null);
      }
      return new Resolved(null, null, null, List::of, null); // nothing to remove
    }
    return resolvePath(finding, path, new RemoveIt());
  }

  private Resolved resolveQuote(Finding finding) throws Unwritable {
    YamlFile file = fileOf(finding.at());
    if (file != null) {
      for (Written w : file.at(finding.at())) {
        if (w.isScalar()) {
          return new Resolved(null, null, null, () -> List.of(new Op.Quote(file, w)), null);
        }
      }
    }
    throw new Unwritable("cannot find the scalar to quote at " + finding.at());
  }

  /** Replacements and removals of list items, grouped by the item as written (a port range is one item). */
  private List<Resolved> resolveItems(List<String> path, List<Fix.Change> changes) throws Unwritable {
    List<Node> chain = mergedChain(path);
    if (chain.size() <= path.size() || !(chain.get(chain.size() - 1) instanceof SeqNode list)) {
      throw new Unwritable("there is no list at " + String.join(".", path));
    }
    Map<Written, Map<Integer, Fix.Change>> byItem = new LinkedHashMap<>();
    Map<Written, YamlFile> fileOf = new IdentityHashMap<>();
    for (Fix.Change change : changes) {
      int index = change instanceof Fix.ReplaceItem r ? r.index() : ((Fix.RemoveItem) change).index();
      if (index < 0 || index >= list.size()) {
        throw new Unwritable("no item " + index + " in " + String.join(".", path));
      }
      Node item = list.get(index);
      if (last(item, Via.Kind.EXTENDS) != null) {
        throw new Unwritable("item " + index + " of " + String.join(".", path) + " is inherited through extends;"
            + " change it in the base service");
      }
      YamlFile file = fileOf(item.origin().at());
      Written w = file == null ? null : match(file, item, "[" + index + "]");
      if (w == null) {
        throw new Unwritable("cannot find where item " + index + " of " + String.join(".", path) + " is written");
      }
      fileOf.put(w, file);
      byItem.computeIfAbsent(w, k -> new TreeMap<>()).put(index, change);
    }
    List<Resolved> out = new ArrayList<>();
    for (Map.Entry<Written, Map<Integer, Fix.Change>> e : byItem.entrySet()) {
      Written w = e.getKey();
      YamlFile file = fileOf.get(w);
      List<Node> sameItem = new ArrayList<>();
      List<Integer> indices = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).origin().at().equals(w.node.origin().at())) {
          sameItem.add(list.get(i));
          indices.add(i);
        }
      }
      if (!indices.equals(new ArrayList<>(e.getValue().keySet()))) {
        throw new Unwritable("the fix changes part of the item written at " + w.node.origin().at()
            + " (it stands for " + indices.size() + " entries)");
      }
      List<Fix.Change> group = new ArrayList<>(e.getValue().values());
      boolean removing = group.stream().allMatch(c -> c instanceof Fix.RemoveItem);
      boolean replacing = group.stream().allMatch(c -> c instanceof Fix.ReplaceItem);
      if (!removing && !replacing) {
        throw new Unwritable("the fix both removes and replaces the item at " + w.node.origin().at());
      }
      List<String> itemPath = new ArrayList<>(path);
      itemPath.add("[0]");
      String user = userKey(itemPath);
      if (removing) {
        out.add(new Resolved(w, user, new Signature(new RemoveIt(), List.of()),
            () -> List.of(new Op.DeleteItem(file, w)), null));
        continue;
      }
      List<Object> items = new ArrayList<>();
      for (Fix.Change c : group) {
        items.add(normalize(((Fix.ReplaceItem) c).item()));
      }
      out.add(new Resolved(w, user, new Signature(new SetTo(items), List.of()),
          () -> replaceItem(file, w, sameItem, items), null));
    }
    return out;
  }

  private List<Op> replaceItem(YamlFile file, Written w, List<Node> merged, List<Object> items) throws Unwritable {
    if (items.size() == 1 && YamlText.isScalar(items.get(0)) && w.isScalar()) {
      refuseVariable(w);
      return List.of(new Op.Replace(file, w, items.get(0)));
    }
    if (items.stream().allMatch(i -> i instanceof Map<?, ?>) && w.isScalar() && !w.isAlias()) {
      String shortForm = PortShortForm.rewrite((ScalarNode) w.node, merged, items, file.style.quote());
      if (shortForm != null) {
        return List.of(new Op.RawReplace(file, w, shortForm));
      }
      refuseVariable(w);
      return List.of(new Op.ReplaceItem(file, w, items));
    }
    if (items.size() == 1 && items.get(0) instanceof Map<?, ?> map && w.isMap() && !w.isAlias()
        && merged.get(0) instanceof MapNode old) {
      List<Op> ops = new ArrayList<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Node was = old.get(e.getKey().toString());
        if (!(was instanceof ScalarNode s && Objects.equals(s.text(), String.valueOf(e.getValue())))) {
          ops.addAll(walk(file, w, List.of(e.getKey().toString()), new SetTo(e.getValue())));
        }
      }
      for (MapNode.Entry e : old.entries()) {
        if (!map.containsKey(e.name())) {
          ops.addAll(walk(file, w, List.of(e.name()), new RemoveIt()));
        }
      }
      return ops;
    }
    refuseVariable(w);
    return List.of(new Op.ReplaceItem(file, w, items));
  }

  // ---- writing a change below a written node ----

  /**
   * The edits that perform {@code action} at {@code rest} below the written node {@code w}: into what is
   * written there, through canonical short forms (a list of networks, a list of dependencies, a string
   * where a list may stand), overriding what a merge key or an alias brings in.
   */
  private List<Op> walk(YamlFile file, Written w, List<String> rest, Action action) throws Unwritable {
    if (rest.isEmpty()) {
      return terminal(file, w, action);
    }
    String key = rest.get(0);
    List<String> more = rest.subList(1, rest.size());
    if (w.isMap() && !w.isAlias()) {
      Written child = file.child(w, key);
      if (child != null && !child.isAlias()) {
        return walk(file, child, more, action);
      }
      if (child != null) {
        if (more.isEmpty()) {
          return terminal(file, child, action);
        }
        if (action instanceof RemoveIt) {
          throw new Unwritable(w.path() + "." + key + " comes from an alias; remove it by hand");
        }
        List<Op> ops = new ArrayList<>();
        Object value = overlay(file, child.node, more, action, ops);
        ops.add(new Op.Replace(file, child, value));
        return ops;
      }
      if (YamlFile.hasKey(w, key)) {
        if (action instanceof RemoveIt) {
          throw new Unwritable(w.path() + "." + key + " comes from a merge key; remove it by hand");
        }
        List<Op> ops = new ArrayList<>();
        Object value = overlay(file, ((MapNode) w.node).get(key), more, action, ops);
        ops.add(new Op.Insert(file, w, single(key, value)));
        return ops;
      }
      if (action instanceof RemoveIt) {
        return List.of();
      }
      return List.of(new Op.Insert(file, w, nest(rest, action)));
    }
    if (w.isSeq() && !w.isAlias()) {
      Matcher index = INDEX.matcher(key);
      if (index.matches()) {
        Written item = file.item(w, Integer.parseInt(index.group(1)));
        if (item == null || item.isAlias()) {
          throw new Unwritable("cannot find item " + key + " of " + w.path());
        }
        return walk(file, item, more, action);
      }
      if ("networks".equals(w.name())) {
        return networksList(file, w, rest, action);
      }
      if ("depends_on".equals(w.name())) {
        return dependsOnList(file, w, rest, action);
      }
      throw new Unwritable(w.path() + " is a list; cannot set " + key + " in it");
    }
    if (w.node instanceof ScalarNode s && s.isNull() && !w.isAlias()) {
      if (action instanceof RemoveIt) {
        return List.of();
      }
      return List.of(new Op.Replace(file, w, nest(rest, action)));
    }
    throw new Unwritable(w.path() + " is written as a " + w.node.kindName() + "; cannot set "
        + String.join(".", rest) + " in it");
  }

  private List<Op> terminal(YamlFile file, Written w, Action action) throws Unwritable {
    if (action instanceof SetTo set) {
      if (set.value() instanceof Map<?, ?> map && w.isMap() && !w.isAlias() && !map.isEmpty()) {
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          ops.addAll(walk(file, w, List.of(e.getKey().toString()), new SetTo(e.getValue())));
        }
        return ops;
      }
      if (w.node instanceof ScalarNode s && !w.isAlias() && same(s, set.value())) {
        return List.of();
      }
      refuseVariable(w);
      return List.of(new Op.Replace(file, w, set.value()));
    }
    if (action instanceof AppendItem append) {
      return append(file, w, append.item());
    }
    if (w.key != null) {
      return List.of(new Op.DeleteEntry(file, w));
    }
    if (w.index >= 0) {
      return List.of(new Op.DeleteItem(file, w));
    }
    throw new Unwritable("cannot remove " + w.path());
  }

  private List<Op> append(YamlFile file, Written w, Object item) throws Unwritable {
    if (w.isSeq() && !w.isAlias()) {
      for (Node existing : ((SeqNode) w.node).items()) {
        if (existing instanceof ScalarNode s && same(s, item)) {
          return List.of();
        }
      }
      return List.of(new Op.Append(file, w, List.of(item)));
    }
    if (w.isSeq()) {
      List<Object> items = copyItems(file, (SeqNode) w.node);
      items.add(item);
      return List.of(new Op.Replace(file, w, items));
    }
    if (w.node instanceof ScalarNode s && s.isNull()) {
      return List.of(new Op.Replace(file, w, List.of(item)));
    }
    if (w.node instanceof ScalarNode s && s.isString() && !w.isAlias()) {
      // a single string where a list may stand (tmpfs: /run): write both as a flow list
      String old = s.style() == ScalarNode.Style.PLAIN && YamlStrings.isPlainSafe(s.value(), true) ? s.value()
          : s.style() == ScalarNode.Style.PLAIN || s.style() == ScalarNode.Style.LITERAL
              || s.style() == ScalarNode.Style.FOLDED
              ? YamlStrings.quoted(s.value(), file.style.quote())
              : file.text.substring(w.start(), w.end());
      return List.of(new Op.RawReplace(file, w, "[" + old + ", " + new YamlText(file.style).flow(item) + "]"));
    }
    throw new Unwritable(w.path() + " is written as a " + w.node.kindName() + ", not a list");
  }

  /** Whether a written scalar already has this value (so setting it changes nothing). */
  private static boolean same(ScalarNode s, Object value) {
    if (value == null) {
      return s.isNull();
    }
    if (value instanceof String str) {
      return s.isString() && s.value().equals(str.replace("$", "$$"));
    }
    if (value instanceof Double d) {
      return s.type() == ScalarNode.Type.FLOAT || s.type() == ScalarNode.Type.INT
          ? Double.parseDouble(s.text()) == d : false;
    }
    return !s.isString() && !s.isNull() && Objects.equals(s.text(), value.toString());
  }

  private static void refuseVariable(Written w) throws Unwritable {
    if (w.node instanceof ScalarNode s && !w.isAlias() && s.value().replace("$$", "").contains("$")) {
      throw new Unwritable(w.path() + " is written with a variable (" + s.value()
          + "); change the variable's value instead");
    }
  }

  /** {@code networks: [a, b]} stands for a mapping of networks to null. */
  private List<Op> networksList(YamlFile file, Written list, List<String> rest, Action action) throws Unwritable {
    String network = rest.get(0);
    Written existing = null;
    SeqNode seq = (SeqNode) list.node;
    for (int i = 0; i < seq.size(); i++) {
      if (seq.get(i) instanceof ScalarNode s && network.equals(s.value())) {
        existing = file.item(list, i);
      }
    }
    if (rest.size() == 1 && action instanceof RemoveIt) {
      return existing == null ? List.of() : List.of(new Op.DeleteItem(file, existing));
    }
    if (rest.size() == 1 && action instanceof SetTo set && set.value() == null) {
      return existing != null ? List.of() : List.of(new Op.Append(file, list, List.of(network)));
    }
    throw new Unwritable(list.path() + " is written as a list; cannot set " + String.join(".", rest) + " in it");
  }

  /** {@code depends_on: [a, b]} becomes the long form when a condition must be set. */
  private List<Op> dependsOnList(YamlFile file, Written list, List<String> rest, Action action)
      throws Unwritable {
    if (!(action instanceof SetTo set) || rest.size() != 2) {
      throw new Unwritable(list.path() + " is written as a list; cannot change " + String.join(".", rest));
    }
    Map<String, Object> longForm = new LinkedHashMap<>();
    for (Node item : ((SeqNode) list.node).items()) {
      if (!(item instanceof ScalarNode s) || !item.origin().via().isEmpty() || s.value().contains("$")) {
        throw new Unwritable(list.path() + " has items that cannot be rewritten in the long form");
      }
      Map<String, Object> condition = new LinkedHashMap<>();
      condition.put("condition", "service_started");
      longForm.put(s.value(), condition);
    }
    if (!longForm.containsKey(rest.get(0))) {
      throw new Unwritable(list.path() + " does not list " + rest.get(0));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> entry = (Map<String, Object>) longForm.get(rest.get(0));
    if (!rest.get(1).equals("condition")) {
      entry.put(rest.get(1), set.value());
    } else {
      entry.put("condition", set.value());
    }
    return List.of(new Op.Replace(file, list, longForm));
  }

  /**
   * The value to write locally so that the result equals what is inherited with the change applied: a
   * nested mapping repeats what it inherits with {@code <<: *anchor} (adding the anchor when missing), a
   * list is copied with the new item.
   */
  private Object overlay(YamlFile file, Node inherited, List<String> rest, Action action, List<Op> ops)
      throws Unwritable {
    if (rest.isEmpty()) {
      if (action instanceof SetTo set) {
        return set.value();
      }
      if (!(action instanceof AppendItem append)) {
        throw new Unwritable("cannot remove an inherited value");
      }
      if (inherited == null || inherited instanceof ScalarNode s && s.isNull()) {
        return List.of(append.item());
      }
      if (!(inherited instanceof SeqNode seq)) {
        throw new Unwritable("the inherited value is not a list");
      }
      for (Node item : seq.items()) {
        if (item instanceof ScalarNode s && same(s, append.item())) {
          throw new Unwritable("the item is already inherited");
        }
      }
      List<Object> items = copyItems(file, seq);
      items.add(append.item());
      return items;
    }
    if (inherited == null || inherited instanceof ScalarNode s && s.isNull()) {
      return nest(rest, action);
    }
    if (!(inherited instanceof MapNode map)) {
      throw new Unwritable("the inherited value is a " + inherited.kindName() + ", not a mapping");
    }
    Written definition = null;
    for (Written w : file.at(map.origin().at())) {
      if (w.isMap()) {
        definition = w;
      }
    }
    if (definition == null) {
      throw new Unwritable("cannot find where the inherited mapping is written");
    }
    String anchor = anchorFor(file, definition, ops);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("<<", new YamlText.Alias(anchor));
    out.put(rest.get(0), overlay(file, map.get(rest.get(0)), rest.subList(1, rest.size()), action, ops));
    return out;
  }

  private String anchorFor(YamlFile file, Written definition, List<Op> ops) throws Unwritable {
    String existing = file.anchorOf(definition);
    if (existing != null) {
      return existing;
    }
    String name = newAnchors.get(definition);
    if (name == null) {
      Set<String> taken = new HashSet<>(file.anchors());
      taken.addAll(newAnchors.values());
      String parent = definition.parent == null ? null
          : newAnchors.containsKey(definition.parent) ? newAnchors.get(definition.parent)
          : file.anchorOf(definition.parent);
      String base = (parent != null ? parent + "-" : "") + (definition.name() == null ? "anchor" : definition.name());
      base = base.replaceAll("[^A-Za-z0-9_.-]", "-");
      name = base;
      for (int i = 2; taken.contains(name); i++) {
        name = base + "-" + i;
      }
      newAnchors.put(definition, name);
    }
    ops.add(new Op.AddAnchor(file, definition, name));
    return name;
  }

  /** The items of an inherited list as written (scalars only), to repeat them. */
  private List<Object> copyItems(YamlFile file, SeqNode seq) throws Unwritable {
    List<Object> items = new ArrayList<>();
    for (Node item : seq.items()) {
      Written w = null;
      for (Written candidate : file.at(item.origin().at())) {
        if (candidate.isScalar()) {
          w = candidate;
        }
      }
      if (w == null || !(w.node instanceof ScalarNode s) || s.style() == ScalarNode.Style.LITERAL
          || s.style() == ScalarNode.Style.FOLDED || file.text.substring(w.start(), w.end()).contains("\n")) {
        throw new Unwritable("the inherited list has items that cannot be repeated here");
      }
      items.add(new YamlText.Raw(file.text.substring(w.start(), w.end())));
    }
    return items;
  }

  private static Map<String, Object> single(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }

  /** {@code {a: {b: value}}} for the path {@code [a, b]}. */
  private static Map<String, Object> nest(List<String> path, Action action) {
    Object value = action instanceof SetTo set ? set.value()
        : action instanceof AppendItem append ? List.of(append.item())
        : null;
    for (int i = path.size() - 1; i > 0; i--) {
      value = single(path.get(i), value);
    }
    return single(path.get(0), value);
  }

  /** Writes {@code path} into the service as written in the file of {@code at} (which uses the shared value). */
  private Producer localIn(SourceRange at, List<String> path, Action action) {
    if (at == null || path.size() < 3 || !path.get(0).equals("services")) {
      return null;
    }
    return () -> {
      YamlFile file = fileOf(at);
      if (file == null) {
        throw new Unwritable("cannot find the file " + at.file());
      }
      Written services = null;
      for (Written document : file.documents) {
        Written candidate = file.child(document, "services");
        if (candidate == null || !candidate.isMap() || candidate.isAlias()) {
          continue;
        }
        boolean here = document.start() <= at.startOffset() && at.startOffset() <= document.end();
        if (services == null || here) {
          services = candidate;
        }
        if (here) {
          break;
        }
      }
      if (services == null) {
        throw new Unwritable("cannot find the services of " + at.file());
      }
      return walk(file, services, path.subList(1, path.size()), action);
    };
  }

  // ---- the merged model and where its nodes are written ----

  /** The merged nodes along {@code path}: the root, then one per segment as far as they exist. */
  private List<Node> mergedChain(List<String> path) {
    List<Node> chain = new ArrayList<>();
    Node node = load.tree();
    chain.add(node);
    for (String segment : path) {
      Node next = null;
      Matcher index = INDEX.matcher(segment);
      if (node instanceof MapNode map) {
        next = map.get(segment);
      } else if (node instanceof SeqNode seq && index.matches()) {
        int i = Integer.parseInt(index.group(1));
        next = i < seq.size() ? seq.get(i) : null;
      }
      if (next == null) {
        break;
      }
      chain.add(next);
      node = next;
    }
    return chain;
  }

  /** The written node a merged node comes from, when it is written as such (not made by canonicalization). */
  private static Written match(YamlFile file, Node merged, String segment) {
    for (Written w : file.at(merged.origin().at())) {
      boolean place = segment == null ? w.parent == null
          : INDEX.matcher(segment).matches() ? w.index >= 0
          : segment.equals(w.name());
      if (!place) {
        continue;
      }
      boolean kind = segment != null && INDEX.matcher(segment).matches()
          || merged instanceof MapNode && w.isMap()
          || merged instanceof SeqNode && w.isSeq()
          || merged instanceof ScalarNode && w.isScalar();
      if (kind) {
        return w;
      }
    }
    return null;
  }

  YamlFile fileOf(SourceRange at) {
    if (at == null || at.isSynthetic() || !load.composeFiles().contains(at.file())) {
      return null;
    }
    return files.computeIfAbsent(at.file(), name -> {
      ParsedYaml parsed = load.parsed().get(name);
      return parsed == null ? null : new YamlFile(parsed);
    });
  }

  /** All parsed files (those the plan looked at). */
  Map<String, YamlFile> files() {
    return files;
  }

  private void indexUsers(Node node, List<String> path) {
    if (!path.isEmpty() && path.get(path.size() - 1).startsWith("x-")) {
      return;
    }
    if (last(node, Via.Kind.EXTENDS) == null) {
      YamlFile file = fileOf(node.origin().at());
      if (file != null) {
        Written w = match(file, node, path.isEmpty() ? null : path.get(path.size() - 1));
        if (w != null) {
          users.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(userKey(path));
        }
      }
    }
    if (node instanceof MapNode map) {
      for (MapNode.Entry e : map.entries()) {
        path.add(e.name());
        indexUsers(e.value(), path);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof SeqNode seq) {
      for (int i = 0; i < seq.size(); i++) {
        path.add("[" + i + "]");
        indexUsers(seq.get(i), path);
        path.remove(path.size() - 1);
      }
    }
  }

  /** A place in the merged model, list positions left out (the items of a port range are one place). */
  private static String userKey(List<String> path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path) {
      out.append(INDEX.matcher(segment).matches() ? "[]" : segment).append('\u0000');
    }
    return out.toString();
  }

  private static Via last(Node node, Via.Kind kind) {
    Via found = null;
    for (Via v : node.origin().via()) {
      if (v.kind() == kind) {
        found = v;
      }
    }
    return found;
  }

  private static Via lastYaml(Node node) {
    Via found = null;
    for (Via v : node.origin().via()) {
      if (v.kind() == Via.Kind.ALIAS || v.kind() == Via.Kind.MERGE_KEY) {
        found = v;
      }
    }
    return found;
  }
}
