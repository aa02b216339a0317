package dev.lashing.render;

import dev.lashing.syntax.ByteSize;
import dev.lashing.syntax.GoDuration;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Prints a normalized project tree the way {@code docker compose config} does: top-level sections in
 * Compose's order, services sorted, service attributes in compose-go's field order, mappings that are Go
 * maps sorted by key, durations and byte sizes in Compose's forms, and every {@code $} escaped as
 * {@code $$} so the output loads again unchanged.
 */
public final class ConfigWriter {
  private static final List<String> TOP_LEVEL =
      List.of("name", "services", "networks", "volumes", "secrets", "configs", "models");
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
      "working_dir", "post_start", "pre_stop");
  private static final Map<String, List<String>> STRUCT_FIELDS = Map.of(
      "ports", List.of("name", "mode", "host_ip", "target", "published", "protocol", "app_protocol"),
      "volumes", List.of("type", "source", "target", "read_only", "consistency", "bind", "volume", "tmpfs",
          "image"),
      "build", List.of("context", "dockerfile", "dockerfile_inline"),
      "healthcheck", List.of("test", "timeout", "interval", "retries", "start_period", "start_interval",
          "disable"));
  private static final Set<String> DURATIONS = Set.of(
      "interval", "timeout", "start_period", "start_interval", "stop_grace_period", "delay", "window",
      "monitor");
  private static final Set<String> BYTE_SIZES = Set.of(
      "mem_limit", "mem_reservation", "memswap_limit", "shm_size", "memory", "size");

  private ConfigWriter() {}

  public static String yaml(MapNode project) {
    DumpSettings settings = DumpSettings.builder()
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setIndent(2)
        .setIndicatorIndent(2)
        .setIndentWithIndicator(true)
        .setWidth(Integer.MAX_VALUE)
        .build();
    return new Dump(settings).dumpToString(plain(project));
  }

  public static String json(MapNode project) {
    StringBuilder out = new StringBuilder();
    Json.write(plain(project), out, "");
    return out.append('\n').toString();
  }

  /** The project as ordered Java maps, lists and scalars, in output order and form. */
  static Object plain(MapNode project) {
    Map<String, Object> top = new LinkedHashMap<>();
    for (String key : TOP_LEVEL) {
      Node value = project.get(key);
      if (value == null) {
        continue;
      }
      if (key.equals("services") && value instanceof MapNode services) {
        Map<String, Object> sorted = new LinkedHashMap<>();
        for (MapNode.Entry e : sortedEntries(services)) {
          sorted.put(e.name(), e.value() instanceof MapNode s ? service(s) : convert(e.value(), e.name(), false));
        }
        top.put(key, sorted);
      } else {
        top.put(key, convert(value, key, true));
      }
    }
    for (MapNode.Entry e : project.entries()) {
      if (!TOP_LEVEL.contains(e.name())) {
        top.put(e.name(), convert(e.value(), e.name(), true));
      }
    }
    return top;
  }

  private static Map<String, Object> service(MapNode service) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<MapNode.Entry> entries = new ArrayList<>(service.entries());
    entries.sort(Comparator.comparingInt((MapNode.Entry e) -> rank(SERVICE_FIELDS, e.name()))
        .thenComparing(MapNode.Entry::name));
    for (MapNode.Entry e : entries) {
      out.put(e.name(), convert(e.value(), e.name(), !STRUCT_FIELDS.containsKey(e.name())));
    }
    return out;
  }

  private static int rank(List<String> order, String key) {
    int i = order.indexOf(key);
    return i >= 0 ? i : key.startsWith("x-") ? order.size() + 1 : order.size();
  }

  /** {@code key} names the attribute the value belongs to; {@code sortKeys} is true for Go maps. */
  private static Object convert(Node node, String key, boolean sortKeys) {
    if (node instanceof MapNode map) {
      Map<String, Object> out = new LinkedHashMap<>();
      List<MapNode.Entry> entries = new ArrayList<>(map.entries());
      List<String> fields = STRUCT_FIELDS.get(key);
      if (fields != null) {
        entries.sort(Comparator.comparingInt(e -> rank(fields, e.name())));
      } else if (sortKeys) {
        entries.sort(Comparator.comparing(MapNode.Entry::name));
      }
      for (MapNode.Entry e : entries) {
        out.put(e.name(), convert(e.value(), e.name(), true));
      }
      return out;
    }
    if (node instanceof SeqNode seq) {
      List<Object> out = new ArrayList<>(seq.size());
      for (Node item : seq.items()) {
        out.add(convert(item, key, true));
      }
      return out;
    }
    return scalar((ScalarNode) node, key);
  }

  private static Object scalar(ScalarNode scalar, String key) {
    switch (scalar.type()) {
      case NULL:
        return null;
      case BOOL:
        return Boolean.valueOf(scalar.text());
      case INT:
        Long n = scalar.asLong().orElse(null);
        if (n != null && BYTE_SIZES.contains(key)) {
          return Long.toString(n);
        }
        return n != null ? (Object) n : scalar.value();
      case FLOAT:
        return Double.valueOf(scalar.text());
      default:
        String text = scalar.value();
        if (DURATIONS.contains(key)) {
          try {
            text = GoDuration.format(GoDuration.parse(text));
          } catch (SyntaxException e) {
            // left as written; the model reports it
          }
        } else if (BYTE_SIZES.contains(key)) {
          try {
            text = Long.toString(ByteSize.parse(text));
          } catch (SyntaxException e) {
            // left as written; the model reports it
          }
        }
        return text.replace("$", "$$");
    }
  }

  private static List<MapNode.Entry> sortedEntries(MapNode map) {
    List<MapNode.Entry> entries = new ArrayList<>(map.entries());
    entries.sort(Comparator.comparing(MapNode.Entry::name));
    return entries;
  }
}
