package dev.lashing.fix;

import dev.lashing.fix.ModelPath.Index;
import dev.lashing.fix.ModelPath.Key;
import dev.lashing.fix.ModelPath.Step;
import dev.lashing.fix.YamlFile.Written;
import dev.lashing.load.LoadResult;
import dev.lashing.source.Offsets;
import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.ParsedYaml;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the nodes of the merged model are written: the compose files of a load as the loader parsed them, the
 * written node each merged node comes from, and the places of the merged model that use each written node
 * (several, when an anchor or a merge key shares it).
 */
final class WrittenPlaces {
  private static final Set<Via.Kind> EXTENDS = EnumSet.of(Via.Kind.EXTENDS);
  private static final Set<Via.Kind> YAML_USES = EnumSet.of(Via.Kind.ALIAS, Via.Kind.MERGE_KEY);

  private final LoadResult load;
  private final Map<String, YamlFile> files = new HashMap<>();
  /**
   * For each written node, the first place of the merged model it is used at (extension fields aside). Made when
   * first asked for: a round that plans no change needs none of it, and it holds every node of the project.
   */
  private Map<Written, Place> firstUsers;
  /** All the places that use a written node used at more than one (an anchor's, a merge key's), in order. */
  private Map<Written, Set<String>> sharedUsers;
  /** The users of each anchored node asked about, with the places where it and its aliases are written. */
  private final Map<Written, Set<String>> withWritten = new IdentityHashMap<>();
  /** For each {@code services} mapping asked about, its services written as mappings of their own, by start. */
  private final Map<Written, Map<Integer, String>> servicesByStart = new IdentityHashMap<>();
  /** {@link #entriesByPlace}, for each list of the merged model asked about. */
  private final Map<SeqNode, Map<SourceRange, List<Integer>>> entriesWrittenAt = new IdentityHashMap<>();
  /** For each file asked about, where the values of its anchors start, by name, in the order the reader met them. */
  private final Map<String, Map<String, List<Integer>>> anchoredStarts = new HashMap<>();

  WrittenPlaces(LoadResult load) {
    this.load = load;
  }

  MapNode tree() {
    return load.tree();
  }

  /**
   * The places of the merged model that use a written node; for a node with an anchor, also the places where it and
   * its aliases are written (see {@link #writtenUsers}).
   */
  Set<String> usersOf(Written w) {
    if (firstUsers == null) {
      firstUsers = new IdentityHashMap<>();
      sharedUsers = new IdentityHashMap<>();
      indexUsers(load.tree(), new Place(null, null));
    }
    Set<String> shared = sharedUsers.get(w);
    Place only = firstUsers.get(w);
    Set<String> users = shared != null ? shared : only == null ? Set.of() : Set.of(only.userKey());
    YamlFile file = w.isAlias() ? null : fileOf(w.node.origin().at());
    if (file == null || file.anchorOf(w) == null) {
      return users;
    }
    Set<String> known = withWritten.get(w);
    if (known == null) {
      Set<String> all = new LinkedHashSet<>(users);
      all.addAll(writtenUsers(file, w));
      known = all.size() == users.size() ? users : all;
      withWritten.put(w, known);
    }
    return known;
  }

  /**
   * The places where an anchored node and its aliases are written, and, for a mapping, those of the mappings that
   * merge it, named as the merged model names its places; not those in extension fields, nor a service written as an
   * alias ({@code web: *base}, see {@link #isService}).
   * The merged model misses some: where a later {@code -f} file writes the node or an alias of it for a service that
   * an earlier file defines ({@code cap_drop: *caps} in {@code compose.prod.yaml}), Compose merges it into the
   * earlier file's value, whose place the merged model names there.
   */
  private Set<String> writtenUsers(YamlFile file, Written anchored) {
    Set<String> users = new LinkedHashSet<>();
    List<Written> written = new ArrayList<>(List.of(anchored));
    written.addAll(file.aliasesOf(anchored));
    for (Written w : written) {
      if (w.parent != null && !inExtension(w) && !isService(w)) {
        users.add(writtenUserKey(w));
      }
    }
    if (anchored.isMap() && !isService(anchored)) {
      // a mapping that merges it takes the keys it does not set itself, a new one too; and so do the places using
      // that mapping, when it has an anchor of its own (a service's own mapping keeps its handling, see isService)
      for (Written merger : file.mergersOf(anchored)) {
        if (!inExtension(merger)) {
          users.add(writtenUserKey(merger));
        }
        if (file.anchorOf(merger) != null) {
          users.addAll(usersOf(merger));
        }
      }
    }
    return users;
  }

  /** The place a written node is at, as {@link #userKey} writes it. */
  private static String writtenUserKey(Written w) {
    List<Step> steps = new ArrayList<>();
    for (Written at = w; at.parent != null; at = at.parent) {
      steps.add(0, at.key != null ? new Key(at.key.value()) : new Index(at.index));
    }
    return userKey(new ModelPath(steps));
  }

  /** The compose file a position is in, or null (a synthetic position, an env file). */
  YamlFile fileOf(SourceRange at) {
    if (at == null || at.isSynthetic() || !load.composeFiles().contains(at.file())) {
      return null;
    }
    return files.computeIfAbsent(at.file(), name -> {
      ParsedYaml parsed = load.parsed().get(name);
      return parsed == null ? null : new YamlFile(parsed);
    });
  }

  /** The written entry of the service {@code service} (in the first file that defines it), or null. */
  Written serviceEntry(String service) {
    if (service == null || !(load.tree().get("services") instanceof MapNode services)) {
      return null;
    }
    MapNode.Entry entry = services.entry(service);
    SourceRange key = entry == null ? null : entry.key().origin().at();
    YamlFile file = fileOf(key);
    if (file == null) {
      return null;
    }
    Written written = file.entryByKey(key);
    return written != null ? written : aliasEntry(file, key, service);
  }

  /**
   * A service written as an alias ({@code w3: *w2}), whose key the file does not index: what the alias brings is
   * indexed where the anchor is.
   */
  private static Written aliasEntry(YamlFile file, SourceRange key, String service) {
    for (Written document : file.documents) {
      Written services = file.child(document, "services");
      if (services != null && services.start() <= key.startOffset() && key.endOffset() <= services.end()) {
        return file.child(services, service);
      }
    }
    return null;
  }

  /** The document whose {@code services} defines a service (the first file that does), or null. */
  Written documentOf(String service) {
    Written w = serviceEntry(service);
    while (w != null && w.parent != null) {
      w = w.parent;
    }
    return w;
  }

  /**
   * The other services of its {@code services} mapping whose own mapping a service (written as {@code service})
   * takes keys from through YAML: the one it is an alias of ({@code w3: *w2}), those it merges ({@code <<: *w1}).
   * These are read from the aliases written in it, since a merge key whose keys the service all sets itself leaves
   * no trace in its mapping.
   */
  Set<String> yamlSourcesOf(Written service) {
    Set<String> sources = new LinkedHashSet<>();
    Written services = service.parent;
    if (services == null || services.isAlias() || !services.isMap()) {
      return sources;
    }
    YamlFile file = fileOf(services.node.origin().at());
    ParsedYaml parsed = file == null ? null : load.parsed().get(file.source.name());
    if (parsed == null) {
      return sources;
    }
    Map<Integer, String> byStart = servicesByStart.computeIfAbsent(services, k -> ownServices(file, services));
    Map<String, List<Integer>> anchors = anchoredStarts.computeIfAbsent(file.source.name(), k -> anchors(parsed));
    List<ParsedYaml.Alias> aliases = parsed.aliases();
    for (int i = Offsets.firstAtOrAfter(aliases.size(), a -> aliases.get(a).start(), service.start());
        i < aliases.size()
        && aliases.get(i).start() < service.end(); i++) {
      ParsedYaml.Alias alias = aliases.get(i);
      int anchored = -1;
      for (int start : anchors.getOrDefault(alias.name(), List.of())) {
        if (start < alias.start()) {
          anchored = start; // the last anchor of the name before the alias is the one it refers to
        }
      }
      String source = byStart.get(anchored);
      if (source != null && !source.equals(service.name())) {
        sources.add(source);
      }
    }
    return sources;
  }

  private static Map<Integer, String> ownServices(YamlFile file, Written services) {
    Map<Integer, String> byStart = new HashMap<>();
    for (MapNode.Entry e : ((MapNode) services.node).entries()) {
      Written service = file.child(services, e.name());
      if (service != null && service.isMap() && !service.isAlias()) {
        byStart.put(service.start(), e.name());
      }
    }
    return byStart;
  }

  private static Map<String, List<Integer>> anchors(ParsedYaml parsed) {
    Map<String, List<Integer>> byName = new HashMap<>();
    for (ParsedYaml.Anchor anchor : parsed.anchors()) {
      byName.computeIfAbsent(anchor.name(), k -> new ArrayList<>()).add(anchor.valueStart());
    }
    return byName;
  }

  /**
   * The positions of a merged list's entries by the place that writes them (a port range writes several), found in
   * one walk of the list for as long as this lasts: a walk for each fix of an item was quadratic in a long list
   * (30,000 ports, each its own finding: 18 s to fix, 66 s to report in SARIF, which plans each fix alone).
   */
  Map<SourceRange, List<Integer>> entriesByPlace(SeqNode list) {
    return entriesWrittenAt.computeIfAbsent(list, l -> {
      Map<SourceRange, List<Integer>> byPlace = new HashMap<>();
      for (int i = 0; i < l.size(); i++) {
        byPlace.computeIfAbsent(l.get(i).origin().at(), at -> new ArrayList<>()).add(i);
      }
      return byPlace;
    });
  }

  /** The merged nodes along {@code path}: the root, then one per step as far as they exist. */
  List<Node> mergedChain(ModelPath path) {
    List<Node> chain = new ArrayList<>();
    Node node = load.tree();
    chain.add(node);
    for (Step step : path.steps()) {
      Node next = step instanceof Index index
          ? node instanceof SeqNode seq && index.position() < seq.size() ? seq.get(index.position()) : null
          : node instanceof MapNode map ? map.get(((Key) step).name()) : null;
      if (next == null) {
        break;
      }
      chain.add(next);
      node = next;
    }
    return chain;
  }

  /**
   * The written node a merged node comes from, when it is written as such (not made by canonicalization);
   * {@code step} is how it is reached from its parent, null for a document.
   */
  static Written match(YamlFile file, Node merged, Step step) {
    for (Written w : file.at(merged.origin().at())) {
      boolean place = step == null ? w.parent == null
          : step instanceof Index ? w.index >= 0
          : ((Key) step).name().equals(w.name());
      if (!place) {
        continue;
      }
      boolean kind = step instanceof Index
          || merged instanceof MapNode && w.isMap()
          || merged instanceof SeqNode && w.isSeq()
          || merged instanceof ScalarNode && w.isScalar();
      if (kind) {
        return w;
      }
    }
    return null;
  }

  /**
   * The written node a merged node comes from, as {@link #match}, and also a value written as an alias under
   * another key than its anchor's: a scalar ({@code x-policy: &p "no"} used as {@code restart: *p}, or
   * {@code privileged: &t true} used as {@code FLAG: *t}), a list or a mapping ({@code x-caps: &caps [NET_RAW]} used
   * as {@code cap_drop: *caps}, {@code x-log: &log {driver: local}} as {@code logging: *log}), or an item written as
   * an alias of a value that is no item ({@code x-port: &p "8080:80"} used as {@code - *p}): the anchored node,
   * which the alias shares. Only an alias written right at the place counts, so that a value canonicalization makes
   * of an aliased item (the {@code target} of {@code - *port}) is not taken for it; only one of the same kind, so
   * that a list canonicalization makes a mapping of ({@code networks: *nets}) is not edited as that mapping; and
   * not a service written as an alias ({@code web: *base}), see {@link #isService}.
   */
  static Written matchShared(YamlFile file, Node merged, Step step) {
    Written w = match(file, merged, step);
    if (w != null || step == null) {
      return w;
    }
    boolean aliasedHere = false;
    for (Via use : merged.origin().via()) {
      Written alias = use.kind() == Via.Kind.ALIAS ? file.aliasAt(use.at()) : null;
      if (alias != null && (step instanceof Key key
          ? sameKind(alias.node, merged) && key.name().equals(alias.name()) && !isService(alias)
          : alias.index >= 0)) {
        aliasedHere = true;
        break;
      }
    }
    if (!aliasedHere) {
      return null;
    }
    for (Written anchored : file.at(merged.origin().at())) {
      if (file.anchorOf(anchored) != null && (step instanceof Index || (merged instanceof ScalarNode value
          ? anchored.node instanceof ScalarNode written && written.value().equals(value.value())
          : sameKind(anchored.node, merged)))) {
        return anchored;
      }
    }
    return null;
  }

  /**
   * Whether a written node is a service's own value ({@code web: *base}): a service that is an alias takes its keys
   * from another through YAML, which the planner handles as such (it waits for that one's fix, or merges it).
   */
  private static boolean isService(Written w) {
    Written services = w.parent;
    return services != null && "services".equals(services.name()) && services.parent != null
        && services.parent.parent == null;
  }

  /** Whether two nodes are both scalars, both lists or both mappings. */
  private static boolean sameKind(Node a, Node b) {
    return a instanceof ScalarNode ? b instanceof ScalarNode
        : a instanceof SeqNode ? b instanceof SeqNode
        : a instanceof MapNode && b instanceof MapNode;
  }

  /**
   * A place of the merged model as the walk of {@link #indexUsers} reaches it: its parent place and the step from
   * there, so that a node's place costs one small object and its key is only written out when two places meet.
   */
  private record Place(Place parent, Step step) {
    String userKey() {
      List<Step> steps = new ArrayList<>();
      for (Place p = this; p.step != null; p = p.parent) {
        steps.add(0, p.step);
      }
      return WrittenPlaces.userKey(new ModelPath(steps));
    }
  }

  private void indexUsers(Node node, Place place) {
    Step step = place.step();
    if (step instanceof Key key && key.name().startsWith("x-")) {
      return;
    }
    if (extendedBy(node) == null) {
      YamlFile file = fileOf(node.origin().at());
      if (file != null) {
        Written w = matchShared(file, node, step);
        if (w != null) {
          Place first = firstUsers.putIfAbsent(w, place);
          if (first != null) {
            String user = place.userKey();
            String firstUser = first.userKey();
            if (!firstUser.equals(user)) {
              sharedUsers.computeIfAbsent(w, k -> new LinkedHashSet<>(List.of(firstUser))).add(user);
            }
          }
        }
      }
    }
    if (node instanceof MapNode map) {
      for (MapNode.Entry e : map.entries()) {
        indexUsers(e.value(), new Place(place, new Key(e.name())));
      }
    } else if (node instanceof SeqNode seq) {
      for (int i = 0; i < seq.size(); i++) {
        indexUsers(seq.get(i), new Place(place, new Index(i)));
      }
    }
  }

  /** Whether a written node is inside an extension field ({@code x-...}): it is no place of the merged model. */
  static boolean inExtension(Written w) {
    for (Written at = w; at != null; at = at.parent) {
      if (at.key != null && at.key.value().startsWith("x-")) {
        return true;
      }
    }
    return false;
  }

  /** A place as {@link #userKey} writes it, for people: {@code services.db.ports[]}. */
  static String describe(String userKey) {
    return String.join(".", userKey.split("\u0000")).replace(".[]", "[]");
  }

  /** A place in the merged model, list positions left out (the items of a port range are one place). */
  static String userKey(ModelPath path) {
    StringBuilder out = new StringBuilder();
    for (Step step : path.steps()) {
      out.append(step instanceof Index ? "[]" : ((Key) step).name()).append('\u0000');
    }
    return out.toString();
  }

  /** The last {@code extends} that brought the node in, or null. */
  static Via extendedBy(Node node) {
    return node.origin().lastUse(EXTENDS);
  }

  /** The last alias or merge key the node was brought in by, or null. */
  static Via lastYaml(Node node) {
    return node.origin().lastUse(YAML_USES);
  }
}
