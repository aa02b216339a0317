package dev.lashing.inventory;

import static dev.lashing.inventory.InventoryNodes.bool;
import static dev.lashing.inventory.InventoryNodes.map;
import static dev.lashing.inventory.InventoryNodes.strings;
import static dev.lashing.inventory.InventoryNodes.suggestion;
import static dev.lashing.inventory.InventoryNodes.text;

import dev.lashing.inventory.Inventory.Backup;
import dev.lashing.inventory.Inventory.Environment;
import dev.lashing.inventory.Inventory.LogRotation;
import dev.lashing.inventory.Inventory.Network;
import dev.lashing.inventory.Inventory.Patterns;
import dev.lashing.inventory.Inventory.Resources;
import dev.lashing.inventory.Inventory.Secret;
import dev.lashing.inventory.Inventory.Service;
import dev.lashing.inventory.Inventory.Stack;
import dev.lashing.inventory.Inventory.Tier;
import dev.lashing.knowledge.BackupMethod;
import dev.lashing.knowledge.HostPaths;
import dev.lashing.knowledge.ImageCatalog;
import dev.lashing.lint.RuleOption;
import dev.lashing.schema.SchemaValidator;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.syntax.ImageReference;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.SourceFiles;
import dev.lashing.yaml.YamlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a stack inventory: YAML as Compose reads it, validated against
 * {@code schemas/lashing-inventory.schema.json}, then checked for what a schema cannot say (a gateway that is
 * not a service, a port published twice on one host, a password written into the environment...). Every
 * problem is reported at once, each at its line and column.
 */
public final class InventoryLoader {
  static final String SCHEMA = "lashing-inventory.schema.json";

  private final String file;
  private final InventoryProblems problems = new InventoryProblems();
  private final InventoryServiceReader serviceReader = new InventoryServiceReader(problems);

  private InventoryLoader(String file) {
    this.file = file;
  }

  /**
   * Reads and validates an inventory.
   *
   * @param displayName how positions name the file
   * @throws ComposeException with every problem, positioned
   */
  public static Inventory load(Path path, String displayName) {
    return read(SourceFiles.read(path, displayName));
  }

  /** Reads and validates an inventory from its text. */
  public static Inventory read(SourceFile source) {
    List<Node> documents = YamlReader.read(source);
    if (documents.size() != 1 || !(strip(documents.get(0)) instanceof MapNode root)) {
      SourceRange at = documents.isEmpty() ? source.at(0) : documents.get(0).origin().at();
      throw new ComposeException(Diagnostic.Kind.SCHEMA, at,
          "an inventory is one YAML document, a mapping with `environments:` (see docs/inventory.md)");
    }
    List<Diagnostic> schema = SchemaValidator.forBundledSchema(SCHEMA).validate(root, source.name());
    if (!schema.isEmpty()) {
      throw new ComposeException(schema);
    }
    InventoryLoader loader = new InventoryLoader(source.name());
    Inventory inventory = loader.inventory(root);
    if (!loader.problems.isEmpty()) {
      throw new ComposeException(loader.problems.sorted());
    }
    return inventory;
  }

  private Inventory inventory(MapNode root) {
    Map<String, Environment> environments = new LinkedHashMap<>();
    int index = 0;
    for (MapNode.Entry e : ((MapNode) root.get("environments")).entries()) {
      environments.put(e.name(), environment(e, index++));
    }
    return new Inventory(file, environments);
  }

  // ---- environments ----

  private Environment environment(MapNode.Entry entry, int index) {
    String name = entry.name();
    MapNode env = (MapNode) entry.value();
    String where = "environments." + name;
    boolean production = bool(env, "production", false);
    boolean cleanup = bool(env, "cleanup", false);
    Patterns safe = patterns(map(env, "safe_to_delete"));
    if (production && cleanup) {
      problems.error(env.get("cleanup"), where + ".cleanup: a production host is read-only for Lashing; cleanup must be"
          + " false");
    }
    if (production && !safe.isEmpty()) {
      problems.error(env.get("safe_to_delete"), where + ".safe_to_delete: nothing on a production host is ever safe to"
          + " delete; remove it");
    }
    MapNode ages = map(env, "max_unused_age");
    Duration imageAge = serviceReader.duration(ages, "images", where + ".max_unused_age.images");
    Duration volumeAge = serviceReader.duration(ages, "volumes", where + ".max_unused_age.volumes");
    MapNode prot = map(env, "protected");
    Map<String, Stack> stacks = new LinkedHashMap<>();
    MapNode stackMap = map(env, "stacks");
    if (stackMap != null) {
      for (MapNode.Entry s : stackMap.entries()) {
        stacks.put(s.name(), stack(name, s));
      }
    }
    crossStackChecks(where, stacks, stackMap);
    return new Environment(name, index, entry.key().origin().usedAt(), production, cleanup,
        patterns(map(env, "allowed")), strings(prot, "names"), strings(prot, "tags"), safe, imageAge, volumeAge,
        stacks);
  }

  /** One host: container names, networks and published ports must not collide between its stacks. */
  private void crossStackChecks(String where, Map<String, Stack> stacks, MapNode stackMap) {
    Map<String, String> containers = new HashMap<>();
    Map<String, String> networks = new HashMap<>();
    Map<Integer, String> ports = new HashMap<>();
    for (Stack stack : stacks.values()) {
      MapNode stackNode = (MapNode) stackMap.get(stack.name());
      String earlierNetwork = networks.putIfAbsent(stack.network().name(), stack.name());
      if (earlierNetwork != null) {
        problems.error(stackNode.get("network"), where + ".stacks." + stack.name() + ".network: network '"
            + stack.network().name() + "' is already stack " + earlierNetwork + "'s; each stack gets a network of"
            + " its own");
      }
      List<String> names = new ArrayList<>(stack.services().keySet());
      if (stack.backup() != null) {
        names.add(Stacks.backupServiceName(stack));
      }
      for (String service : names) {
        String container = Stacks.containerName(stack, service);
        String earlier = containers.putIfAbsent(container, stack.name() + "." + service);
        if (earlier != null) {
          problems.error(stackNode, where + ".stacks." + stack.name() + ": container name " + container + " (service "
              + service + ") is also the container of " + earlier);
        }
      }
      for (Service service : stack.services().values()) {
        if (service.exposure().isPublished()) {
          String earlier = ports.putIfAbsent(service.exposure().hostPort(), stack.name() + "." + service.name());
          if (earlier != null) {
            MapNode serviceNode = (MapNode) ((MapNode) stackNode.get("services")).get(service.name());
            problems.error(serviceNode.get("expose"), where + ".stacks." + stack.name() + ".services." + service.name()
                + ".expose: host port " + service.exposure().hostPort() + " is already published by " + earlier);
          }
        }
      }
    }
  }

  private Patterns patterns(MapNode node) {
    if (node == null) {
      return Patterns.NONE;
    }
    return new Patterns(strings(node, "containers"), strings(node, "images"), strings(node, "volumes"));
  }

  // ---- stacks ----

  private Stack stack(String environment, MapNode.Entry entry) {
    String name = entry.name();
    MapNode stack = (MapNode) entry.value();
    String where = "environments." + environment + ".stacks." + name;
    Tier tier = Tier.valueOf(text(stack, "tier").toUpperCase(Locale.ROOT));
    Node networkNode = stack.get("network");
    Network network = networkNode instanceof MapNode m
        ? new Network(text(m, "name"), bool(m, "internal", false))
        : new Network(((ScalarNode) networkNode).value(), false);
    MapNode logging = map(stack, "logging");
    LogRotation rotation = logging == null ? LogRotation.DEFAULTS
        : new LogRotation(text(logging, "max_size"),
            serviceReader.whole(logging, "max_file", where + ".logging.max_file", RuleOption.Type.WHOLE));
    MapNode servicesNode = (MapNode) stack.get("services");
    Map<String, Service> services = new LinkedHashMap<>();
    Map<String, Secret> secrets = new HashMap<>();
    List<String> gateways = strings(stack, "gateways");
    for (MapNode.Entry s : servicesNode.entries()) {
      services.put(s.name(), serviceReader.service(where + ".services." + s.name(), s, tier,
          gateways.contains(s.name()), secrets));
    }
    if (stack.get("gateways") instanceof SeqNode seq) {
      for (Node g : seq.items()) {
        String gateway = ((ScalarNode) g).value();
        if (!services.containsKey(gateway)) {
          problems.error(g, where + ".gateways: '" + gateway + "' is not a service of the stack" + suggestion(gateway,
              services.keySet()));
        }
      }
    }
    dependencies(where, servicesNode, services);
    Backup backup = stack.get("backup") instanceof MapNode b ? backup(where + ".backup", b, tier, services) : null;
    return new Stack(name, environment, entry.key().origin().usedAt(), tier, network, gateways, rotation, backup,
        services);
  }

  private void dependencies(String where, MapNode servicesNode, Map<String, Service> services) {
    for (Service service : services.values()) {
      MapNode node = (MapNode) servicesNode.get(service.name());
      if (!(node.get("depends_on") instanceof SeqNode seq)) {
        continue;
      }
      for (Node item : seq.items()) {
        String target = ((ScalarNode) item).value();
        if (target.equals(service.name())) {
          problems.error(item, where + ".services." + service.name()
              + ".depends_on: a service cannot depend on itself");
        } else if (!services.containsKey(target)) {
          problems.error(item, where + ".services." + service.name() + ".depends_on: '" + target
              + "' is not a service of the"
              + " stack"
              + suggestion(target, services.keySet()));
        }
      }
    }
    // A cycle would keep every service in it from starting.
    Map<String, Integer> state = new HashMap<>();
    for (Service service : services.values()) {
      List<String> path = new ArrayList<>();
      if (cycle(service.name(), services, state, path)) {
        MapNode node = (MapNode) servicesNode.get(path.get(0));
        problems.error(node.get("depends_on"), where + ".services." + path.get(0)
            + ".depends_on: services depend on each"
            + " other in a"
            + " circle: " + String.join(" -> ", path));
        return;
      }
    }
  }

  private static boolean cycle(String name, Map<String, Service> services, Map<String, Integer> state,
      List<String> path) {
    Integer seen = state.get(name);
    if (seen != null) {
      if (seen == 1) {
        int start = path.indexOf(name);
        List<String> circle = new ArrayList<>(path.subList(start, path.size()));
        circle.add(name);
        path.clear();
        path.addAll(circle);
        return true;
      }
      return false;
    }
    Service service = services.get(name);
    if (service == null) {
      return false;
    }
    state.put(name, 1);
    path.add(name);
    for (String next : service.dependsOn()) {
      if (!next.equals(name) && cycle(next, services, state, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    state.put(name, 2);
    return false;
  }

  // ---- backup ----

  private Backup backup(String where, MapNode node, Tier tier, Map<String, Service> services) {
    Node serviceNode = node.get("service");
    String serviceName = ((ScalarNode) serviceNode).value();
    Service database = services.get(serviceName);
    if (database == null) {
      problems.error(serviceNode, where + ".service: '" + serviceName + "' is not a service of the stack"
          + suggestion(serviceName, services.keySet()));
    } else if (database.reference() != null
        && ImageCatalog.find(database.reference()).map(k -> k.backup() != BackupMethod.PG_DUMPALL).orElse(true)) {
      problems.error(serviceNode, where + ".service: the backup job dumps PostgreSQL, and " + serviceName + " runs "
          + database.image());
    } else if (database.reference() != null && passwordSecret(database) == null) {
      problems.error(serviceNode, where + ".service: " + serviceName + " must read its password from a secret"
          + " (POSTGRES_PASSWORD_FILE: /run/secrets/NAME) so the backup job can use the same one");
    }
    if (database != null && services.containsKey(serviceName + "-backup")) {
      problems.error(serviceNode, where + ": the backup job is the service " + serviceName + "-backup, which the stack"
          + " already has");
    }
    Node imageNode = node.get("image");
    String image = text(node, "image");
    String digest = text(node, "digest");
    ImageReference reference = null;
    if (imageNode != null) {
      reference = serviceReader.image(where + ".image", imageNode, image, digest, tier, digest != null);
    } else if (database != null && database.reference() != null) {
      String derived = Stacks.backupImage(new Backup(null, serviceName, null, null, 1, 0, null, null, null, null,
          null), database);
      if (derived.endsWith(":latest")) {
        problems.error(serviceNode, where + ": cannot tell the PostgreSQL major version from " + database.image()
            + "; set backup.image");
      }
      if (tier == Tier.PRODUCTION && digest == null) {
        problems.error(node, where + ": a production stack pins every image by digest; set image: " + derived
            + " and its digest");
      }
      reference = ImageReference.parse(derived);
    }
    Resources limits = serviceReader.limits(where + ".limits", map(node, "limits"));
    // daily and weekly are required: null only when refused, and then the inventory is refused as a whole
    Long daily = serviceReader.whole(node, "daily", where + ".daily", RuleOption.Type.WHOLE);
    Long weekly = serviceReader.whole(node, "weekly", where + ".weekly", RuleOption.Type.COUNT);
    String schedule = text(node, "schedule");
    String scheduleProblem = schedule == null ? null : CronSchedule.problem(schedule);
    if (scheduleProblem != null) {
      problems.error(node.get("schedule"), where + ".schedule: " + scheduleProblem
          + "; the backup job would exit at start and take no backup");
    }
    String directory = text(node, "directory");
    String hostDirectory = directory == null ? null : HostPaths.normalize(directory);
    if (hostDirectory != null) {
      // the backup job writes its dumps there
      serviceReader.refuseSensitiveHostPath(node.get("directory"), where + ".directory", hostDirectory, false);
    }
    return new Backup(node.origin().usedAt(), serviceName, schedule, directory,
        daily == null ? 0 : daily, weekly == null ? 0 : weekly,
        serviceReader.whole(node, "monthly", where + ".monthly", RuleOption.Type.COUNT), image, reference, digest,
        limits);
  }

  /**
   * The tree with every value placed where it is written, not where an alias uses it: an inventory's mistakes
   * are fixed where they are written (a stack shared by two environments through {@code *plane} is wrong once,
   * in its definition).
   */
  private static Node strip(Node node) {
    Node placed = node.withOrigin(Origin.at(node.origin().at()));
    if (placed instanceof MapNode map) {
      List<MapNode.Entry> entries = new ArrayList<>(map.size());
      for (MapNode.Entry e : map.entries()) {
        entries.add(new MapNode.Entry(e.key().withOrigin(Origin.at(e.key().origin().at())),
            strip(e.value())));
      }
      return map.withEntries(entries);
    }
    if (placed instanceof SeqNode seq) {
      List<Node> items = new ArrayList<>(seq.size());
      for (Node item : seq.items()) {
        items.add(strip(item));
      }
      return seq.withItems(items);
    }
    return placed;
  }

  /** The secret a PostgreSQL service reads its password from ({@code POSTGRES_PASSWORD_FILE}), or null. */
  static Secret passwordSecret(Service database) {
    String path = database.environment().get("POSTGRES_PASSWORD_FILE");
    if (path == null) {
      return null;
    }
    for (Secret secret : database.secrets().values()) {
      if (secret.path().equals(path)) {
        return secret;
      }
    }
    return null;
  }
}

