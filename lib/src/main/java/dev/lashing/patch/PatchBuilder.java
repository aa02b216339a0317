package dev.lashing.patch;

import dev.lashing.lint.Fix;
import dev.lashing.patch.PatchMap.Raw;
import dev.lashing.patch.PatchMap.Tag;
import dev.lashing.patch.PatchMap.Tagged;
import dev.lashing.source.Origin;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Builds the override document from the fixes of findings. A fix addresses the merged model; in an override
 * file a value only merges into it, so each change becomes what merges to the same result:
 *
 * <ul>
 *   <li>setting a key writes the key (a list that would be appended to the earlier one is tagged
 *       {@code !override});
 *   <li>appending writes the new item alone (Compose appends it), never an item the list already has;
 *   <li>replacing or removing list items writes the whole resulting list with {@code !override}, or
 *       {@code !reset} when nothing is left (a plain merge cannot take list items away);
 *   <li>removing a key writes {@code !reset};
 *   <li>a restart fix on {@code deploy.restart_policy} becomes {@code restart} with the policy reset, so the
 *       value people read is the one the engine uses.
 * </ul>
 *
 * Services the patch defines itself (backup jobs) are edited in place, without tags.
 */
final class PatchBuilder {
  static final String SERVICES = "services";
  /** Service attributes in the order a reader expects them; others follow in the order they were set. */
  static final List<String> SERVICE_ORDER = List.of(
      "image", "entrypoint", "command", "user", "working_dir", "environment", "env_file", "secrets", "volumes",
      "depends_on", "network_mode", "networks", "ports", "restart", "deploy", "healthcheck", "logging",
      "read_only", "tmpfs", "cap_drop", "cap_add", "security_opt", "privileged");

  private final PatchMap root = new PatchMap();
  private final Set<String> jobs = new LinkedHashSet<>();

  PatchMap root() {
    return root;
  }

  boolean isEmpty() {
    return root.isEmpty();
  }

  /** Adds a service the patch defines in full. */
  void addJob(String name, PatchMap service, List<String> comments) {
    PatchMap.Entry e = root.child(SERVICES).put(name, service);
    e.comments().clear();
    e.comments().addAll(comments);
    jobs.add(name);
  }

  /**
   * Applies edits computed on {@code current}, the merged model of the user's files and this patch as it
   * stood when they were computed.
   */
  void apply(List<PatchEdits.Edit> edits, MapNode current, Templates templates) {
    Map<List<String>, List<PatchEdits.Edit>> listEdits = new LinkedHashMap<>();
    List<PatchEdits.Edit> direct = new ArrayList<>();
    for (PatchEdits.Edit e : edits) {
      List<String> list = PatchPaths.listPath(e.change());
      if (list != null) {
        listEdits.computeIfAbsent(list, k -> new ArrayList<>()).add(e);
      } else {
        direct.add(e);
      }
    }
    for (Map.Entry<List<String>, List<PatchEdits.Edit>> group : listEdits.entrySet()) {
      applyListEdits(group.getKey(), group.getValue(), current, templates);
    }
    for (PatchEdits.Edit e : direct) {
      applyDirect(e, current);
    }
  }

  // ---- list edits: the whole list, rewritten ----

  private void applyListEdits(List<String> listPath, List<PatchEdits.Edit> edits, MapNode current, Templates templates) {
    if (!(PatchPaths.nodeAt(current, listPath) instanceof SeqNode list)) {
      return;
    }
    List<Object> items = new ArrayList<>();
    for (Node item : list.items()) {
      String written = PatchPorts.isPorts(listPath) && item instanceof MapNode port ? templates.shortPortTemplate(port) : null;
      items.add(written != null ? new Raw(written) : templates.value(item));
    }
    boolean[] removed = new boolean[items.size()];
    Fix.Handler<Void, RuntimeException> listEdit = new Fix.Handler<>() {
      @Override
      public Void replaceItem(Fix.ReplaceItem r) {
        if (r.index() < items.size()) {
          Object replacement = keepTemplates(PatchMap.fromJava(r.item()), list.get(r.index()), templates);
          if (PatchPorts.isPorts(listPath)) {
            replacement = PatchPorts.rebindTemplate(replacement, list.get(r.index()), templates);
          }
          items.set(r.index(), replacement);
        }
        return null;
      }

      @Override
      public Void removeItem(Fix.RemoveItem r) {
        if (r.index() < removed.length) {
          removed[r.index()] = true;
        }
        return null;
      }

      @Override
      public Void set(Fix.Set change) {
        return editInside(change, (map, leaf) -> map.put(leaf, PatchMap.fromJava(change.value())));
      }

      @Override
      public Void append(Fix.Append change) {
        return editInside(change, (map, leaf) -> {
          List<Object> appended = map.get(leaf) instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
          appended.add(PatchMap.fromJava(change.item()));
          map.put(leaf, appended);
        });
      }

      @Override
      public Void remove(Fix.Remove change) {
        return editInside(change, PatchMap::remove);
      }

      @Override
      public Void quote(Fix.Quote change) {
        return null; // a matter of the user's own text, not of the merged model
      }

      /**
       * A change to a key inside an item of the list (its path indexes the list), applied to the item itself,
       * which is written whole: {@code edit} gets the mapping that holds the key, and the key.
       */
      private Void editInside(Fix.Change c, BiConsumer<PatchMap, String> edit) {
        int at = listPath.size();
        int i = PatchPaths.index(c.path().get(at));
        List<String> rest = c.path().subList(at + 1, c.path().size());
        if (i < items.size() && items.get(i) instanceof PatchMap item && !rest.isEmpty()) {
          PatchMap map = item;
          for (String key : rest.subList(0, rest.size() - 1)) {
            map = map.child(key);
          }
          edit.accept(map, rest.get(rest.size() - 1));
        }
        return null;
      }
    };
    for (PatchEdits.Edit e : edits) {
      e.change().handle(listEdit);
    }
    List<Object> result = new ArrayList<>();
    List<Origin> writtenAt = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!removed[i]) {
        result.add(items.get(i));
        writtenAt.add(list.get(i).origin());
      }
    }
    if (PatchPorts.isPorts(listPath)) {
      result.replaceAll(PatchPorts::shortPort);
      result = PatchPorts.joinRanges(result, writtenAt);
    }
    Object value = isJob(listPath) ? result
        : result.isEmpty() ? new Tagged(Tag.RESET, List.of()) : new Tagged(Tag.OVERRIDE, result);
    putAt(listPath, value);
    for (PatchEdits.Edit e : edits) {
      attribute(listPath, e.ruleId());
    }
  }

  /**
   * A replacement item from a fix holds interpolated values; where a field is unchanged, the field as the user
   * wrote it (a {@code ${PORT:-80}} template) is kept.
   */
  private static Object keepTemplates(Object replacement, Node original, Templates templates) {
    if (replacement instanceof PatchMap map && original instanceof MapNode before) {
      for (String key : map.keys()) {
        Node was = before.get(key);
        Object now = map.get(key);
        if (was instanceof ScalarNode s && now != null && !(now instanceof PatchMap) && !(now instanceof List)
            && Objects.equals(s.text(), String.valueOf(now))) {
          map.put(key, templates.value(s));
        }
      }
    }
    return replacement;
  }

  // ---- direct edits ----

  private void applyDirect(PatchEdits.Edit e, MapNode current) {
    List<String> path = e.change().path();
    boolean applied = e.change().handle(new Fix.Handler<Boolean, RuntimeException>() {
      @Override
      public Boolean set(Fix.Set s) {
        Object value = PatchMap.fromJava(s.value());
        if (!isJob(path) && value instanceof List && PatchPaths.nodeAt(current, path) instanceof SeqNode seq
            && seq.size() > 0) {
          value = new Tagged(Tag.OVERRIDE, value);
        }
        putAt(path, value);
        if (e.note() != null) {
          noteAt(path, e.note());
        }
        return true;
      }

      @Override
      public Boolean append(Fix.Append a) {
        PatchBuilder.this.append(path, PatchMap.fromJava(a.item()), current);
        return true;
      }

      @Override
      public Boolean remove(Fix.Remove change) {
        if (isJob(path)) {
          removeAt(path);
        } else {
          putAt(path, new Tagged(Tag.RESET, emptyLike(PatchPaths.nodeAt(current, path))));
        }
        return true;
      }

      @Override
      public Boolean quote(Fix.Quote change) {
        return false; // a matter of the user's own text, not of the merged model
      }

      @Override
      public Boolean replaceItem(Fix.ReplaceItem change) {
        throw new IllegalStateException("an item's replacement is a list edit: " + change);
      }

      @Override
      public Boolean removeItem(Fix.RemoveItem change) {
        throw new IllegalStateException("an item's removal is a list edit: " + change);
      }
    });
    if (applied) {
      attribute(path, e.ruleId());
    }
  }

  private void append(List<String> path, Object item, MapNode current) {
    Object existing = getAt(path);
    if (existing instanceof List<?> list) {
      if (!list.contains(item)) {
        List<Object> more = new ArrayList<>(list);
        more.add(item);
        putAt(path, more);
      }
    } else if (existing instanceof Tagged t && t.tag() == Tag.OVERRIDE && t.value() instanceof List<?> list) {
      if (!list.contains(item)) {
        List<Object> more = new ArrayList<>(list);
        more.add(item);
        putAt(path, new Tagged(Tag.OVERRIDE, more));
      }
    } else if (existing instanceof Tagged t && t.tag() == Tag.RESET) {
      putAt(path, new Tagged(Tag.OVERRIDE, new ArrayList<>(List.of(item))));
    } else {
      Node now = PatchPaths.nodeAt(current, path);
      if (now instanceof SeqNode seq && item instanceof String text
          && seq.items().stream().anyMatch(n -> n instanceof ScalarNode s && text.equals(s.text()))) {
        return; // already there: adding it again would duplicate it (security_opt is not de-duplicated)
      }
      putAt(path, new ArrayList<>(List.of(item)));
    }
  }

  private static Object emptyLike(Node node) {
    if (node instanceof SeqNode) {
      return List.of();
    }
    if (node instanceof MapNode) {
      return new PatchMap();
    }
    return null;
  }

  // ---- the document ----

  private boolean isJob(List<String> path) {
    return path.size() >= 2 && path.get(0).equals(SERVICES) && jobs.contains(path.get(1));
  }

  /** Writes {@code value} at {@code path}, creating mappings; inside an {@code !override} value no tag is needed. */
  private void putAt(List<String> path, Object value) {
    PatchMap map = root;
    boolean inside = false;
    for (int i = 0; i < path.size() - 1; i++) {
      String key = path.get(i);
      Object v = map.get(key);
      if (v instanceof PatchMap m) {
        map = m;
      } else if (v instanceof Tagged t && t.tag() == Tag.OVERRIDE && t.value() instanceof PatchMap m) {
        map = m;
        inside = true;
      } else if (v instanceof Tagged) {
        PatchMap m = new PatchMap();
        map.put(key, new Tagged(Tag.OVERRIDE, m));
        map.note(key, note(path.subList(0, i + 1), Tag.OVERRIDE));
        map = m;
        inside = true;
      } else {
        map = map.child(key);
      }
    }
    String leaf = path.get(path.size() - 1);
    if ((inside || isJob(path)) && value instanceof Tagged t) {
      if (t.tag() == Tag.RESET) {
        map.remove(leaf);
        return;
      }
      value = t.value();
    }
    map.put(leaf, value);
    map.note(leaf, value instanceof Tagged t ? note(path, t.tag()) : null);
  }

  private void noteAt(List<String> path, String note) {
    PatchMap map = root;
    for (int i = 0; i < path.size() - 1; i++) {
      if (!(map.get(path.get(i)) instanceof PatchMap m)) {
        return;
      }
      map = m;
    }
    map.note(path.get(path.size() - 1), note);
  }

  private void removeAt(List<String> path) {
    PatchMap map = root;
    for (int i = 0; i < path.size() - 1; i++) {
      if (!(map.get(path.get(i)) instanceof PatchMap m)) {
        return;
      }
      map = m;
    }
    map.remove(path.get(path.size() - 1));
  }

  private Object getAt(List<String> path) {
    Object v = root;
    for (String key : path) {
      if (v instanceof Tagged t && t.tag() == Tag.OVERRIDE) {
        v = t.value();
      }
      if (!(v instanceof PatchMap map)) {
        return null;
      }
      v = map.get(key);
    }
    return v;
  }

  /** Names the rule on the block it changed: the service attribute, or the top-level entry. */
  private void attribute(List<String> path, String ruleId) {
    if (path.size() >= 3 && path.get(0).equals(SERVICES)) {
      if (!jobs.contains(path.get(1)) && root.get(SERVICES) instanceof PatchMap services
          && services.get(path.get(1)) instanceof PatchMap service) {
        service.addRule(path.get(2), ruleId);
      }
    } else if (path.size() >= 2 && root.get(path.get(0)) instanceof PatchMap section) {
      section.addRule(path.get(1), ruleId);
    }
  }

  /** Why a value carries its tag, written beside it. */
  static String note(List<String> path, Tag tag) {
    String last = path.get(path.size() - 1);
    String parent = path.size() >= 2 ? path.get(path.size() - 2) : "";
    if (tag == Tag.RESET) {
      if (last.equals("ports")) {
        return "!reset: an override file can add ports, but only a reset removes them";
      }
      if (last.equals("restart_policy")) {
        return "!reset: deploy.restart_policy would win over restart";
      }
      if (last.equals("network_mode")) {
        return "!reset: takes the service off the engine's default bridge";
      }
      if (last.equals("default") && parent.equals("networks")) {
        return "!reset: leaves the project's shared default network";
      }
      return "!reset: removes what the earlier files set";
    }
    if (last.equals("ports")) {
      return "!override: replaces the bindings; merging would keep the old ones as well";
    }
    return "!override: replaces the earlier list; merging would keep its items";
  }

  /** Puts the service attributes in reading order; services keep the project's order, jobs last. */
  void sort(List<String> serviceOrder) {
    if (root.get(SERVICES) instanceof PatchMap services) {
      List<String> order = new ArrayList<>(serviceOrder);
      order.addAll(jobs);
      services.sort(order);
      for (String name : services.keys()) {
        if (services.get(name) instanceof PatchMap service && !jobs.contains(name)) {
          service.sort(SERVICE_ORDER);
        }
      }
    }
    root.sort(List.of("services", "networks", "volumes"));
  }
}

