package dev.lashing.load;

import static dev.lashing.load.SyntheticNodes.text;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.syntax.VolumeSpec;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * compose-go's {@code EnforceUnicity}: in the lists below, an entry whose key was already seen replaces the
 * earlier entry in place. Lists not named here ({@code security_opt}, {@code group_add},
 * {@code external_links}, {@code volumes_from}, {@code device_cgroup_rules}, placement constraints...) keep
 * their duplicates. Items of lists are not looked into. An item Compose refuses here (a mount without a
 * target...) is left out and its problem recorded.
 */
final class Uniqueness {
  @FunctionalInterface
  private interface Indexer {
    String key(Node item, TreePath itemPath);
  }

  private static final Map<TreePath, Indexer> INDEXERS = new LinkedHashMap<>();

  static {
    index("services.*.volumes", Uniqueness::volume);
    index("services.*.devices", Uniqueness::device);
    index("services.*.secrets", (item, at) -> fileMount(item, at, "/run/secrets"));
    index("services.*.configs", (item, at) -> fileMount(item, at, ""));
    index("services.*.ports", Uniqueness::port);
    index("services.*.expose", Uniqueness::expose);
    index("services.*.env_file", Uniqueness::envFile);
    Stream.of(
            "networks.*.labels",
            "networks.*.ipam.options",
            "services.*.annotations",
            "services.*.build.args",
            "services.*.build.additional_contexts",
            "services.*.build.tags",
            "services.*.build.labels",
            "services.*.cap_add",
            "services.*.cap_drop",
            "services.*.deploy.labels",
            "services.*.dns",
            "services.*.dns_opt",
            "services.*.dns_search",
            "services.*.environment",
            "services.*.labels",
            "services.*.links",
            "services.*.networks.*.aliases",
            "services.*.networks.*.link_local_ips",
            "services.*.profiles",
            "services.*.sysctls",
            "services.*.tmpfs")
        .forEach(pattern -> index(pattern, Uniqueness::textBeforeEquals));
  }

  private static final PathPatterns<Indexer> PATTERNS = new PathPatterns<>(INDEXERS);

  private static void index(String pattern, Indexer indexer) {
    INDEXERS.put(TreePath.parse(pattern), indexer);
  }

  private Uniqueness() {}

  /** {@code node} with its lists made unique; {@code node} itself when nothing in it changes. */
  static Node enforce(Node node, TreePath path, List<Diagnostic> problems) {
    return enforce(node, path, PATTERNS.at(path), problems);
  }

  private static Node enforce(Node node, TreePath path, PathPatterns.Cursor<Indexer> cursor, List<Diagnostic> problems) {
    if (cursor.leadsNowhere()) {
      return node;
    }
    if (node instanceof MapNode map) {
      return map.withValuesWalked(e -> {
        PathPatterns.Cursor<Indexer> next = cursor.child(e.name());
        return next.leadsNowhere() ? e.value() : enforce(e.value(), path.child(e.name()), next, problems);
      });
    }
    Indexer indexer = cursor.match();
    if (node instanceof SeqNode seq && indexer != null) {
      return unique(seq, path, indexer, problems);
    }
    return node;
  }

  /**
   * {@link #enforce} on a merge result whose {@code base} was already made unique: the nodes the merge kept
   * from it are not looked at again, so merging many documents one after another costs what each adds.
   */
  static Node enforceOver(Node merged, Node base, TreePath path, List<Diagnostic> problems) {
    return enforceOver(merged, base, null, path, PATTERNS.at(path), problems);
  }

  /**
   * {@link #enforceOver} on a merge whose {@code override} was made unique too (a loaded project, as an
   * {@code include} brings it): what the merge took whole from either side is not looked at again, so a chain
   * of includes costs what each file adds.
   */
  static Node enforceOverBoth(Node merged, Node base, Node override, TreePath path, List<Diagnostic> problems) {
    return enforceOver(merged, base, override, path, PATTERNS.at(path), problems);
  }

  private static Node enforceOver(Node merged, Node base, Node override, TreePath path,
      PathPatterns.Cursor<Indexer> cursor, List<Diagnostic> problems) {
    if (merged == base || (override != null && merged == override) || cursor.leadsNowhere()) {
      return merged;
    }
    if (merged instanceof MapNode map && base instanceof MapNode earlier) {
      // a mapping the merge only extended (new keys appended) is checked from its first new entry
      int from = map.extendsEntriesOf(earlier) ? earlier.size() : 0;
      List<MapNode.Entry> entries = null; // a copy, made at the first entry that changes
      for (int i = from; i < map.size(); i++) {
        MapNode.Entry e = map.entries().get(i);
        Node before = earlier.get(e.name());
        Node after = override instanceof MapNode later ? later.get(e.name()) : null;
        PathPatterns.Cursor<Indexer> next = cursor.child(e.name());
        Node unique = e.value() == before || next.leadsNowhere()
            ? e.value()
            : enforceOver(e.value(), before, after, path.child(e.name()), next, problems);
        if (unique != e.value() && entries == null) {
          entries = new ArrayList<>(map.entries().subList(0, i));
        }
        if (entries != null) {
          entries.add(unique == e.value() ? e : e.withValue(unique));
        }
      }
      return entries == null ? map : map.withEntries(entries);
    }
    return enforce(merged, path, cursor, problems);
  }

  private static SeqNode unique(SeqNode seq, TreePath path, Indexer indexer, List<Diagnostic> problems) {
    List<Node> items = new ArrayList<>(seq.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < seq.size(); i++) {
      Node item = seq.get(i);
      String key;
      try {
        key = indexer.key(item, path.child("[" + i + "]"));
      } catch (ComposeException refused) {
        problems.addAll(refused.diagnostics());
        continue;
      }
      Integer earlier = seen.putIfAbsent(key, items.size());
      if (earlier != null) {
        items.set(earlier, item);
      } else {
        items.add(item);
      }
    }
    return items.size() == seq.size() ? seq : seq.withItems(items);
  }

  // ---- keys; an item of an unexpected kind gets Compose's error or, where Compose has none, the key "" ----

  private static String volume(Node item, TreePath at) {
    if (item instanceof ScalarNode s && s.isString()) {
      try {
        return VolumeSpec.parse(s.value()).target();
      } catch (SyntaxException e) {
        throw new ComposeException(item.origin().usedAt(), e.getMessage());
      }
    }
    return target(item, at, "service volume");
  }

  private static String target(Node item, TreePath at, String what) {
    if (item instanceof MapNode map) {
      if (!(map.get("target") instanceof ScalarNode t) || !t.isString()) {
        throw new ComposeException(item.origin().usedAt(), what + " " + at + " is missing a mount target");
      }
      return t.value();
    }
    return "";
  }

  private static String device(Node item, TreePath at) {
    if (item instanceof ScalarNode s && s.isString()) {
      String[] parts = s.value().split(":", -1);
      return parts.length == 1 ? parts[0] : parts[1];
    }
    return target(item, at, "service device");
  }

  /** A secret or config is mounted at its target, by default {@code <dir>/<source>}. */
  private static String fileMount(Node item, TreePath at, String dir) {
    if (item instanceof ScalarNode s && s.isString()) {
      return dir + "/" + s.value();
    }
    if (item instanceof MapNode map) {
      return map.has("target") ? text(map.get("target")) : dir + "/" + text(map.get("source"));
    }
    throw new ComposeException(item.origin().usedAt(), at + ": unsupported expose value " + shown(item));
  }

  /** {@code host_ip:published:target/protocol}, host 0.0.0.0 and tcp when absent; a string is its own key. */
  private static String port(Node item, TreePath at) {
    if (item instanceof MapNode map) {
      if (!map.has("target")) {
        throw new ComposeException(item.origin().usedAt(), "service ports " + at + " is missing a target port");
      }
      String host = map.has("host_ip") ? text(map.get("host_ip")) : "0.0.0.0";
      String published = map.has("published") ? text(map.get("published")) : "";
      String protocol = map.has("protocol") ? text(map.get("protocol")) : "tcp";
      return host + ":" + published + ":" + text(map.get("target")) + "/" + protocol;
    }
    return item instanceof ScalarNode s && !s.isNull() ? s.text() : "";
  }

  private static String expose(Node item, TreePath at) {
    if (item instanceof ScalarNode s && (s.isString() || s.type() == ScalarNode.Type.INT)) {
      return s.text();
    }
    throw new ComposeException(item.origin().usedAt(), at + ": unsupported expose value " + shown(item));
  }

  private static String envFile(Node item, TreePath at) {
    if (item instanceof ScalarNode s && s.isString()) {
      return s.value();
    }
    if (item instanceof MapNode map) {
      if (!map.has("path")) {
        throw new ComposeException(item.origin().usedAt(), "environment path attribute " + at + " is missing");
      }
      return text(map.get("path"));
    }
    return "";
  }

  private static String textBeforeEquals(Node item, TreePath at) {
    if (!(item instanceof ScalarNode s) || !s.isString()) {
      throw new ComposeException(item.origin().usedAt(), at + ": unexpected type " + goType(item));
    }
    int eq = s.value().indexOf('=');
    return eq < 0 ? s.value() : s.value().substring(0, eq);
  }

  private static String shown(Node item) {
    return item instanceof ScalarNode s ? String.valueOf(s.text()) : item.kindName();
  }

  /** The Go type compose-go names in its messages. */
  private static String goType(Node node) {
    if (node instanceof MapNode) {
      return "map[string]interface {}";
    }
    if (node instanceof SeqNode) {
      return "[]interface {}";
    }
    return switch (((ScalarNode) node).type()) {
      case STRING -> "string";
      case INT -> "int";
      case FLOAT -> "float64";
      case BOOL -> "bool";
      case NULL -> "<nil>";
    };
  }
}
