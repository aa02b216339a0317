package dev.lashing.inventory;

import dev.lashing.api.ComposeException;
import dev.lashing.api.Diagnostic;
import dev.lashing.inventory.Inventory.Backup;
import dev.lashing.inventory.Inventory.Command;
import dev.lashing.inventory.Inventory.Environment;
import dev.lashing.inventory.Inventory.Exposure;
import dev.lashing.inventory.Inventory.Healthcheck;
import dev.lashing.inventory.Inventory.LogRotation;
import dev.lashing.inventory.Inventory.Network;
import dev.lashing.inventory.Inventory.Patterns;
import dev.lashing.inventory.Inventory.Resources;
import dev.lashing.inventory.Inventory.Secret;
import dev.lashing.inventory.Inventory.Service;
import dev.lashing.inventory.Inventory.Stack;
import dev.lashing.inventory.Inventory.Tier;
import dev.lashing.knowledge.BackupMethod;
import dev.lashing.knowledge.Capabilities;
import dev.lashing.knowledge.ImageCatalog;
import dev.lashing.knowledge.KnownImage;
import dev.lashing.knowledge.MovingTags;
import dev.lashing.lint.Credentials;
import dev.lashing.schema.SchemaValidator;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.syntax.ByteSize;
import dev.lashing.syntax.GoDuration;
import dev.lashing.syntax.ImageReference;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.syntax.VolumeSpec;
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
import java.util.Set;

/**
 * Reads a stack inventory: YAML as Compose reads it, validated against
 * {@code schemas/lashing-inventory.schema.json}, then checked for what a schema cannot say (a gateway that is
 * not a service, a port published twice on one host, a password written into the environment...). Every
 * problem is reported at once, each at its line and column.
 */
public final class InventoryLoader {
  static final String SCHEMA = "lashing-inventory.schema.json";

  private final String file;
  private final List<Diagnostic> problems = new ArrayList<>();

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
      List<Diagnostic> sorted = new ArrayList<>(loader.problems);
      sorted.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.at().line())
          .thenComparingInt(d -> d.at().column()).thenComparing(Diagnostic::message));
      throw new ComposeException(sorted);
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
      error(env.get("cleanup"), where + ".cleanup: a production host is read-only for Lashing; cleanup must be"
          + " false");
    }
    if (production && !safe.isEmpty()) {
      error(env.get("safe_to_delete"), where + ".safe_to_delete: nothing on a production host is ever safe to"
          + " delete; remove it");
    }
    MapNode ages = map(env, "max_unused_age");
    Duration imageAge = duration(ages, "images", where + ".max_unused_age.images");
    Duration volumeAge = duration(ages, "volumes", where + ".max_unused_age.volumes");
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
        error(stackNode.get("network"), where + ".stacks." + stack.name() + ".network: network '"
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
          error(stackNode, where + ".stacks." + stack.name() + ": container name " + container + " (service "
              + service + ") is also the container of " + earlier);
        }
      }
      for (Service service : stack.services().values()) {
        if (service.exposure().isPublished()) {
          String earlier = ports.putIfAbsent(service.exposure().hostPort(), stack.name() + "." + service.name());
          if (earlier != null) {
            MapNode serviceNode = (MapNode) ((MapNode) stackNode.get("services")).get(service.name());
            error(serviceNode.get("expose"), where + ".stacks." + stack.name() + ".services." + service.name()
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

  private Duration duration(MapNode parent, String key, String where) {
    Node node = parent == null ? null : parent.get(key);
    if (node == null) {
      return null;
    }
    try {
      Duration d = GoDuration.parse(((ScalarNode) node).value());
      if (!d.isNegative() && !d.isZero()) {
        return d;
      }
    } catch (SyntaxException e) {
      // reported below
    }
    error(node, where + ": '" + ((ScalarNode) node).value() + "' is not a positive duration (30d, 12h, 2w)");
    return null;
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
        : new LogRotation(text(logging, "max_size"), integer(logging, "max_file"));
    MapNode servicesNode = (MapNode) stack.get("services");
    Map<String, Service> services = new LinkedHashMap<>();
    Map<String, Secret> secrets = new HashMap<>();
    List<String> gateways = strings(stack, "gateways");
    for (MapNode.Entry s : servicesNode.entries()) {
      services.put(s.name(), service(where + ".services." + s.name(), s, tier, gateways.contains(s.name()),
          secrets));
    }
    if (stack.get("gateways") instanceof SeqNode seq) {
      for (Node g : seq.items()) {
        String gateway = ((ScalarNode) g).value();
        if (!services.containsKey(gateway)) {
          error(g, where + ".gateways: '" + gateway + "' is not a service of the stack" + suggestion(gateway,
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
          error(item, where + ".services." + service.name() + ".depends_on: a service cannot depend on itself");
        } else if (!services.containsKey(target)) {
          error(item, where + ".services." + service.name() + ".depends_on: '" + target + "' is not a service of the"
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
        error(node.get("depends_on"), where + ".services." + path.get(0) + ".depends_on: services depend on each"
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

  // ---- services ----

  private Service service(String where, MapNode.Entry entry, Tier tier, boolean gateway, Map<String, Secret> secrets) {
    String name = entry.name();
    MapNode s = (MapNode) entry.value();
    Node imageNode = s.get("image");
    String image = ((ScalarNode) imageNode).value();
    String digest = text(s, "digest");
    ImageReference reference = image(where + ".image", imageNode, image, digest, tier, s.get("digest") != null);
    KnownImage known = reference == null ? null : ImageCatalog.find(reference).orElse(null);
    KnownImage.Runtime runtime = known == null ? null : known.runtime();
    Integer port = integer(s, "port");
    Exposure exposure = exposure(where, s, gateway, tier);
    if (exposure.isPublished() && port == null && runtime == null) {
      error(s.get("expose"), where + ".expose: set port, the port " + name + " listens on inside its container");
    }
    Resources limits = resources(where + ".limits", map(s, "limits"));
    Resources reservations = resources(where + ".reservations", map(s, "reservations"));
    if (limits.memory() != null && reservations.memory() != null && reservations.memory() > limits.memory()) {
      error(map(s, "reservations").get("memory"), where + ".reservations.memory: more than the memory limit ("
          + ByteSize.format(limits.memory()) + "); the engine refuses that");
    }
    if (limits.cpus() != null && reservations.cpus() != null && reservations.cpus() > limits.cpus()) {
      error(map(s, "reservations").get("cpus"), where + ".reservations.cpus: more than the CPU limit ("
          + limits.cpus() + ")");
    }
    List<String> volumes = strings(s, "volumes");
    if (s.get("volumes") instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        volume(where + ".volumes", item);
      }
    }
    Map<String, String> environment = environment(where + ".environment", map(s, "environment"));
    Map<String, Secret> serviceSecrets = secrets(where + ".secrets", map(s, "secrets"), secrets);
    Healthcheck healthcheck = healthcheck(where + ".healthcheck", map(s, "healthcheck"));
    if (healthcheck == null && (known == null || known.healthcheck() == null) && reference != null) {
      error(entry.key(), where + ": " + image + " is not an image Lashing knows a healthcheck for; write one"
          + " (healthcheck: {test: [CMD, ...]})");
    }
    String user = text(s, "user");
    if (user != null && isRoot(user)) {
      error(s.get("user"), where + ".user: '" + user + "' is root; name an unprivileged user the image can run as");
    } else if (user == null && runtime == null && reference != null) {
      error(entry.key(), where + ": " + image + " is not an image Lashing knows the user of; set user to an"
          + " unprivileged user it can run as (such as \"1000:1000\")");
    }
    List<String> capAdd = strings(s, "cap_add");
    if (s.get("cap_add") instanceof SeqNode caps) {
      for (Node cap : caps.items()) {
        if (Capabilities.risk(((ScalarNode) cap).value()).isPresent()) {
          error(cap, where + ".cap_add: " + ((ScalarNode) cap).value() + " opens a way to the host; a generated"
              + " stack never adds it");
        }
      }
    }
    Command command = null;
    Node commandNode = s.get("command");
    if (commandNode instanceof ScalarNode c) {
      command = new Command(c.value(), null);
    } else if (commandNode instanceof SeqNode) {
      command = new Command(null, strings(s, "command"));
    }
    Boolean readOnly = s.get("read_only") instanceof ScalarNode r ? r.asBoolean().orElse(null) : null;
    return new Service(name, entry.key().origin().usedAt(), image, reference, digest, port, exposure, limits,
        reservations, volumes, strings(s, "tmpfs"), environment, serviceSecrets, healthcheck,
        strings(s, "depends_on"), user, command, capAdd, readOnly);
  }

  private ImageReference image(String where, Node node, String image, String digest, Tier tier, boolean hasDigest) {
    ImageReference reference;
    try {
      reference = ImageReference.parse(image);
    } catch (SyntaxException e) {
      error(node, where + ": '" + image + "' is not an image reference: " + e.getMessage());
      return null;
    }
    if (reference.digest() != null) {
      error(node, where + ": write the digest in digest:, and only repository and tag here");
      return null;
    }
    if (reference.tag() == null) {
      error(node, where + ": '" + image + "' has no tag, so Docker would pull latest; give the version (" + image
          + ":<version>)");
    } else if (!hasDigest && MovingTags.movement(reference.tag()) != null) {
      error(node, where + ": tag " + reference.tag() + " " + MovingTags.movement(reference.tag())
          + ", so what runs changes"
          + " without notice; use a version tag, or add its digest");
    }
    if (tier == Tier.PRODUCTION && digest == null) {
      error(node, where + ": a production stack pins every image by digest; add digest: sha256:... (docker"
          + " buildx imagetools inspect " + image + " prints it)");
    }
    return reference;
  }

  private Exposure exposure(String where, MapNode s, boolean gateway, Tier tier) {
    Node node = s.get("expose");
    if (node == null) {
      return Exposure.INTERNAL;
    }
    String text = ((ScalarNode) node).value();
    if (text.equals("internal")) {
      return Exposure.INTERNAL;
    }
    int colon = text.indexOf(':');
    Exposure.Kind kind = text.startsWith("public:") ? Exposure.Kind.PUBLIC : Exposure.Kind.LOCALHOST;
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535) {
      error(node, where + ".expose: host port " + text.substring(colon + 1) + " is not between 1 and 65535");
    }
    if (kind == Exposure.Kind.PUBLIC && !gateway) {
      error(node, where + ".expose: only the stack's gateways may be public; add the service to gateways, or"
          + " expose it on localhost:" + text.substring(colon + 1));
    }
    return new Exposure(kind, port, text);
  }

  private Resources resources(String where, MapNode node) {
    if (node == null) {
      return Resources.NONE;
    }
    Long memory = null;
    Node memoryNode = node.get("memory");
    if (memoryNode instanceof ScalarNode m) {
      try {
        memory = ByteSize.parse(m.text());
      } catch (SyntaxException e) {
        memory = -1L;
      }
      if (memory <= 0) {
        error(m, where + ".memory: '" + m.text() + "' is not a positive size (512m, 2g)");
        memory = null;
      }
    }
    Double cpus = node.get("cpus") instanceof ScalarNode c ? Double.valueOf(c.text()) : null;
    Long pids = node.get("pids") instanceof ScalarNode p ? p.asLong().orElse(null) : null;
    return new Resources(memory, cpus, pids);
  }

  private void volume(String where, Node item) {
    String spec = ((ScalarNode) item).value();
    VolumeSpec.Mount mount;
    try {
      mount = VolumeSpec.parse(spec);
    } catch (SyntaxException e) {
      error(item, where + ": " + e.getMessage());
      return;
    }
    if (mount.source() == null) {
      error(item, where + ": '" + spec + "' is an anonymous volume; name it (NAME:" + mount.target() + ") so it"
          + " survives the container and shows in audits");
    } else if (mount.type().equals("volume") && !mount.source().matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
      error(item, where + ": '" + mount.source() + "' is not a valid volume name");
    }
    if (spec.contains("$")) {
      error(item, where + ": variables are not expanded in an inventory; write the path");
    }
  }

  private Map<String, String> environment(String where, MapNode node) {
    Map<String, String> environment = new LinkedHashMap<>();
    if (node == null) {
      return environment;
    }
    for (MapNode.Entry e : node.entries()) {
      String value = ((ScalarNode) e.value()).text();
      if (Credentials.isLiteralCredential(e.name(), value)) {
        error(e.value(), where + "." + e.name() + ": a credential written into the environment ends up in the"
            + " compose file; put it in a file and list it under secrets, then point the service at"
            + " /run/secrets/NAME (many images read " + e.name() + "_FILE)");
      } else if (Credentials.hasPasswordInUrl(value)) {
        error(e.value(), where + "." + e.name() + ": the URL carries a password; pass the password as a secret");
      }
      environment.put(e.name(), value);
    }
    return environment;
  }

  private Map<String, Secret> secrets(String where, MapNode node, Map<String, Secret> stackSecrets) {
    Map<String, Secret> secrets = new LinkedHashMap<>();
    if (node == null) {
      return secrets;
    }
    for (MapNode.Entry e : node.entries()) {
      Secret secret = e.value() instanceof MapNode m
          ? new Secret(e.name(), text(m, "file"), text(m, "target"))
          : new Secret(e.name(), ((ScalarNode) e.value()).value(), null);
      Secret earlier = stackSecrets.putIfAbsent(e.name(), secret);
      if (earlier != null && !earlier.file().equals(secret.file())) {
        error(e.value(), where + "." + e.name() + ": another service of the stack reads secret " + e.name()
            + " from " + earlier.file() + "; one name, one file");
      }
      secrets.put(e.name(), secret);
    }
    return secrets;
  }

  private Healthcheck healthcheck(String where, MapNode node) {
    if (node == null) {
      return null;
    }
    Node testNode = node.get("test");
    List<String> test;
    if (testNode instanceof ScalarNode t) {
      test = List.of("CMD-SHELL", t.value());
    } else {
      test = strings(node, "test");
      if (!test.get(0).equals("CMD") && !test.get(0).equals("CMD-SHELL")) {
        error(((SeqNode) testNode).get(0), where + ".test: start with CMD (a program and its arguments) or"
            + " CMD-SHELL (a shell command)");
      }
    }
    for (String key : List.of("interval", "timeout", "start_period")) {
      duration(node, key, where + "." + key);
    }
    return new Healthcheck(test, text(node, "interval"), text(node, "timeout"), text(node, "start_period"),
        integer(node, "retries"));
  }

  // ---- backup ----

  private Backup backup(String where, MapNode node, Tier tier, Map<String, Service> services) {
    Node serviceNode = node.get("service");
    String serviceName = ((ScalarNode) serviceNode).value();
    Service database = services.get(serviceName);
    if (database == null) {
      error(serviceNode, where + ".service: '" + serviceName + "' is not a service of the stack"
          + suggestion(serviceName, services.keySet()));
    } else if (database.reference() != null
        && ImageCatalog.find(database.reference()).map(k -> k.backup() != BackupMethod.PG_DUMPALL).orElse(true)) {
      error(serviceNode, where + ".service: the backup job dumps PostgreSQL, and " + serviceName + " runs "
          + database.image());
    } else if (database.reference() != null && passwordSecret(database) == null) {
      error(serviceNode, where + ".service: " + serviceName + " must read its password from a secret"
          + " (POSTGRES_PASSWORD_FILE: /run/secrets/NAME) so the backup job can use the same one");
    }
    if (database != null && services.containsKey(serviceName + "-backup")) {
      error(serviceNode, where + ": the backup job is the service " + serviceName + "-backup, which the stack"
          + " already has");
    }
    Node imageNode = node.get("image");
    String image = text(node, "image");
    String digest = text(node, "digest");
    ImageReference reference = null;
    if (imageNode != null) {
      reference = image(where + ".image", imageNode, image, digest, tier, digest != null);
    } else if (database != null && database.reference() != null) {
      String derived = Stacks.backupImage(new Backup(null, serviceName, null, null, 1, 0, null, null, null, null,
          null), database);
      if (derived.endsWith(":latest")) {
        error(serviceNode, where + ": cannot tell the PostgreSQL major version from " + database.image()
            + "; set backup.image");
      }
      if (tier == Tier.PRODUCTION && digest == null) {
        error(node, where + ": a production stack pins every image by digest; set image: " + derived
            + " and its digest");
      }
      reference = ImageReference.parse(derived);
    }
    Resources limits = resources(where + ".limits", map(node, "limits"));
    return new Backup(node.origin().usedAt(), serviceName, text(node, "schedule"), text(node, "directory"),
        integer(node, "daily"), integer(node, "weekly"), integer(node, "monthly"), image, reference, digest,
        limits);
  }

  /**
   * The tree with every value placed where it is written, not where an alias uses it: an inventory's mistakes
   * are fixed where they are written (a stack shared by two environments through {@code *plane} is wrong once,
   * in its definition).
   */
  private static Node strip(Node node) {
    Node placed = node.withOrigin(dev.lashing.source.Origin.at(node.origin().at()));
    if (placed instanceof MapNode map) {
      List<MapNode.Entry> entries = new ArrayList<>(map.size());
      for (MapNode.Entry e : map.entries()) {
        entries.add(new MapNode.Entry(e.key().withOrigin(dev.lashing.source.Origin.at(e.key().origin().at())),
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

  // ---- helpers ----

  private static boolean isRoot(String user) {
    String name = user.trim();
    int colon = name.indexOf(':');
    name = colon < 0 ? name : name.substring(0, colon);
    return name.equals("root") || name.matches("0+");
  }

  private static String suggestion(String written, Set<String> names) {
    return dev.lashing.schema.Suggestions.closest(written, names).map(s -> " (did you mean '" + s + "'?)")
        .orElse("");
  }

  private void error(Node node, String message) {
    problems.add(Diagnostic.error(Diagnostic.Kind.SCHEMA, node.origin().usedAt(), message));
  }

  private static MapNode map(MapNode parent, String key) {
    return parent != null && parent.get(key) instanceof MapNode m ? m : null;
  }

  private static String text(MapNode parent, String key) {
    return parent != null && parent.get(key) instanceof ScalarNode s && !s.isNull() ? s.text() : null;
  }

  private static Integer integer(MapNode parent, String key) {
    return parent != null && parent.get(key) instanceof ScalarNode s && s.asLong().isPresent()
        ? Math.toIntExact(Math.min(Integer.MAX_VALUE, s.asLong().get()))
        : null;
  }

  private static boolean bool(MapNode parent, String key, boolean fallback) {
    return parent != null && parent.get(key) instanceof ScalarNode s ? s.asBoolean().orElse(fallback) : fallback;
  }

  private static List<String> strings(MapNode parent, String key) {
    List<String> out = new ArrayList<>();
    if (parent != null && parent.get(key) instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        out.add(((ScalarNode) item).text());
      }
    }
    return out;
  }
}
