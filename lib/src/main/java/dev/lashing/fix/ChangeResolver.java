package dev.lashing.fix;

import dev.lashing.fix.Action.AppendItem;
import dev.lashing.fix.Action.RemoveIt;
import dev.lashing.fix.Action.SetTo;
import dev.lashing.fix.ModelPath.Index;
import dev.lashing.fix.ModelPath.Key;
import dev.lashing.fix.ModelPath.Step;
import dev.lashing.fix.Renderer.Unwritable;
import dev.lashing.fix.Resolved.Producer;
import dev.lashing.fix.YamlFile.Written;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Locates the changes of one fix, addressed in the merged model, at the written nodes they must be written in:
 * where the value is written (for several {@code -f} files, the last that sets it), else the deepest written
 * mapping on its path; in the service that extends, for a value inherited through {@code extends}; with the
 * fallback of writing it in the using service when the node is shared through an anchor.
 */
final class ChangeResolver {
  /** The same change at the same node, whoever asks for it. */
  private record Signature(Action action, ModelPath rest) {
    // equals and hashCode written out, not generated at run time (scripts/check-dist.sh says why)
    @Override
    public boolean equals(Object o) {
      return o instanceof Signature s && action.equals(s.action) && rest.equals(s.rest);
    }

    @Override
    public int hashCode() {
      return action.hashCode() * 31 + rest.hashCode();
    }
  }

  /** A replacement ({@code item}, normalized) or a removal of the list item at {@code index}. */
  private record ItemChange(int index, boolean removes, Object item) {}

  private final WrittenPlaces places;
  private final NodeWriter writer;

  ChangeResolver(WrittenPlaces places, NodeWriter writer) {
    this.places = places;
    this.writer = writer;
  }

  /** Whether a located change appends an item to the list it is located at. */
  static boolean appends(Resolved r) {
    return r.signature() instanceof Signature s && s.action() instanceof AppendItem && s.rest().isEmpty();
  }

  /** The changes of a fix, located; the list item changes of one list are grouped by the item as written. */
  List<Resolved> resolve(Finding finding, Fix fix) throws Unwritable {
    List<Resolved> out = new ArrayList<>();
    Map<ModelPath, List<ItemChange>> itemChanges = new LinkedHashMap<>();
    Written serviceRoot = places.documentOf(finding.service());
    for (Fix.Change change : fix.changes()) {
      ModelPath path = ModelPath.of(change.path());
      change.handle(new Fix.Handler<Void, Unwritable>() {
        @Override
        public Void set(Fix.Set set) throws Unwritable {
          out.add(setOrAppend(serviceRoot, path, new SetTo(normalize(set.value()))));
          return null;
        }

        @Override
        public Void append(Fix.Append append) throws Unwritable {
          out.add(setOrAppend(serviceRoot, path, new AppendItem(normalize(append.item()))));
          return null;
        }

        @Override
        public Void replaceItem(Fix.ReplaceItem replace) {
          itemChanges.computeIfAbsent(path, k -> new ArrayList<>())
              .add(new ItemChange(replace.index(), false, normalize(replace.item())));
          return null;
        }

        @Override
        public Void removeItem(Fix.RemoveItem remove) {
          itemChanges.computeIfAbsent(path, k -> new ArrayList<>()).add(new ItemChange(remove.index(), true, null));
          return null;
        }

        @Override
        public Void quote(Fix.Quote quote) throws Unwritable {
          out.add(resolveQuote(finding));
          return null;
        }

        @Override
        public Void remove(Fix.Remove remove) throws Unwritable {
          out.add(resolveRemove(finding, path));
          return null;
        }
      });
    }
    for (Map.Entry<ModelPath, List<ItemChange>> e : itemChanges.entrySet()) {
      out.addAll(resolveItems(e.getKey(), e.getValue()));
    }
    return out;
  }

  private Resolved setOrAppend(Written serviceRoot, ModelPath path, Action action) throws Unwritable {
    if (serviceRoot != null && !path.isKey(0, "services")) {
      // a network or volume the service now uses is declared in the file that defines the service, which
      // Compose validates on its own when another file includes it
      YamlFile file = places.fileOf(serviceRoot.node.origin().at());
      return Resolved.only(() -> writer.walk(file, serviceRoot, path, action));
    }
    return resolvePath(path, action);
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

  private Resolved resolvePath(ModelPath path, Action action) throws Unwritable {
    List<Node> chain = places.mergedChain(path);
    for (int d = chain.size() - 1; d >= 0; d--) {
      Node merged = chain.get(d);
      Via extended = WrittenPlaces.extendedBy(merged);
      if (extended != null) {
        // before matching: the service's own mapping is the base's, written under the base's name, so it never
        // matches, and the `services` above it may be another file's (an included one, merged first)
        return Resolved.only(localIn(extended.at(), path, action));
      }
      // removing `key: *alias` removes that entry, never the anchored value (which other places may use)
      Written w = written(merged, path, d, !(action instanceof RemoveIt));
      if (w == null) {
        continue;
      }
      YamlFile file = places.fileOf(w.node.origin().at());
      ModelPath rest = path.from(d);
      String user = WrittenPlaces.userKey(path.sub(0, d));
      Via yamlUse = WrittenPlaces.lastYaml(merged);
      Producer local = yamlUse == null && places.usersOf(w).size() <= 1 ? null
          : localIn(yamlUse != null ? yamlUse.at() : null, path, action);
      return new Resolved(w, user, new Signature(action, rest), () -> writer.walk(file, w, rest, action), local);
    }
    throw new Unwritable("cannot find where " + path + " is written");
  }

  /**
   * The written node that the merged node at depth {@code d} of {@code path} comes from, or null. Above a service
   * whose own mapping did not match (written as an alias, {@code w3: *w2}, it is the anchor's), that is the
   * {@code services} of the document that defines the service: the merged one is the first file's, maybe an
   * included file, merged first. With {@code shared}, a scalar written as an alias under another key than its
   * anchor's is matched to the anchored scalar ({@link WrittenPlaces#matchShared}).
   */
  private Written written(Node merged, ModelPath path, int d, boolean shared) {
    Written service = d == 1 && path.size() > 1 && path.isKey(0, "services") && path.get(1) instanceof Key key
        ? places.serviceEntry(key.name()) : null;
    if (service != null) {
      return service.parent;
    }
    YamlFile file = places.fileOf(merged.origin().at());
    Step step = d == 0 ? null : path.get(d - 1);
    return file == null ? null
        : shared ? WrittenPlaces.matchShared(file, merged, step) : WrittenPlaces.match(file, merged, step);
  }

  private Resolved resolveRemove(Finding finding, ModelPath path) throws Unwritable {
    List<Node> chain = places.mergedChain(path);
    if (chain.size() <= path.size()) {
      // not in the merged model (like `version`, which the loader drops): the finding points at it
      YamlFile file = places.fileOf(finding.at());
      String name = path.last().toString();
      Written w = file == null ? null : file.entryByKey(finding.at());
      if (w == null && file != null) {
        w = file.valueAt(finding.at(), name);
      }
      if (w != null && name.equals(w.name())) {
        Written target = w;
        return Resolved.only(() -> List.of(new Op.DeleteEntry(file, target)));
      }
      return Resolved.only(List::of); // nothing to remove
    }
    return resolvePath(path, new RemoveIt());
  }

  private Resolved resolveQuote(Finding finding) throws Unwritable {
    YamlFile file = places.fileOf(finding.at());
    if (file != null) {
      for (Written w : file.at(finding.at())) {
        if (w.isScalar()) {
          return Resolved.only(() -> List.of(new Op.Quote(file, w)));
        }
      }
    }
    throw new Unwritable("cannot find the scalar to quote");
  }

  /** Replacements and removals of list items, grouped by the item as written (a port range is one item). */
  private List<Resolved> resolveItems(ModelPath path, List<ItemChange> changes) throws Unwritable {
    List<Node> chain = places.mergedChain(path);
    if (chain.size() <= path.size() || !(chain.get(chain.size() - 1) instanceof SeqNode list)) {
      throw new Unwritable("there is no list at " + path);
    }
    Map<Written, Map<Integer, ItemChange>> byItem = new LinkedHashMap<>();
    Map<Written, YamlFile> fileOf = new IdentityHashMap<>();
    for (ItemChange change : changes) {
      int index = change.index();
      if (index < 0 || index >= list.size()) {
        throw new Unwritable("no item " + index + " in " + path);
      }
      Node item = list.get(index);
      if (WrittenPlaces.extendedBy(item) != null) {
        throw new Unwritable("item " + index + " of " + path + " is inherited through extends;"
            + " change it in the base service");
      }
      YamlFile file = places.fileOf(item.origin().at());
      Written w = file == null ? null : WrittenPlaces.matchShared(file, item, new Index(index));
      if (w == null) {
        throw new Unwritable("cannot find where item " + index + " of " + path + " is written");
      }
      fileOf.put(w, file);
      byItem.computeIfAbsent(w, k -> new TreeMap<>()).put(index, change);
    }
    Map<SourceRange, List<Integer>> entriesWrittenAt = places.entriesByPlace(list);
    List<Resolved> out = new ArrayList<>();
    for (Map.Entry<Written, Map<Integer, ItemChange>> e : byItem.entrySet()) {
      Written w = e.getKey();
      YamlFile file = fileOf.get(w);
      List<Integer> indices = entriesWrittenAt.getOrDefault(w.node.origin().at(), List.of());
      List<Node> sameItem = new ArrayList<>();
      for (int i : indices) {
        sameItem.add(list.get(i));
      }
      if (!indices.equals(new ArrayList<>(e.getValue().keySet()))) {
        // named by path: this round's text may not be the user's, so a position here could point elsewhere
        throw new Unwritable("the fix changes only some of the " + indices.size() + " entries of " + path
            + " that one item writes");
      }
      List<ItemChange> group = new ArrayList<>(e.getValue().values());
      boolean removing = group.stream().allMatch(ItemChange::removes);
      boolean replacing = group.stream().noneMatch(ItemChange::removes);
      if (!removing && !replacing) {
        throw new Unwritable("the fix both removes and replaces entries of " + path + " that one item writes");
      }
      String user = WrittenPlaces.userKey(path.child(new Index(0)));
      if (removing) {
        out.add(new Resolved(w, user, new Signature(new RemoveIt(), ModelPath.ROOT), () -> deletions(file, w), null));
        continue;
      }
      List<Object> items = new ArrayList<>();
      for (ItemChange c : group) {
        items.add(c.item());
      }
      if (items.size() == 1 && items.get(0) instanceof Map<?, ?> map && w.isMap() && !w.isAlias()
          && sameItem.get(0) instanceof MapNode old) {
        items.set(0, aliasedKeysApart(file, w, old, map, path.child(new Index(indices.get(0))), out));
      }
      out.add(new Resolved(w, user, new Signature(new SetTo(items), ModelPath.ROOT),
          () -> writer.replaceItem(file, w, sameItem, items), null));
    }
    return out;
  }

  /**
   * The new mapping of a list item written as a mapping, but for its keys written as a scalar alias or anchor
   * ({@code host_ip: *addr}, {@code host_ip: &addr 0.0.0.0}) that it changes: those keep their value here and are
   * located as changes of their own (into {@code out}), so that the anchor is edited when every place using it gets
   * the same value, and the fix is refused otherwise, rather than the anchor or alias being rewritten for this item.
   */
  private Map<String, Object> aliasedKeysApart(YamlFile file, Written item, MapNode old, Map<?, ?> replacement,
      ModelPath at, List<Resolved> out) {
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : replacement.entrySet()) {
      String key = e.getKey().toString();
      Written child = file.child(item, key);
      String was = old.get(key) instanceof ScalarNode s ? s.text() : null;
      boolean changed = child != null && child.isScalar() && was != null
          && !was.equals(String.valueOf(e.getValue()));
      Written anchored = !changed ? null
          : child.isAlias() ? WrittenPlaces.matchShared(file, old.get(key), new Key(key))
          : file.anchorOf(child) != null ? child : null;
      if (anchored == null) {
        kept.put(key, e.getValue());
        continue;
      }
      kept.put(key, was);
      SetTo set = new SetTo(e.getValue());
      YamlFile anchorFile = places.fileOf(anchored.node.origin().at());
      String user = WrittenPlaces.userKey(at.child(new Key(key)));
      out.add(new Resolved(anchored, user, new Signature(set, ModelPath.ROOT),
          () -> writer.walk(anchorFile, anchored, ModelPath.ROOT, set),
          child.isAlias() ? () -> writer.walk(file, item, ModelPath.keys(key), set) : null));
    }
    return kept;
  }

  /**
   * Removes a list item from every list it is written in: its {@code - *alias} items too, since every place using
   * it removes it (else the plan never asks for these edits). A list in an extension field ({@code x-...}) that no
   * place uses as a list is not one of them: an alias there stays, and so must the anchor (the edit is refused once
   * rendered); an anchored item there ({@code x-ports: [&p "9100"]}) stays for its aliases' sake.
   */
  private List<Op> deletions(YamlFile file, Written item) {
    List<Written> written = new ArrayList<>(List.of(item));
    written.addAll(file.aliasItemsOf(item));
    List<Op> ops = new ArrayList<>();
    for (Written w : written) {
      if (w.index >= 0 && isUsedList(w.parent)) {
        ops.add(new Op.DeleteItem(file, w));
      }
    }
    return ops;
  }

  /** Whether a written list is some place's list, not one written in an extension field for anchors alone. */
  private boolean isUsedList(Written list) {
    return !WrittenPlaces.inExtension(list) || !places.usersOf(list).isEmpty();
  }

  /** Writes {@code path} into the service as written in the file of {@code at} (which uses the shared value). */
  private Producer localIn(SourceRange at, ModelPath path, Action action) {
    if (at == null || path.size() < 3 || !path.isKey(0, "services")) {
      return null;
    }
    return () -> {
      YamlFile file = places.fileOf(at);
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
      return writer.walk(file, services, path.from(1), action);
    };
  }
}
