package dev.lashing.fix;

import dev.lashing.fix.Action.AppendItem;
import dev.lashing.fix.Action.RemoveIt;
import dev.lashing.fix.Action.SetTo;
import dev.lashing.fix.ModelPath.Index;
import dev.lashing.fix.ModelPath.Key;
import dev.lashing.fix.ModelPath.Step;
import dev.lashing.fix.Renderer.Unwritable;
import dev.lashing.fix.YamlFile.Written;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.YamlStrings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a change below a written node into structural edits of what is written there: into the node itself,
 * through Compose's short forms (a list of networks, a list of dependencies, a string where a list may stand),
 * or overriding what a merge key or an alias brings in (repeating it with {@code <<: *anchor}, adding the anchor
 * when missing).
 */
final class NodeWriter {
  /** Anchors this plan adds, by the node they go on, so that two fixes use the same name. */
  private final Map<Written, String> newAnchors = new IdentityHashMap<>();
  /** The variables the files were interpolated with: what a port written with them means. */
  private final Map<String, String> variables;

  NodeWriter(Map<String, String> variables) {
    this.variables = variables;
  }

  /**
   * The edits that write {@code items} in place of the list item {@code w} (which stands for the merged items
   * {@code merged}, several for a port range): as a scalar, in the item's short form, key by key in a written
   * mapping, or as new items.
   */
  List<Op> replaceItem(YamlFile file, Written w, List<Node> merged, List<Object> items) throws Unwritable {
    if (items.size() == 1 && YamlText.isScalar(items.get(0)) && w.isScalar()) {
      refuseVariable(w);
      return List.of(new Op.Replace(file, w, items.get(0)));
    }
    if (items.stream().allMatch(i -> i instanceof Map<?, ?>) && w.isScalar() && !w.isAlias()) {
      String shortForm = PortShortForm.rewrite((ScalarNode) w.node, merged, items, file.style.quote(), variables);
      if (shortForm != null) {
        return List.of(new Op.RawReplace(file, w, shortForm, true));
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
          ops.addAll(walk(file, w, ModelPath.keys(e.getKey().toString()), new SetTo(e.getValue())));
        }
      }
      for (MapNode.Entry e : old.entries()) {
        if (!map.containsKey(e.name())) {
          ops.addAll(walk(file, w, ModelPath.keys(e.name()), new RemoveIt()));
        }
      }
      return ops;
    }
    refuseVariable(w);
    return List.of(new Op.ReplaceItem(file, w, items));
  }

  /**
   * The edits that perform {@code action} at {@code rest} below the written node {@code w}: into what is
   * written there, through canonical short forms (a list of networks, a list of dependencies, a string
   * where a list may stand), overriding what a merge key or an alias brings in.
   */
  List<Op> walk(YamlFile file, Written w, ModelPath rest, Action action) throws Unwritable {
    if (rest.isEmpty()) {
      return terminal(file, w, action);
    }
    Step step = rest.first();
    ModelPath more = rest.from(1);
    if (w.isMap() && !w.isAlias()) {
      String key = key(step);
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
      if (step instanceof Index index) {
        Written item = file.item(w, index.position());
        if (item == null || item.isAlias()) {
          throw new Unwritable("cannot find item " + step + " of " + w.path());
        }
        return walk(file, item, more, action);
      }
      if ("networks".equals(w.name())) {
        return networksList(file, w, rest, action);
      }
      if ("depends_on".equals(w.name())) {
        return dependsOnList(file, w, rest, action);
      }
      throw new Unwritable(w.path() + " is a list; cannot set " + step + " in it");
    }
    if (w.node instanceof ScalarNode s && s.isNull() && !w.isAlias()) {
      if (action instanceof RemoveIt) {
        return List.of();
      }
      return List.of(new Op.Replace(file, w, nest(rest, action)));
    }
    throw new Unwritable(w.path() + " is written as a " + w.node.kindName() + "; cannot set "
        + rest + " in it");
  }

  private List<Op> terminal(YamlFile file, Written w, Action action) throws Unwritable {
    if (action instanceof SetTo set) {
      if (set.value() instanceof Map<?, ?> map && w.isMap() && !w.isAlias() && !map.isEmpty()) {
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          ops.addAll(walk(file, w, ModelPath.keys(e.getKey().toString()), new SetTo(e.getValue())));
        }
        return ops;
      }
      if (set.value() instanceof Map<?, ?> map && w.isMap() && !map.isEmpty()) {
        // an alias of a mapping (`logging: *log`): the keys set over `<<: *log`, as they would be in its mapping
        List<Op> ops = new ArrayList<>();
        Object value = overlaid(file, (MapNode) w.node, map, ops);
        if (value == null) {
          return List.of();
        }
        ops.add(new Op.Replace(file, w, value));
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
      // a single string where a list may stand (tmpfs: /run): write both as a list, the string as it is written
      String old = s.style() == ScalarNode.Style.PLAIN && YamlStrings.isPlainSafe(s.value(), true) ? s.value()
          : s.style() == ScalarNode.Style.PLAIN || s.style() == ScalarNode.Style.LITERAL
              || s.style() == ScalarNode.Style.FOLDED
              ? YamlStrings.quoted(s.value(), file.style.quote())
              : file.text.substring(w.start(), w.end());
      if (w.key != null && w.parent != null && !file.isFlow(w.parent) && file.anchorOf(w) == null
          && file.tagOf(w) == null) {
        // in block context, in the style the file writes its lists of this key in, else most of its lists in (an
        // anchor or tag stays before the value, which the flow list below keeps in place)
        return List.of(new Op.Replace(file, w, List.of(new YamlText.Raw(old), item)));
      }
      return List.of(new Op.RawReplace(file, w, "[" + old + ", " + file.yaml.flow(item) + "]", false));
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
  private List<Op> networksList(YamlFile file, Written list, ModelPath rest, Action action) throws Unwritable {
    String network = key(rest.first());
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
    throw new Unwritable(list.path() + " is written as a list; cannot set " + rest + " in it");
  }

  /** {@code depends_on: [a, b]} becomes the long form when a condition must be set. */
  private List<Op> dependsOnList(YamlFile file, Written list, ModelPath rest, Action action)
      throws Unwritable {
    if (!(action instanceof SetTo set) || rest.size() != 2) {
      throw new Unwritable(list.path() + " is written as a list; cannot change " + rest);
    }
    String dependency = key(rest.get(0));
    String field = key(rest.get(1));
    Map<String, Object> longForm = new LinkedHashMap<>();
    for (Node item : ((SeqNode) list.node).items()) {
      if (!(item instanceof ScalarNode s) || !item.origin().via().isEmpty() || s.value().contains("$")) {
        throw new Unwritable(list.path() + " has items that cannot be rewritten in the long form");
      }
      Map<String, Object> condition = new LinkedHashMap<>();
      condition.put("condition", "service_started");
      longForm.put(s.value(), condition);
    }
    if (!longForm.containsKey(dependency)) {
      throw new Unwritable(list.path() + " does not list " + dependency);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> entry = (Map<String, Object>) longForm.get(dependency);
    if (!field.equals("condition")) {
      entry.put(field, set.value());
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
  private Object overlay(YamlFile file, Node inherited, ModelPath rest, Action action, List<Op> ops)
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
    String anchor = anchorFor(file, definitionOf(file, map), ops);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("<<", new YamlText.Alias(anchor));
    String key = key(rest.first());
    out.put(key, overlay(file, map.get(key), rest.from(1), action, ops));
    return out;
  }

  /**
   * The value to write in place of an alias of the mapping {@code inherited} so that {@code value}'s keys are set in
   * it as they would be in a written mapping (see {@link #terminal}): {@code <<: *anchor} and the keys whose value
   * changes, a nested mapping of both likewise; null when none changes.
   */
  private Object overlaid(YamlFile file, MapNode inherited, Map<?, ?> value, List<Op> ops) throws Unwritable {
    Map<String, Object> changed = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : value.entrySet()) {
      String key = e.getKey().toString();
      Node was = inherited.get(key);
      if (e.getValue() instanceof Map<?, ?> nested && !nested.isEmpty() && was instanceof MapNode wasMap) {
        Object over = overlaid(file, wasMap, nested, ops);
        if (over != null) {
          changed.put(key, over);
        }
      } else if (!(was instanceof ScalarNode s && same(s, e.getValue()))) {
        changed.put(key, e.getValue());
      }
    }
    if (changed.isEmpty()) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("<<", new YamlText.Alias(anchorFor(file, definitionOf(file, inherited), ops)));
    out.putAll(changed);
    return out;
  }

  /** Where an inherited mapping is written. */
  private static Written definitionOf(YamlFile file, MapNode map) throws Unwritable {
    Written definition = null;
    for (Written w : file.at(map.origin().at())) {
      if (w.isMap()) {
        definition = w;
      }
    }
    if (definition == null) {
      throw new Unwritable("cannot find where the inherited mapping is written");
    }
    return definition;
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
  private static Map<String, Object> nest(ModelPath path, Action action) throws Unwritable {
    Object value = action instanceof SetTo set ? set.value()
        : action instanceof AppendItem append ? List.of(append.item())
        : null;
    for (int i = path.size() - 1; i > 0; i--) {
      value = single(key(path.get(i)), value);
    }
    return single(key(path.first()), value);
  }

  /** The key a step names; a list position cannot stand where a mapping key must be written. */
  private static String key(Step step) throws Unwritable {
    if (step instanceof Key key) {
      return key.name();
    }
    throw new Unwritable("cannot write the list position " + step + " as a mapping key");
  }
}
