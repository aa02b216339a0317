package dev.lashing.model;

import dev.lashing.source.Diagnostic;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the canonical merged tree (the shape {@code docker compose config} prints) into the typed
 * {@link Project}. Scalars are cast as Compose casts them after interpolation. A value of the wrong shape
 * (a short form, a mapping where a string belongs, a string Compose cannot cast) is reported and kept in its
 * record's {@code unknown}; binding never fails. Pure: no files, no environment.
 */
public final class ModelBinder {
  /** Binds the entry of a top-level definition (service, network...) with its own owner. */
  private interface DefinitionBinder<T> {
    T bind(MapNode.Entry entry, Fields fields);
  }

  /** From this many definitions of a kind (services...), they are bound side by side. */
  private static final int BOUND_SIDE_BY_SIDE_FROM = 512;

  private ModelBinder() {}

  /**
   * The project in {@code canonicalRoot}; problems found on the way are added to {@code problems}, in the
   * order they are written.
   */
  public static Project bind(String projectName, MapNode canonicalRoot, List<Diagnostic> problems) {
    return bind(projectName, canonicalRoot, problems, BOUND_SIDE_BY_SIDE_FROM);
  }

  /** The same, binding side by side from {@code sideBySideFrom} definitions (tests compare the two ways). */
  static Project bind(String projectName, MapNode canonicalRoot, List<Diagnostic> problems, int sideBySideFrom) {
    List<Diagnostic> found = new ArrayList<>();
    Fields f = new Fields(canonicalRoot, new Owner("", found), "");
    f.node("name"); // the caller resolved the project name, with its precedence rules
    Project project = new Project(
        projectName,
        definitions(f, "services", false, ModelBinder::service, sideBySideFrom),
        definitions(f, "networks", true, ModelBinder::network, sideBySideFrom),
        definitions(f, "volumes", true, ModelBinder::volume, sideBySideFrom),
        definitions(f, "secrets", true, ModelBinder::fileObject, sideBySideFrom),
        definitions(f, "configs", true, ModelBinder::fileObject, sideBySideFrom),
        definitions(f, "models", true, ModelBinder::model, sideBySideFrom),
        f.extensions(),
        f.unknown(),
        canonicalRoot.origin());
    problems.addAll(inWrittenOrder(found));
    return project;
  }

  /** Sorted by position within each file; files keep the order in which they first appear. */
  private static List<Diagnostic> inWrittenOrder(List<Diagnostic> found) {
    Map<String, Integer> files = new HashMap<>();
    for (Diagnostic d : found) {
      files.putIfAbsent(d.at().file(), files.size());
    }
    List<Diagnostic> sorted = new ArrayList<>(found);
    sorted.sort((a, b) -> {
      int byFile = Integer.compare(files.get(a.at().file()), files.get(b.at().file()));
      return byFile != 0 ? byFile : Integer.compare(a.at().startOffset(), b.at().startOffset());
    });
    return sorted;
  }

  private static <T> Map<String, T> definitions(
      Fields top, String kind, boolean nullIsEmpty, DefinitionBinder<T> bind, int sideBySideFrom) {
    List<Bound<T>> bound = boundSideBySide(top, kind, nullIsEmpty, bind, sideBySideFrom);
    int[] next = {0};
    return top.entries(
        kind,
        (entry, rel) -> {
          MapNode map = Fields.asMapping(entry.value(), nullIsEmpty);
          Bound<T> done = bound.isEmpty() ? null : bound.get(next[0]++);
          if (map == null) {
            top.owner().wrongKind(rel, entry.value(), "a mapping");
            return null;
          }
          if (done != null) {
            top.owner().problems().addAll(done.problems());
            return done.value();
          }
          return bind.bind(entry, new Fields(map, top.owner().child(rel), ""));
        });
  }

  /** A definition bound apart from the others, with the problems found in it. */
  private record Bound<T>(T value, List<Diagnostic> problems) {}

  /**
   * For many definitions (thousands of services), each one bound on its own, side by side, in written order (null
   * where an entry is not a mapping); none for a few. Each finds into its own list, which {@link #definitions}
   * adds where binding it in turn would have.
   */
  private static <T> List<Bound<T>> boundSideBySide(
      Fields top, String kind, boolean nullIsEmpty, DefinitionBinder<T> bind, int sideBySideFrom) {
    if (!(top.peek(kind) instanceof MapNode definitions) || definitions.size() < sideBySideFrom) {
      return List.of();
    }
    return definitions.entries().parallelStream()
        .map(entry -> {
          MapNode map = Fields.asMapping(entry.value(), nullIsEmpty);
          if (map == null) {
            return null;
          }
          List<Diagnostic> problems = new ArrayList<>();
          String rel = top.path(kind) + "." + entry.name();
          return new Bound<>(bind.bind(entry, new Fields(map, top.owner().child(rel, problems), "")), problems);
        })
        .toList();
  }

  private static Service service(MapNode.Entry entry, Fields f) {
    return new Service(
        entry.name(),
        entry.key().origin(),
        f.origin(),
        f.keyOrigins(),
        f.stringMap("annotations"),
        f.bool("attach"),
        f.object("blkio_config", ModelBinder::blkio),
        f.object("build", ModelBinder::build),
        f.strings("cap_add"),
        f.strings("cap_drop"),
        mode(f.string("cgroup")),
        f.string("cgroup_parent"),
        f.command("command"),
        f.objects("configs", ModelBinder::fileRef),
        f.string("container_name"),
        f.integer("cpu_count"),
        f.decimal("cpu_percent"),
        f.integer("cpu_period"),
        f.integer("cpu_quota"),
        f.integer("cpu_rt_period"),
        f.integer("cpu_rt_runtime"),
        f.decimal("cpus"),
        f.string("cpuset"),
        f.integer("cpu_shares"),
        f.object("credential_spec", c -> new CredentialSpec(
            c.string("config"), c.string("file"), c.string("registry"), c.origin())),
        f.entries("depends_on", (e, rel) -> f.mapping(e.value(), rel, false, d -> new Dependency(
            e.name(), e.key().origin(), d.string("condition"), d.bool("required"), d.bool("restart"),
            d.origin()))),
        f.object("deploy", ModelBinder::deploy),
        f.object("develop", d -> new Develop(d.objects("watch", ModelBinder::watch), d.origin())),
        f.strings("device_cgroup_rules"),
        f.objects("devices", d -> new Device(
            d.string("source"), d.string("target"), d.string("permissions"), d.origin())),
        f.stringOrList("dns"),
        f.strings("dns_opt"),
        f.stringOrList("dns_search"),
        f.string("domainname"),
        f.command("entrypoint"),
        f.stringMap("environment"),
        f.objects("env_file", e -> new EnvFile(
            e.string("path"), e.bool("required"), e.string("format"), e.origin())),
        f.strings("expose"),
        f.strings("external_links"),
        extraHosts(f, "extra_hosts"),
        f.objects("gpus", ModelBinder::deviceRequest),
        f.strings("group_add"),
        f.object("healthcheck", h -> new Healthcheck(
            h.command("test"), h.duration("interval"), h.duration("timeout"), h.integer("retries"),
            h.duration("start_period"), h.duration("start_interval"), h.bool("disable"), h.origin())),
        f.string("hostname"),
        image(f.string("image")),
        f.bool("init"),
        mode(f.string("ipc")),
        f.string("isolation"),
        f.stringMap("labels"),
        f.stringOrList("label_file"),
        f.strings("links"),
        f.object("logging", l -> new Logging(l.string("driver"), l.stringMap("options"), l.origin())),
        f.string("mac_address"),
        f.bytes("mem_limit"),
        f.bytes("mem_reservation"),
        f.integer("mem_swappiness"),
        f.bytes("memswap_limit"),
        f.entries("models", (e, rel) -> f.mapping(e.value(), rel, true, m -> new ServiceModel(
            e.name(), e.key().origin(), m.string("endpoint_var"), m.string("model_var"), m.origin()))),
        mode(f.string("network_mode")),
        f.entries("networks", (e, rel) -> f.mapping(e.value(), rel, true, n -> serviceNetwork(e, n))),
        f.bool("oom_kill_disable"),
        f.integer("oom_score_adj"),
        mode(f.string("pid")),
        f.integer("pids_limit"),
        f.string("platform"),
        f.objects("ports", p -> new Port(
            p.string("name"), p.string("mode"), p.string("host_ip"), p.integer("target"),
            p.string("published"), p.string("protocol"), p.string("app_protocol"), p.origin())),
        f.objects("post_start", ModelBinder::hook),
        f.objects("pre_start", ModelBinder::hook),
        f.objects("pre_stop", ModelBinder::hook),
        f.bool("privileged"),
        f.strings("profiles"),
        f.object("provider", ModelBinder::provider),
        f.string("pull_policy"),
        f.bool("read_only"),
        restart(f.string("restart")),
        f.string("runtime"),
        f.integer("scale"),
        f.objects("secrets", ModelBinder::fileRef),
        f.strings("security_opt"),
        f.bytes("shm_size"),
        f.bool("stdin_open"),
        f.duration("stop_grace_period"),
        f.string("stop_signal"),
        f.stringMap("storage_opt"),
        f.stringMap("sysctls"),
        f.stringOrList("tmpfs"),
        f.bool("tty"),
        ulimits(f, "ulimits"),
        f.bool("use_api_socket"),
        f.string("user"),
        mode(f.string("userns_mode")),
        mode(f.string("uts")),
        f.string("volume_driver"),
        f.objects("volumes", ModelBinder::mount),
        f.strings("volumes_from"),
        f.string("working_dir"),
        f.extensions(),
        f.unknown());
  }

  private static Image image(Located<String> written) {
    return written == null ? null : Image.of(written);
  }

  /** An empty mode (say from {@code ${NET_MODE:-}}) is Go's zero value: Compose treats it as unset. */
  private static NamespaceMode mode(Located<String> written) {
    return written == null || written.value().isEmpty() ? null : NamespaceMode.of(written);
  }

  /** Like an empty mode, an empty {@code restart} is unset. */
  private static Restart restart(Located<String> written) {
    return written == null || written.value().isEmpty() ? null : Restart.of(written);
  }

  private static Blkio blkio(Fields b) {
    return new Blkio(
        b.integer("weight"),
        b.objects("weight_device", w -> new Blkio.WeightDevice(w.string("path"), w.integer("weight"), w.origin())),
        b.objects("device_read_bps", ModelBinder::throttle),
        b.objects("device_read_iops", ModelBinder::throttle),
        b.objects("device_write_bps", ModelBinder::throttle),
        b.objects("device_write_iops", ModelBinder::throttle),
        b.origin());
  }

  private static Blkio.ThrottleDevice throttle(Fields t) {
    return new Blkio.ThrottleDevice(t.string("path"), t.bytes("rate"), t.origin());
  }

  private static Build build(Fields b) {
    return new Build(
        b.string("context"),
        b.string("dockerfile"),
        b.string("dockerfile_inline"),
        b.strings("entitlements"),
        b.stringMap("args"),
        b.string("provenance"),
        b.string("sbom"),
        b.stringMap("ssh"),
        b.stringMap("labels"),
        b.stringOrList("cache_from"),
        b.stringOrList("cache_to"),
        b.bool("no_cache"),
        b.stringOrList("no_cache_filter"),
        b.stringMap("additional_contexts"),
        b.bool("pull"),
        extraHosts(b, "extra_hosts"),
        b.string("isolation"),
        b.string("network"),
        b.string("target"),
        b.objects("secrets", ModelBinder::fileRef),
        b.bytes("shm_size"),
        b.stringOrList("tags"),
        ulimits(b, "ulimits"),
        b.stringOrList("platforms"),
        b.bool("privileged"),
        b.origin());
  }

  private static FileRef fileRef(Fields r) {
    return new FileRef(
        r.string("source"), r.string("target"), r.string("uid"), r.string("gid"), r.fileMode("mode"), r.origin());
  }

  private static Deploy deploy(Fields d) {
    return new Deploy(
        d.string("mode"),
        d.integer("replicas"),
        d.stringMap("labels"),
        d.object("update_config", ModelBinder::updateConfig),
        d.object("rollback_config", ModelBinder::updateConfig),
        d.object("resources", r -> new Deploy.Resources(
            r.object("limits", ModelBinder::resource), r.object("reservations", ModelBinder::resource),
            r.origin())),
        d.object("restart_policy", p -> new Deploy.RestartPolicy(
            p.string("condition"), p.duration("delay"), p.integer("max_attempts"), p.duration("window"),
            p.origin())),
        d.object("placement", p -> new Deploy.Placement(
            p.strings("constraints"), p.objects("preferences", s -> s.string("spread")),
            p.integer("max_replicas_per_node"), p.origin())),
        d.string("endpoint_mode"),
        d.origin());
  }

  private static Deploy.UpdateConfig updateConfig(Fields u) {
    return new Deploy.UpdateConfig(
        u.integer("parallelism"), u.duration("delay"), u.string("failure_action"), u.duration("monitor"),
        u.decimal("max_failure_ratio"), u.string("order"), u.origin());
  }

  private static Deploy.Resource resource(Fields r) {
    return new Deploy.Resource(
        r.decimal("cpus"),
        r.bytes("memory"),
        r.integer("pids"),
        r.objects("devices", ModelBinder::deviceRequest),
        r.objects("generic_resources", g -> g.object("discrete_resource_spec", s -> new Deploy.GenericResource(
            s.string("kind"), s.integer("value"), s.origin()))),
        r.origin());
  }

  private static DeviceRequest deviceRequest(Fields d) {
    return new DeviceRequest(
        d.strings("capabilities"), d.string("driver"), deviceCount(d), d.strings("device_ids"),
        d.stringMap("options"), d.origin());
  }

  /** {@code count: all} is -1, as compose-go's {@code DeviceCount} reads it. */
  private static Located<Long> deviceCount(Fields d) {
    Node count = d.node("count");
    if (count instanceof ScalarNode s && s.isString() && s.value().equalsIgnoreCase("all")) {
      return new Located<>(-1L, s.origin());
    }
    return count == null ? null : d.owner().integer(count, d.path("count"));
  }

  private static Develop.Watch watch(Fields w) {
    return new Develop.Watch(
        w.string("path"), w.string("action"), w.string("target"), w.object("exec", ModelBinder::hook),
        w.strings("ignore"), w.strings("include"), w.bool("initial_sync"), w.origin());
  }

  private static Hook hook(Fields h) {
    return new Hook(
        h.command("command"), image(h.string("image")), h.bool("per_replica"), h.string("user"),
        h.bool("privileged"), h.string("working_dir"), h.stringMap("environment"), h.origin());
  }

  private static Provider provider(Fields p) {
    return new Provider(
        p.string("type"),
        p.entries("options", (e, rel) -> List.copyOf(p.stringOrList(e.value(), rel))),
        p.origin());
  }

  private static Mount mount(Fields m) {
    return new Mount(
        m.string("type"),
        m.string("source"),
        m.string("target"),
        m.bool("read_only"),
        m.string("consistency"),
        m.object("bind", b -> new Mount.BindOptions(
            b.string("propagation"), b.bool("create_host_path"), b.string("selinux"), b.string("recursive"),
            b.origin())),
        m.object("volume", v -> new Mount.VolumeOptions(
            v.bool("nocopy"), v.string("subpath"), v.stringMap("labels"), v.origin())),
        m.object("tmpfs", t -> new Mount.TmpfsOptions(t.bytes("size"), t.integer("mode"), t.origin())),
        m.object("image", i -> new Mount.ImageOptions(i.string("subpath"), i.origin())),
        m.origin());
  }

  private static ServiceNetwork serviceNetwork(MapNode.Entry entry, Fields n) {
    return new ServiceNetwork(
        entry.name(),
        entry.key().origin(),
        n.strings("aliases"),
        n.stringMap("driver_opts"),
        n.integer("gw_priority"),
        n.string("interface_name"),
        n.string("ipv4_address"),
        n.string("ipv6_address"),
        n.strings("link_local_ips"),
        n.string("mac_address"),
        n.integer("priority"),
        n.origin());
  }

  /** {@code ulimits}: each entry a single integer or {@code {soft, hard}}. */
  private static Map<String, Ulimit> ulimits(Fields f, String key) {
    return f.entries(
        key,
        (e, rel) -> {
          if (e.value() instanceof ScalarNode) {
            Located<Long> single = f.owner().integer(e.value(), rel);
            return single == null
                ? null
                : new Ulimit(e.name(), e.key().origin(), single, null, null, e.value().origin());
          }
          return f.mapping(e.value(), rel, false, u -> new Ulimit(
              e.name(), e.key().origin(), null, u.integer("soft"), u.integer("hard"), u.origin()));
        });
  }

  /**
   * {@code extra_hosts}: the canonical list of {@code host=ip} (also {@code host:ip}, several IPs separated
   * by commas), or the mapping form {@code host: ip | [ips]}. Brackets around an IPv6 address are dropped.
   */
  private static List<ExtraHost> extraHosts(Fields f, String key) {
    Node node = f.node(key);
    List<ExtraHost> hosts = new ArrayList<>();
    if (node == null) {
      return hosts;
    }
    if (node instanceof MapNode map) {
      for (MapNode.Entry e : map.entries()) {
        String rel = f.path(key) + "." + e.name();
        for (Located<String> ip : f.stringOrList(e.value(), rel)) {
          hosts.add(new ExtraHost(e.name(), unbracket(ip.value()), ip.origin()));
        }
      }
      return hosts;
    }
    for (List<ExtraHost> parsed : f.items(node, f.path(key), (item, rel) -> extraHost(f.owner(), item, rel))) {
      hosts.addAll(parsed);
    }
    return hosts;
  }

  private static List<ExtraHost> extraHost(Owner owner, Node item, String rel) {
    Located<String> written = owner.string(item, rel);
    if (written == null) {
      return null;
    }
    String text = written.value();
    int sep = text.indexOf('=');
    if (sep < 0) {
      sep = text.indexOf(':');
    }
    if (sep <= 0) {
      owner.invalid(rel, item, "invalid additional host, missing IP: " + text);
      return null;
    }
    List<ExtraHost> hosts = new ArrayList<>();
    for (String ip : text.substring(sep + 1).split(",", -1)) {
      hosts.add(new ExtraHost(text.substring(0, sep), unbracket(ip), written.origin()));
    }
    return hosts;
  }

  private static String unbracket(String ip) {
    return ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
  }

  private static Network network(MapNode.Entry entry, Fields n) {
    return new Network(
        entry.name(),
        entry.key().origin(),
        n.string("name"),
        n.string("driver"),
        n.stringMap("driver_opts"),
        n.object("ipam", i -> new Network.Ipam(
            i.string("driver"),
            i.objects("config", c -> new Network.Pool(
                c.string("subnet"), c.string("gateway"), c.string("ip_range"), c.stringMap("aux_addresses"),
                c.origin())),
            i.stringMap("options"),
            i.origin())),
        n.bool("external"),
        n.bool("internal"),
        n.bool("attachable"),
        n.stringMap("labels"),
        n.bool("enable_ipv4"),
        n.bool("enable_ipv6"),
        n.extensions(),
        n.unknown(),
        n.origin());
  }

  private static Volume volume(MapNode.Entry entry, Fields v) {
    return new Volume(
        entry.name(),
        entry.key().origin(),
        v.string("name"),
        v.string("driver"),
        v.stringMap("driver_opts"),
        v.bool("external"),
        v.stringMap("labels"),
        v.extensions(),
        v.unknown(),
        v.origin());
  }

  private static FileObject fileObject(MapNode.Entry entry, Fields o) {
    return new FileObject(
        entry.name(),
        entry.key().origin(),
        o.string("name"),
        o.string("file"),
        o.string("environment"),
        o.string("content"),
        o.bool("external"),
        o.stringMap("labels"),
        o.string("driver"),
        o.stringMap("driver_opts"),
        o.string("template_driver"),
        o.extensions(),
        o.unknown(),
        o.origin());
  }

  private static Model model(MapNode.Entry entry, Fields m) {
    return new Model(
        entry.name(),
        entry.key().origin(),
        m.string("name"),
        m.string("model"),
        m.integer("context_size"),
        m.strings("runtime_flags"),
        m.extensions(),
        m.unknown(),
        m.origin());
  }
}
