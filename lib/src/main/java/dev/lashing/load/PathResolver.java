package dev.lashing.load;

import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the relative paths of one canonical document absolute against its working directory, as
 * {@code docker compose config} prints them: build contexts, bind mount sources ({@code ~} is the home
 * directory), env_file and label_file paths, and the files of secrets and configs.
 */
final class PathResolver {
  private PathResolver() {}

  static MapNode resolve(MapNode tree, Path base) {
    MapNode services = tree.get("services") instanceof MapNode m ? m : null;
    if (services != null) {
      List<MapNode.Entry> resolved = new ArrayList<>();
      for (MapNode.Entry e : services.entries()) {
        resolved.add(e.value() instanceof MapNode s ? e.withValue(service(s, base)) : e);
      }
      tree = tree.with("services", services.withEntries(resolved));
    }
    for (String kind : List.of("secrets", "configs")) {
      if (tree.get(kind) instanceof MapNode defs) {
        List<MapNode.Entry> resolved = new ArrayList<>();
        for (MapNode.Entry e : defs.entries()) {
          resolved.add(e.value() instanceof MapNode d ? e.withValue(path(d, "file", base)) : e);
        }
        tree = tree.with(kind, defs.withEntries(resolved));
      }
    }
    return tree;
  }

  private static MapNode service(MapNode service, Path base) {
    if (service.get("build") instanceof MapNode build && !RemoteResources.isRemote(text(build.get("context")))) {
      service = service.with("build", path(build, "context", base));
    }
    if (service.get("volumes") instanceof SeqNode volumes) {
      List<Node> items = new ArrayList<>();
      for (Node v : volumes.items()) {
        items.add(v instanceof MapNode m && "bind".equals(text(m.get("type"))) ? path(m, "source", base) : v);
      }
      service = service.with("volumes", volumes.withItems(items));
    }
    if (service.get("env_file") instanceof SeqNode files) {
      List<Node> items = new ArrayList<>();
      for (Node f : files.items()) {
        items.add(f instanceof MapNode m ? path(m, "path", base) : f);
      }
      service = service.with("env_file", files.withItems(items));
    }
    if (service.get("label_file") instanceof SeqNode files) {
      List<Node> items = new ArrayList<>();
      for (Node f : files.items()) {
        items.add(f instanceof ScalarNode s && s.isString() ? absolute(s, base) : f);
      }
      service = service.with("label_file", files.withItems(items));
    } else if (service.get("label_file") instanceof ScalarNode s && s.isString()) {
      service = service.with("label_file", absolute(s, base));
    }
    return service;
  }

  private static MapNode path(MapNode map, String key, Path base) {
    return map.get(key) instanceof ScalarNode s && s.isString() ? map.with(key, absolute(s, base)) : map;
  }

  private static ScalarNode absolute(ScalarNode value, Path base) {
    return value.withValue(absolute(value.value(), base), ScalarNode.Type.STRING);
  }

  static String absolute(String path, Path base) {
    if (path.equals("~") || path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home")).resolve(path.substring(Math.min(2, path.length())))
          .normalize().toString();
    }
    if (path.startsWith("/") || isWindowsDrivePath(path) || path.startsWith("\\\\")) {
      return path;
    }
    return base.resolve(path).normalize().toString();
  }

  /** {@code C:\\...} or {@code C:/...}; by hand, since every relative path of every project is asked. */
  private static boolean isWindowsDrivePath(String path) {
    return path.length() >= 3 && (path.charAt(0) | 0x20) >= 'a' && (path.charAt(0) | 0x20) <= 'z'
        && path.charAt(1) == ':' && (path.charAt(2) == '\\' || path.charAt(2) == '/');
  }

  /** A build context Compose hands to the builder as is: a Git or HTTP URL. */
  private static String text(Node node) {
    return node instanceof ScalarNode s ? s.text() : null;
  }
}
