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
 * {@code docker compose config} prints them: build contexts (additional ones too), build SSH key files, bind
 * mount sources ({@code ~} is the home directory), env_file and label_file paths, watched paths, the files of
 * secrets and configs, and the host folder a local volume binds (compose-go {@code paths/resolve.go}; a watched
 * path is not followed through a symbolic link, as compose-go does when it exists).
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
    if (tree.get("volumes") instanceof MapNode volumes) {
      List<MapNode.Entry> resolved = new ArrayList<>();
      for (MapNode.Entry e : volumes.entries()) {
        resolved.add(e.value() instanceof MapNode v ? e.withValue(boundDevice(v, base)) : e);
      }
      tree = tree.with("volumes", volumes.withEntries(resolved));
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
    if (service.get("build") instanceof MapNode build) {
      MapNode resolved = RemoteResources.isRemote(text(build.get("context"))) ? build : path(build, "context", base);
      if (resolved.get("additional_contexts") instanceof MapNode contexts) {
        resolved = resolved.with("additional_contexts", contexts.withValuesWalked(
            e -> e.value() instanceof ScalarNode s && s.isString() && isLocalContext(s.value()) ? absolute(s, base)
                : e.value()));
      }
      if (resolved.get("ssh") instanceof MapNode keys) {
        resolved = resolved.with("ssh", keys.withValuesWalked(
            e -> e.value() instanceof ScalarNode s && s.isString() ? absolute(s, base) : e.value()));
      }
      service = service.with("build", resolved);
    }
    if (service.get("develop") instanceof MapNode develop && develop.get("watch") instanceof SeqNode watch) {
      service = service.with("develop", develop.with("watch", watch.withItemsWalked(
          w -> w instanceof MapNode rule && rule.get("path") instanceof ScalarNode s && s.isString()
              && !s.value().isEmpty() ? rule.with("path", absolute(s, base)) : w)));
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

  /**
   * An additional build context that is a local folder: not a URL or any {@code scheme://} context
   * ({@code docker-image://}, {@code oci-layout://}), not another service's image ({@code service:}), not a Git
   * reference, not empty (compose-go {@code absContextPath}).
   */
  private static boolean isLocalContext(String context) {
    return !context.isEmpty() && !context.startsWith("service:") && !RemoteResources.isRemote(context);
  }

  /** A local volume that binds a host folder ({@code o: bind}) names it in {@code driver_opts.device}. */
  private static MapNode boundDevice(MapNode volume, Path base) {
    if (volume.get("driver") instanceof ScalarNode driver && "local".equals(driver.text())
        && volume.get("driver_opts") instanceof MapNode options
        && options.get("o") instanceof ScalarNode o && "bind".equals(o.text())) {
      return volume.with("driver_opts", path(options, "device", base));
    }
    return volume;
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
