package dev.lashing.render;

import dev.lashing.syntax.ByteSize;
import dev.lashing.syntax.FileMode;
import dev.lashing.syntax.GoDuration;
import dev.lashing.syntax.GoInteger;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.Scalars;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.YamlWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prints a normalized project tree the way {@code docker compose config} does: top-level sections in
 * Compose's order, services sorted, the attributes of compose-go's structs (service, port, mount, deploy,
 * depends_on entry, network, volume...) in their Go field order, mappings that are Go maps sorted by key,
 * omitempty fields left out when empty or false, the values of string mappings (labels, driver_opts, logging
 * options...) as strings and never null, extra_hosts and single ulimits in compose-go's forms, durations and
 * byte sizes in Compose's forms, {@code x-*} extensions as written (sorted), and every {@code $}, keys included,
 * escaped as {@code $$} so the output loads again unchanged.
 */
public final class ConfigWriter {
  private static final List<String> TOP_LEVEL =
      List.of("name", "services", "networks", "volumes", "secrets", "configs", "models");
  private static final List<String> FILE_REFERENCE = List.of("source", "target", "uid", "gid", "mode");
  private static final List<String> FILE_OBJECT = List.of("name", "file", "environment", "content", "external",
      "labels", "driver", "driver_opts", "template_driver");
  private static final List<String> UPDATE_CONFIG =
      List.of("parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order");
  private static final List<String> RESOURCE = List.of("cpus", "memory", "pids", "devices", "generic_resources");
  private static final List<String> THROTTLE_DEVICE = List.of("path", "rate");
  private static final List<String> DEVICE_REQUEST = List.of("capabilities", "driver", "count", "device_ids",
      "options");
  /** compose-go's ServiceConfig field order. */
  private static final List<String> SERVICE_FIELDS = List.of(
      "profiles", "annotations", "attach", "build", "develop", "blkio_config", "cap_add", "cap_drop",
      "cgroup_parent", "cgroup", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period",
      "cpu_rt_runtime", "cpus", "cpuset", "cpu_shares", "command", "configs", "container_name",
      "credential_spec", "depends_on", "deploy", "device_cgroup_rules", "devices", "dns", "dns_opt",
      "dns_search", "dockerfile", "domainname", "entrypoint", "provider", "environment", "env_file", "expose",
      "extends", "external_links", "extra_hosts", "group_add", "gpus", "hostname", "healthcheck", "image",
      "init", "ipc", "isolation", "labels", "label_file", "links", "logging", "mem_limit", "mem_reservation",
      "memswap_limit", "mem_swappiness", "mac_address", "models", "net", "network_mode", "networks",
      "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "privileged",
      "pull_policy", "read_only", "restart", "runtime", "scale", "secrets", "security_opt", "shm_size",
      "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits",
      "use_api_socket", "user", "userns_mode", "uts", "volume_driver", "volumes", "volumes_from",
      "working_dir", "pre_start", "post_start", "pre_stop");
  /** compose-go's ServiceHook, the shape of a lifecycle hook and of a watch rule's exec. */
  private static final List<String> HOOK = List.of(
      "command", "image", "user", "privileged", "working_dir", "environment", "per_replica");
  /**
   * compose-go's struct field orders, by generalized path: a struct field keeps its name, a key of a Go map is
   * {@code *}, a list item {@code []}. A mapping at a path not named here is a Go map, printed sorted.
   */
  private static final Map<String, List<String>> STRUCTS = Map.ofEntries(
      Map.entry("", TOP_LEVEL),
      Map.entry("services.*", SERVICE_FIELDS),
      Map.entry("services.*.build", List.of("context", "dockerfile", "dockerfile_inline", "entitlements", "args",
          "provenance", "sbom", "ssh", "labels", "cache_from", "cache_to", "no_cache", "no_cache_filter",
          "additional_contexts", "pull", "extra_hosts", "isolation", "network", "target", "secrets", "shm_size",
          "tags", "ulimits", "platforms", "privileged")),
      Map.entry("services.*.healthcheck", List.of("test", "timeout", "interval", "retries", "start_period",
          "start_interval", "disable")),
      Map.entry("services.*.ports.[]", List.of("name", "mode", "host_ip", "target", "published", "protocol",
          "app_protocol")),
      Map.entry("services.*.volumes.[]", List.of("type", "source", "target", "read_only", "consistency", "bind",
          "volume", "tmpfs", "image")),
      Map.entry("services.*.volumes.[].bind", List.of("selinux", "propagation", "create_host_path", "recursive")),
      Map.entry("services.*.volumes.[].volume", List.of("labels", "nocopy", "subpath")),
      Map.entry("services.*.volumes.[].tmpfs", List.of("size", "mode")),
      Map.entry("services.*.depends_on.*", List.of("condition", "restart", "required")),
      Map.entry("services.*.devices.[]", List.of("source", "target", "permissions")),
      Map.entry("services.*.ulimits.*", List.of("soft", "hard")),
      Map.entry("services.*.build.ulimits.*", List.of("soft", "hard")),
      Map.entry("services.*.secrets.[]", FILE_REFERENCE),
      Map.entry("services.*.configs.[]", FILE_REFERENCE),
      Map.entry("services.*.build.secrets.[]", FILE_REFERENCE),
      Map.entry("services.*.logging", List.of("driver", "options")),
      Map.entry("services.*.develop", List.of("watch")),
      Map.entry("services.*.develop.watch.[]", List.of("path", "action", "target", "exec", "include", "ignore",
          "initial_sync")),
      Map.entry("services.*.develop.watch.[].exec", HOOK),
      Map.entry("services.*.provider", List.of("type", "options")),
      Map.entry("services.*.models.*", List.of("endpoint_var", "model_var")),
      Map.entry("services.*.credential_spec", List.of("config", "file", "registry")),
      Map.entry("models.*", List.of("name", "model", "context_size", "runtime_flags")),
      Map.entry("services.*.pre_start.[]", HOOK),
      Map.entry("services.*.post_start.[]", HOOK),
      Map.entry("services.*.pre_stop.[]", HOOK),
      Map.entry("services.*.blkio_config", List.of("weight", "weight_device", "device_read_bps", "device_read_iops",
          "device_write_bps", "device_write_iops")),
      Map.entry("services.*.blkio_config.weight_device.[]", List.of("path", "weight")),
      Map.entry("services.*.blkio_config.device_read_bps.[]", THROTTLE_DEVICE),
      Map.entry("services.*.blkio_config.device_read_iops.[]", THROTTLE_DEVICE),
      Map.entry("services.*.blkio_config.device_write_bps.[]", THROTTLE_DEVICE),
      Map.entry("services.*.blkio_config.device_write_iops.[]", THROTTLE_DEVICE),
      Map.entry("services.*.networks.*", List.of("aliases", "driver_opts", "gw_priority", "interface_name",
          "ipv4_address", "ipv6_address", "link_local_ips", "mac_address", "priority")),
      Map.entry("services.*.deploy", List.of("mode", "replicas", "labels", "update_config", "rollback_config",
          "resources", "restart_policy", "placement", "endpoint_mode")),
      Map.entry("services.*.deploy.update_config", UPDATE_CONFIG),
      Map.entry("services.*.deploy.rollback_config", UPDATE_CONFIG),
      Map.entry("services.*.deploy.resources", List.of("limits", "reservations")),
      Map.entry("services.*.deploy.resources.limits", RESOURCE),
      Map.entry("services.*.deploy.resources.reservations", RESOURCE),
      Map.entry("services.*.deploy.resources.limits.devices.[]", DEVICE_REQUEST),
      Map.entry("services.*.deploy.resources.reservations.devices.[]", DEVICE_REQUEST),
      Map.entry("services.*.gpus.[]", DEVICE_REQUEST),
      Map.entry("services.*.deploy.restart_policy", List.of("condition", "delay", "max_attempts", "window")),
      Map.entry("services.*.deploy.placement", List.of("constraints", "preferences", "max_replicas_per_node")),
      Map.entry("networks.*", List.of("name", "driver", "driver_opts", "ipam", "external", "internal",
          "attachable", "labels", "enable_ipv4", "enable_ipv6")),
      Map.entry("networks.*.ipam", List.of("driver", "config")),
      Map.entry("networks.*.ipam.config.[]", List.of("subnet", "gateway", "ip_range", "aux_addresses")),
      Map.entry("volumes.*", List.of("name", "driver", "driver_opts", "external", "labels")),
      Map.entry("secrets.*", FILE_OBJECT),
      Map.entry("configs.*", FILE_OBJECT));
  private static final Map<String, Map<String, Integer>> FIELD_RANKS = ranks(STRUCTS);
  /**
   * The mappings compose-go holds as {@code map[string]string}, so that every value prints as a string: its
   * {@code Labels}, {@code Mapping} and {@code Options} (each decoded with {@code fmt.Sprint}, a null as ""), and
   * plain {@code map[string]string} fields (an int decoded with {@code strconv.FormatInt}, a null as ""). So
   * {@code driver_opts: {mtu: 1450}} prints {@code mtu: '1450'} and {@code 1e6} prints {@code '1e+06'}.
   */
  private static final Set<String> STRING_MAPS = Set.of(
      // Labels
      "services.*.labels", "services.*.build.labels", "services.*.deploy.labels", "networks.*.labels",
      "volumes.*.labels", "secrets.*.labels", "configs.*.labels",
      // Mapping
      "services.*.annotations", "services.*.sysctls", "services.*.build.additional_contexts",
      "services.*.volumes.[].volume.labels", "networks.*.ipam.config.[].aux_addresses",
      "services.*.deploy.resources.limits.devices.[].options",
      "services.*.deploy.resources.reservations.devices.[].options", "services.*.gpus.[].options",
      // Options
      "services.*.logging.options", "services.*.networks.*.driver_opts", "networks.*.driver_opts",
      "networks.*.ipam.options", "volumes.*.driver_opts",
      // map[string]string
      "services.*.storage_opt", "secrets.*.driver_opts", "configs.*.driver_opts");
  /** compose-go's HostsList: printed as sorted {@code host=ip} entries. */
  private static final Set<String> HOSTS = Set.of("services.*.extra_hosts", "services.*.build.extra_hosts");
  private static final Set<String> ULIMITS = Set.of("services.*.ulimits.*", "services.*.build.ulimits.*");
  /** Plain {@code bool} fields tagged omitempty: Compose leaves them out when false. */
  private static final Set<String> OMITTED_WHEN_FALSE = Set.of(
      "services.*.oom_kill_disable", "services.*.privileged", "services.*.read_only", "services.*.stdin_open",
      "services.*.tty", "services.*.use_api_socket", "services.*.depends_on.*.restart",
      "services.*.volumes.[].read_only", "services.*.volumes.[].volume.nocopy", "services.*.healthcheck.disable",
      "services.*.build.no_cache", "services.*.build.pull", "services.*.build.privileged",
      "services.*.pre_start.[].privileged", "services.*.pre_start.[].per_replica",
      "services.*.post_start.[].privileged", "services.*.post_start.[].per_replica",
      "services.*.pre_stop.[].privileged", "services.*.pre_stop.[].per_replica",
      "services.*.develop.watch.[].initial_sync", "services.*.develop.watch.[].exec.privileged",
      "services.*.develop.watch.[].exec.per_replica",
      "networks.*.external", "networks.*.internal", "networks.*.attachable", "volumes.*.external",
      "secrets.*.external", "configs.*.external");
  /**
   * compose-go's OptOut booleans, true by default: their {@code IsZero} is true when they are, so Compose leaves
   * them out when true and prints them when false ({@code bind: {}} for a short-syntax bind mount).
   */
  private static final Set<String> OMITTED_WHEN_TRUE = Set.of("services.*.volumes.[].bind.create_host_path");
  /**
   * Number, byte size and duration fields that are not pointers and are tagged omitempty: Compose leaves them out
   * when zero ({@code cpu_shares: 0}, {@code pids: 0}, {@code delay: 0s}).
   */
  private static final Set<String> OMITTED_WHEN_ZERO = Set.of(
      "services.*.cpu_count", "services.*.cpu_percent", "services.*.cpu_period", "services.*.cpu_quota",
      "services.*.cpu_rt_period", "services.*.cpu_rt_runtime", "services.*.cpus", "services.*.cpu_shares",
      "services.*.mem_limit", "services.*.mem_reservation", "services.*.memswap_limit", "services.*.mem_swappiness",
      "services.*.oom_score_adj", "services.*.pids_limit", "services.*.shm_size", "services.*.build.shm_size",
      "services.*.blkio_config.weight", "services.*.ports.[].target", "services.*.volumes.[].tmpfs.size",
      "services.*.volumes.[].tmpfs.mode", "services.*.networks.*.gw_priority", "services.*.networks.*.priority",
      "services.*.deploy.update_config.delay", "services.*.deploy.update_config.monitor",
      "services.*.deploy.update_config.max_failure_ratio", "services.*.deploy.rollback_config.delay",
      "services.*.deploy.rollback_config.monitor", "services.*.deploy.rollback_config.max_failure_ratio",
      "services.*.deploy.resources.limits.cpus", "services.*.deploy.resources.limits.memory",
      "services.*.deploy.resources.limits.pids", "services.*.deploy.resources.reservations.cpus",
      "services.*.deploy.resources.reservations.memory", "services.*.deploy.resources.reservations.pids",
      "services.*.deploy.placement.max_replicas_per_node", "services.*.deploy.resources.limits.devices.[].count",
      "services.*.deploy.resources.reservations.devices.[].count", "services.*.gpus.[].count");
  /**
   * Struct fields that are not pointers and are tagged omitempty: Compose leaves them out when every field is
   * zero, that is left out already or one of the lists and maps named here, empty (a pointer to a struct, such as
   * {@code resources.limits}, is not zero even when empty).
   */
  private static final Map<String, Set<String>> OMITTED_WHEN_ALL_ZERO = Map.of(
      "services.*.deploy.resources", Set.of(),
      "services.*.deploy.placement", Set.of("constraints", "preferences"),
      "networks.*.ipam", Set.of("config", "options"),
      "services.*.develop.watch.[].exec", Set.of());
  /** compose-go's DeviceCount, an int64: {@code all} is -1, a string of digits its number, 0 left out. */
  private static final Set<String> DEVICE_COUNTS = Set.of("services.*.deploy.resources.limits.devices.[].count",
      "services.*.deploy.resources.reservations.devices.[].count", "services.*.gpus.[].count");
  /**
   * The fields of compose-go's structs that are held as pointers to structs Lashing prints sorted (so printed
   * when empty, as {@code {}}) or as ShellCommands (whose IsZero is only for nil, so {@code command: []} is
   * printed). Every other field that is a mapping or a list is a Go map or slice tagged omitempty: Compose leaves
   * it out when empty ({@code cap_add: []}, {@code labels: {}}).
   */
  private static final Set<String> KEPT_WHEN_EMPTY = Set.of(
      "services.*.command", "services.*.entrypoint", "services.*.pre_start.[].command",
      "services.*.post_start.[].command", "services.*.pre_stop.[].command",
      "services.*.develop.watch.[].exec.command", "services.*.extends", "services.*.volumes.[].image");
  /**
   * Fields encoding/json writes even when absent: ShellCommands, whose json tag has no omitempty (null), and
   * structs held by value, which omitempty does not leave out ({@code {}}).
   */
  private static final Map<String, List<String>> JSON_ALWAYS = Map.of(
      "services.*", List.of("command", "entrypoint"),
      "services.*.pre_start.[]", List.of("command"),
      "services.*.post_start.[]", List.of("command"),
      "services.*.pre_stop.[]", List.of("command"),
      "services.*.develop.watch.[]", List.of("exec"),
      "services.*.develop.watch.[].exec", List.of("command"),
      "services.*.deploy", List.of("resources", "placement"),
      "networks.*", List.of("ipam"));
  /** compose-go's MultiOptions, a map of lists of strings: a single value is a list of one. */
  private static final String MULTI_OPTIONS = "services.*.provider.options";
  /** compose-go's FileMode, printed as an octal string ({@code "0440"}). */
  private static final Set<String> FILE_MODES = Set.of(
      "services.*.secrets.[].mode", "services.*.configs.[].mode", "services.*.build.secrets.[].mode");
  private static final Set<String> DURATIONS = Set.of(
      "interval", "timeout", "start_period", "start_interval", "stop_grace_period", "delay", "window",
      "monitor");
  /** compose-go's UnitBytes fields, printed as a string of bytes ({@code mem_limit: 1g} is '1073741824'). */
  private static final Set<String> BYTE_SIZES = Set.of(
      "mem_limit", "mem_reservation", "memswap_limit", "mem_swappiness", "shm_size", "memory", "size", "rate");

  private ConfigWriter() {}

  public static String yaml(MapNode project) {
    return YamlWriter.document(plain(project));
  }

  public static String json(MapNode project) {
    StringBuilder out = new StringBuilder();
    Json.write(jsonForm(plain(project), ""), out, "");
    return out.append('\n').toString();
  }

  /** The project as ordered Java maps, lists and scalars, in output order and form. */
  static Object plain(MapNode project) {
    return convert(project, "", false);
  }

  /**
   * {@code path} is the generalized path of the node; {@code raw} is true inside {@code x-*} extensions, which
   * Compose prints as read (Go maps, sorted, no conversion).
   */
  private static Object convert(Node node, String path, boolean raw) {
    if (node instanceof MapNode map) {
      if (!raw && ULIMITS.contains(path) && singleUlimit(map) != null) {
        return scalar(singleUlimit(map), null);
      }
      if (!raw) {
        map = withDefaults(map, path);
      }
      Map<String, Integer> fields = raw ? null : FIELD_RANKS.get(path);
      List<MapNode.Entry> entries = new ArrayList<>(map.entries());
      if (fields != null) {
        entries.sort((a, b) -> {
          int byRank = Integer.compare(rank(fields, a.name()), rank(fields, b.name()));
          return byRank != 0 ? byRank : a.name().compareTo(b.name());
        });
      } else {
        entries.sort((a, b) -> a.name().compareTo(b.name()));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (MapNode.Entry e : entries) {
        String child = fields == null ? child(path, "*") : child(path, e.name());
        boolean extension = raw || fields != null && e.name().startsWith("x-");
        if (!extension && fields != null && omitted(child, e.value())) {
          continue;
        }
        Object value = !(e.value() instanceof ScalarNode s) || extension ? convert(e.value(), child, extension)
            : FILE_MODES.contains(child) ? fileMode(s)
            : DEVICE_COUNTS.contains(child) ? deviceCount(s)
            : !raw && STRING_MAPS.contains(path) ? goString(s)
            : !raw && MULTI_OPTIONS.equals(path) ? List.of(goString(s))
            : scalar(s, fields == null ? null : e.name());
        if (!extension && (OMITTED_WHEN_ZERO.contains(child) && isZero(value)
            || value instanceof Map<?, ?> struct && allZero(struct, OMITTED_WHEN_ALL_ZERO.get(child))
            || fields != null && isEmptyCollection(value) && !FIELD_RANKS.containsKey(child)
            && !KEPT_WHEN_EMPTY.contains(child))) {
          continue;
        }
        out.put(escape(e.name()), value);
      }
      return out;
    }
    if (node instanceof SeqNode seq) {
      List<Object> out = new ArrayList<>(seq.size());
      boolean multiOption = !raw && path.equals(MULTI_OPTIONS + ".*");
      for (Node item : seq.items()) {
        out.add(multiOption && item instanceof ScalarNode s ? goString(s) : convert(item, child(path, "[]"), raw));
      }
      return !raw && HOSTS.contains(path) ? hosts(out) : out;
    }
    return scalar((ScalarNode) node, null);
  }

  /**
   * The printed project as Go's encoding/json writes compose-go's project where it differs from go-yaml
   * ({@code Project.MarshalJSON} and the structs' json tags): the top level is a Go map, its keys sorted, without
   * {@code models}; the structs' {@code x-*} extensions are tagged {@code json:"-"} and left out (the top level's
   * are kept); {@code command} and {@code entrypoint} (of a service, and a hook's command) are not omitempty, so
   * a missing one is {@code null}; omitempty does not leave out a struct held by value, so a network has its
   * {@code ipam} and a deploy block its {@code resources} and {@code placement}, if only {@code {}}; a ulimit is
   * marshalled as UlimitsConfig, its zero soft and hard limits left out; blkio devices have no json tags, so
   * their fields keep the Go names ({@code Path}, {@code Weight}, {@code Rate}).
   */
  private static Object jsonForm(Object value, String path) {
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(jsonForm(item, child(path, "[]"))));
      return out;
    }
    if (!(value instanceof Map<?, ?> map)) {
      return value;
    }
    Map<String, Integer> fields = FIELD_RANKS.get(path);
    Map<String, Object> out = new LinkedHashMap<>();
    if (path.isEmpty()) {
      new TreeMap<>(map).forEach((k, v) -> {
        if (!"models".equals(k)) {
          out.put((String) k, ((String) k).startsWith("x-") ? v : jsonForm(v, child(path, (String) k)));
        }
      });
      return out;
    }
    if (fields == null) {
      map.forEach((k, v) -> out.put((String) k, jsonForm(v, child(path, "*"))));
      return out;
    }
    List<String> keys = new ArrayList<>();
    map.keySet().forEach(k -> keys.add((String) k));
    for (String always : JSON_ALWAYS.getOrDefault(path, List.of())) {
      if (!map.containsKey(always)) {
        keys.add(always);
      }
    }
    keys.sort((a, b) -> Integer.compare(rank(fields, a), rank(fields, b)));
    for (String k : keys) {
      if (k.startsWith("x-") || ULIMITS.contains(path) && isZero(map.get(k))) {
        continue;
      }
      Object v = map.containsKey(k) ? map.get(k)
          : k.equals("command") || k.equals("entrypoint") ? null : new LinkedHashMap<>();
      v = jsonForm(v, child(path, k));
      out.put(path.startsWith("services.*.blkio_config.") ? Character.toUpperCase(k.charAt(0)) + k.substring(1) : k,
          v);
    }
    return out;
  }

  /** The defaults compose-go's SetDefaultValues fills in that the model leaves out (transform/defaults.go): a
   * service's secret with no target is mounted at {@code /run/secrets/<source>} ({@code defaultSecretMount}), and
   * a gpus or reserved device request that names neither a count nor device ids asks for them all
   * ({@code deviceRequestDefaults}).
   */
  private static MapNode withDefaults(MapNode map, String path) {
    switch (path) {
      case "services.*.secrets.[]" -> {
        if (!map.has("target") && map.get("source") instanceof ScalarNode source && source.isString()) {
          return map.with("target", ScalarNode.string("/run/secrets/" + source.value(), map.origin()));
        }
      }
      case "services.*.gpus.[]", "services.*.deploy.resources.reservations.devices.[]" -> {
        if (!map.has("count") && !map.has("device_ids")) {
          return map.with("count", ScalarNode.string("all", map.origin()));
        }
      }
      default -> {
        // no default
      }
    }
    return map;
  }

  /** compose-go's fields are tagged omitempty: an empty string, or false for a plain bool, is left out. */
  private static boolean omitted(String path, Node value) {
    if (!(value instanceof ScalarNode s)) {
      return false;
    }
    return s.isString() && s.value().isEmpty()
        || OMITTED_WHEN_FALSE.contains(path) && s.type() == ScalarNode.Type.BOOL && "false".equals(s.text())
        || OMITTED_WHEN_TRUE.contains(path) && s.type() == ScalarNode.Type.BOOL && "true".equals(s.text());
  }

  private static boolean isEmptyCollection(Object value) {
    return value instanceof Map<?, ?> m && m.isEmpty() || value instanceof List<?> l && l.isEmpty();
  }

  /** A zero number as printed: 0, 0.0 (or -0.0), a byte size of "0", a duration of "0s". */
  private static boolean isZero(Object value) {
    return value instanceof Number n && n.doubleValue() == 0 || "0".equals(value) || "0s".equals(value);
  }

  /**
   * Whether a struct as printed (its zero omitempty fields gone) is all zero: each field left is one of the
   * {@code collections}, empty. False when {@code collections} is null (not such a struct).
   */
  private static boolean allZero(Map<?, ?> struct, Set<String> collections) {
    return collections != null && struct.entrySet().stream().allMatch(e -> collections.contains(e.getKey())
        && isEmptyCollection(e.getValue()));
  }

  private static String child(String path, String segment) {
    return path.isEmpty() ? segment : path + "." + segment;
  }

  /** A field's place in its struct's order: unknown fields after the known ones, extensions last. */
  private static int rank(Map<String, Integer> order, String key) {
    Integer i = order.get(key);
    return i != null ? i : key.startsWith("x-") ? order.size() + 1 : order.size();
  }

  /** Each struct's field order as a look-up (a service's entries are sorted by it, each compared many times). */
  private static Map<String, Map<String, Integer>> ranks(Map<String, List<String>> structs) {
    Map<String, Map<String, Integer>> ranks = new HashMap<>();
    structs.forEach((path, fields) -> {
      Map<String, Integer> order = new HashMap<>();
      for (int i = 0; i < fields.size(); i++) {
        if (order.put(fields.get(i), i) != null) {
          throw new IllegalStateException(path + " names " + fields.get(i) + " twice");
        }
      }
      ranks.put(path, Map.copyOf(order));
    });
    return Map.copyOf(ranks);
  }

  /**
   * A ulimit written as one number is kept so by compose-go and printed as that number; the canonical tree
   * holds it as soft and hard made from the same scalar (same origin). Not 0: UlimitsConfig.MarshalYAML prints
   * a Single of 0 as its soft and hard limits, both 0.
   */
  private static ScalarNode singleUlimit(MapNode limit) {
    if (limit.size() == 2 && limit.get("soft") instanceof ScalarNode soft
        && limit.get("hard") instanceof ScalarNode hard && soft.origin().equals(hard.origin())
        && Objects.equals(soft.text(), hard.text()) && !"0".equals(soft.text())) {
      return soft;
    }
    return null;
  }

  /**
   * {@code host:ip} and {@code host=ip} entries as compose-go prints its HostsList: {@code host=ip}, sorted, an
   * address in brackets without them ({@code [::1]} is {@code ::1}, as {@code HostsList.cleanup} makes it).
   */
  private static List<Object> hosts(List<Object> entries) {
    List<Object> out = new ArrayList<>(entries.size());
    for (Object entry : entries) {
      if (entry instanceof String s) {
        int eq = s.indexOf('=');
        int colon = s.indexOf(':');
        int cut = eq >= 0 ? eq : colon;
        String ip = cut >= 0 ? s.substring(cut + 1) : null;
        if (ip != null && ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")) {
          ip = ip.substring(1, ip.length() - 1);
        }
        out.add(cut >= 0 ? s.substring(0, cut) + "=" + ip : s);
      } else {
        out.add(entry);
      }
    }
    if (out.stream().allMatch(String.class::isInstance)) {
      out.sort((a, b) -> ((String) a).compareTo((String) b));
    }
    return out;
  }

  /** A mode the model could read, as an octal string; anything else as written (the model reports it). */
  private static Object fileMode(ScalarNode mode) {
    try {
      return switch (mode.type()) {
        case INT -> FileMode.format(mode.asLong().orElseThrow(() -> new SyntaxException(mode.value())));
        case STRING -> FileMode.format(FileMode.parse(mode.value()));
        case FLOAT, BOOL, NULL -> scalar(mode, "mode");
      };
    } catch (SyntaxException e) {
      return scalar(mode, "mode");
    }
  }

  /** A device count as compose-go's DeviceCount holds it: -1 for {@code all}; anything it refuses as written. */
  private static Object deviceCount(ScalarNode count) {
    if (count.isString() && count.value().equalsIgnoreCase("all")) {
      return -1L;
    }
    Long n = count.isString() ? GoInteger.parseDecimal(count.value()) : null;
    return n != null ? n : scalar(count, "count");
  }

  /**
   * A float: go-yaml's float64 (or a float32 field's value), which the YAML writer prints as Go does ({@code 2},
   * {@code 1e+06}, {@code -0}, {@code .inf}) and the JSON writer with no fraction when it has none.
   */
  private static Double number(String text) {
    return Scalars.parseFloat(text);
  }

  /** The string compose-go makes of a value of a {@link #STRING_MAPS} mapping: "" for a null. */
  private static String goString(ScalarNode value) {
    return value.isNull() ? "" : escape(value.asComposeString().value());
  }

  /** docker compose escapes every {@code $} of its output, keys included, so the output loads again. */
  private static String escape(String text) {
    return text.replace("$", "$$");
  }

  /** {@code field} is the struct field the scalar is the value of, or null (list items, Go map values). */
  private static Object scalar(ScalarNode scalar, String field) {
    switch (scalar.type()) {
      case NULL:
        return null;
      case BOOL:
        return Boolean.valueOf(scalar.text());
      case INT:
        Long n = scalar.asLong().orElse(null);
        if (n != null && field != null && BYTE_SIZES.contains(field)) {
          return Long.toString(n);
        }
        return n != null ? (Object) n : new BigInteger(scalar.text()); // beyond an int64, go-yaml read a uint64
      case FLOAT:
        return number(scalar.value());
      default:
        String text = scalar.value();
        if ("cpus".equals(field) && text.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)")) {
          return number(text); // a float32 in compose-go, however it was written
        }
        if (field != null && DURATIONS.contains(field)) {
          try {
            text = GoDuration.format(GoDuration.parse(text));
          } catch (SyntaxException e) {
            // left as written; the model reports it
          }
        } else if (field != null && BYTE_SIZES.contains(field)) {
          try {
            text = Long.toString(ByteSize.parse(text));
          } catch (SyntaxException e) {
            // left as written; the model reports it
          }
        }
        return escape(text);
    }
  }
}
