package dev.lashing.inventory;

import static dev.lashing.inventory.InventoryNodes.map;
import static dev.lashing.inventory.InventoryNodes.strings;
import static dev.lashing.inventory.InventoryNodes.text;

import dev.lashing.inventory.Inventory.Command;
import dev.lashing.inventory.Inventory.Exposure;
import dev.lashing.inventory.Inventory.Healthcheck;
import dev.lashing.inventory.Inventory.Resources;
import dev.lashing.inventory.Inventory.Secret;
import dev.lashing.inventory.Inventory.Service;
import dev.lashing.inventory.Inventory.Tier;
import dev.lashing.knowledge.Capabilities;
import dev.lashing.knowledge.EngineMinimums;
import dev.lashing.knowledge.HostPaths;
import dev.lashing.knowledge.ImageCatalog;
import dev.lashing.knowledge.KnownHealthcheck;
import dev.lashing.knowledge.KnownImage;
import dev.lashing.knowledge.MovingTags;
import dev.lashing.lint.CommandLinePasswords;
import dev.lashing.lint.Credentials;
import dev.lashing.lint.RuleOption;
import dev.lashing.syntax.ByteSize;
import dev.lashing.syntax.GoDuration;
import dev.lashing.syntax.ImageReference;
import dev.lashing.syntax.ShellWords;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.syntax.VolumeSpec;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one service of an inventory stack and checks what a schema cannot say: an image that moves or is not
 * pinned where the tier asks for it, a port without a listener, limits below their reservations or below what the
 * engine accepts, a credential written into the environment, a dangerous capability, an image whose user or
 * healthcheck Lashing does not know and the inventory does not give.
 */
final class InventoryServiceReader {
  private final InventoryProblems problems;

  InventoryServiceReader(InventoryProblems problems) {
    this.problems = problems;
  }

  Duration duration(MapNode parent, String key, String where) {
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
    problems.error(node, where + ": '" + ((ScalarNode) node).value() + "' is not a positive duration (30d, 12h, 2w)");
    return null;
  }

  Service service(String where, MapNode.Entry entry, Tier tier, boolean gateway, Map<String, Secret> secrets) {
    String name = entry.name();
    MapNode s = (MapNode) entry.value();
    Node imageNode = s.get("image");
    String image = ((ScalarNode) imageNode).value();
    String digest = text(s, "digest");
    ImageReference reference = image(where + ".image", imageNode, image, digest, tier, s.get("digest") != null);
    KnownImage known = reference == null ? null : ImageCatalog.find(reference).orElse(null);
    KnownImage.Runtime runtime = known == null ? null : known.runtime();
    Long written = whole(s, "port", where + ".port", RuleOption.Type.WHOLE);
    Integer port = written == null ? null : Math.toIntExact(written); // the schema keeps it under 65536
    Exposure exposure = exposure(where, s, gateway, tier);
    if (exposure.isPublished() && port == null && runtime == null) {
      problems.error(s.get("expose"), where + ".expose: set port, the port " + name
          + " listens on inside its container");
    }
    Resources limits = limits(where + ".limits", map(s, "limits"));
    Resources reservations = reservations(where + ".reservations", map(s, "reservations"));
    if (limits.memory() != null && reservations.memory() != null && reservations.memory() > limits.memory()) {
      problems.error(map(s, "reservations").get("memory"), where + ".reservations.memory: more than the memory limit ("
          + ByteSize.format(limits.memory()) + "); the engine refuses that");
    }
    if (limits.cpus() != null && reservations.cpus() != null && reservations.cpus() > limits.cpus()) {
      problems.error(map(s, "reservations").get("cpus"), where + ".reservations.cpus: more than the CPU limit ("
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
      problems.error(entry.key(), where + ": " + image + " is not an image Lashing knows a healthcheck for; write one"
          + " (healthcheck: {test: [CMD, ...]})");
    } else if (healthcheck == null && reference != null) {
      KnownHealthcheck.Test test = known.healthcheck().test(
          new KnownHealthcheck.Subject(environment::get, port, reference.effectiveTag()));
      if (!test.isKnown()) {
        problems.error(entry.key(), where + ": Lashing writes no healthcheck for " + image + ": "
            + test.unavailable() + "; write one (healthcheck: {test: [CMD, ...]})");
      }
    }
    String user = text(s, "user");
    if (user != null && isRoot(user)) {
      problems.error(s.get("user"), where + ".user: '" + user
          + "' is root; name an unprivileged user the image can run as");
    } else if (user == null && runtime == null && reference != null) {
      problems.error(entry.key(), where + ": " + image + " is not an image Lashing knows the user of; set user to an"
          + " unprivileged user it can run as (such as \"1000:1000\")");
    }
    List<String> capAdd = strings(s, "cap_add");
    if (s.get("cap_add") instanceof SeqNode caps) {
      for (Node cap : caps.items()) {
        if (Capabilities.risk(((ScalarNode) cap).value()).isPresent()) {
          problems.error(cap, where + ".cap_add: " + ((ScalarNode) cap).value()
              + " opens a way to the host; a generated"
              + " stack never adds it");
        }
      }
    }
    Command command = null;
    Node commandNode = s.get("command");
    refuseLiteralPasswords(commandNode, where + ".command");
    if (commandNode instanceof ScalarNode c) {
      try {
        ShellWords.split(c.value());
      } catch (SyntaxException e) {
        problems.error(c, where + ".command: " + e.getMessage() + ": Compose splits a command written as one text"
            + " into words as a shell would, and refuses this one; write the command as a list of words");
      }
      command = new Command(c.value(), null);
    } else if (commandNode instanceof SeqNode) {
      command = new Command(null, strings(s, "command"));
    }
    Boolean readOnly = s.get("read_only") instanceof ScalarNode r ? r.asBoolean().orElse(null) : null;
    return new Service(name, entry.key().origin().usedAt(), image, reference, digest, port, exposure, limits,
        reservations, volumes, strings(s, "tmpfs"), environment, serviceSecrets, healthcheck,
        strings(s, "depends_on"), user, command, capAdd, readOnly);
  }

  ImageReference image(String where, Node node, String image, String digest, Tier tier, boolean hasDigest) {
    ImageReference reference;
    try {
      reference = ImageReference.parse(image);
    } catch (SyntaxException e) {
      problems.error(node, where + ": '" + image + "' is not an image reference: " + e.getMessage());
      return null;
    }
    if (reference.digest() != null) {
      problems.error(node, where + ": write the digest in digest:, and only repository and tag here");
      return null;
    }
    if (reference.tag() == null) {
      problems.error(node, where + ": '" + image + "' has no tag, so Docker would pull latest; give the version ("
          + image
          + ":<version>)");
    } else if (!hasDigest && MovingTags.movement(reference.tag()) != null) {
      problems.error(node, where + ": tag " + reference.tag() + " " + MovingTags.movement(reference.tag())
          + ", so what runs changes"
          + " without notice; use a version tag, or add its digest");
    }
    if (tier == Tier.PRODUCTION && digest == null) {
      problems.error(node, where + ": a production stack pins every image by digest; add digest: sha256:... (docker"
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
      problems.error(node, where + ".expose: host port " + text.substring(colon + 1) + " is not between 1 and 65535");
    }
    if (kind == Exposure.Kind.PUBLIC && !gateway) {
      problems.error(node, where + ".expose: only the stack's gateways may be public; add the service to gateways, or"
          + " expose it on localhost:" + text.substring(colon + 1));
    }
    return new Exposure(kind, port, text);
  }

  /**
   * Limits, each one the engine accepts: it refuses a memory or CPU limit below its minimum, and a CPU limit it
   * cannot be given ({@link #cpusTooMany}). It sets none on the number of processes, so any positive number is
   * taken.
   */
  Resources limits(String where, MapNode node) {
    if (node == null) {
      return Resources.NONE;
    }
    Double cpus = cpus(node);
    if (cpus != null && cpus < EngineMinimums.CPUS) {
      problems.error(node.get("cpus"), where + ".cpus: " + cpus + " is below " + EngineMinimums.CPUS
          + ", the least CPU limit the engine accepts");
    }
    cpusTooMany(where, node, cpus);
    return new Resources(memory(where, node), cpus, whole(node, "pids", where + ".pids", RuleOption.Type.WHOLE));
  }

  /**
   * Reservations: a memory reservation the engine accepts. Compose passes a CPU reservation to Swarm only, so the
   * engine sets no minimum for one; but without a CPU limit the generator takes a larger reservation for the limit,
   * so it must be one the engine can be given.
   */
  Resources reservations(String where, MapNode node) {
    if (node == null) {
      return Resources.NONE;
    }
    Double cpus = cpus(node);
    cpusTooMany(where, node, cpus);
    return new Resources(memory(where, node), cpus, null);
  }

  /**
   * A number of CPUs the engine cannot be given, refused where it is written: docker compose passes cpus × 10^9
   * as a 64-bit integer, and the limit it writes for 99999999999 CPUs overflows ({@link EngineMinimums#nanoCpusFit}).
   */
  private void cpusTooMany(String where, MapNode node, Double cpus) {
    if (cpus != null && !EngineMinimums.nanoCpusFit(cpus)) {
      problems.error(node.get("cpus"), where + ".cpus: " + ((ScalarNode) node.get("cpus")).value() + " is more CPUs"
          + " than the engine can be given: docker compose passes cpus × 10^9 to it as a 64-bit integer (NanoCPUs),"
          + " which this overflows");
    }
  }

  /** The memory of a limit or reservation, null when not given or told wrong; the engine's minimum is the same. */
  private Long memory(String where, MapNode node) {
    if (!(node.get("memory") instanceof ScalarNode m)) {
      return null;
    }
    long memory;
    try {
      memory = ByteSize.parse(m.text());
    } catch (SyntaxException e) {
      memory = -1L;
    }
    if (memory <= 0) {
      problems.error(m, where + ".memory: '" + m.text() + "' is not a positive size (512m, 2g)");
      return null;
    }
    if (memory < EngineMinimums.MEMORY) {
      problems.error(m, where + ".memory: " + m.text() + " is below " + ByteSize.format(EngineMinimums.MEMORY)
          + ", the least the engine accepts");
    }
    return memory;
  }

  /**
   * A whole number the schema has typed as an integer, checked as {@code .lashing.yml} checks an option of
   * {@code type}: written as 5 or 5.0 it is 5 (YAML reads the second as a float, JSON Schema as an integer, as
   * Compose's own schema does); one beyond 64 bits is refused where it is written, never capped. Null when not
   * given or refused.
   */
  Long whole(MapNode parent, String key, String where, RuleOption.Type type) {
    if (parent == null || !(parent.get(key) instanceof ScalarNode s) || s.isNull()) {
      return null;
    }
    String text = s.text();
    String mistake = type.mistake(text).orElse(null);
    if (mistake != null) {
      problems.error(s, where + ": " + mistake + ", not " + s.value());
      return null;
    }
    return Long.parseLong(text);
  }

  private static Double cpus(MapNode node) {
    return node.get("cpus") instanceof ScalarNode c ? Double.valueOf(c.text()) : null;
  }

  private void volume(String where, Node item) {
    String spec = ((ScalarNode) item).value();
    VolumeSpec.Mount mount;
    try {
      mount = VolumeSpec.parse(spec);
    } catch (SyntaxException e) {
      problems.error(item, where + ": " + e.getMessage());
      return;
    }
    if (mount.source() == null) {
      problems.error(item, where + ": '" + spec + "' is an anonymous volume; name it (NAME:" + mount.target()
          + ") so it"
          + " survives the container and shows in audits");
    } else if (mount.type().equals("volume") && !mount.source().matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
      problems.error(item, where + ": '" + mount.source() + "' is not a valid volume name");
    }
    if (spec.contains("$")) {
      problems.error(item, where + ": variables are not expanded in an inventory; write the path");
    }
    String hostPath = mount.type().equals("bind") ? HostPaths.normalize(mount.source()) : null;
    if (hostPath != null) {
      refuseSensitiveHostPath(item, where, hostPath, mount.readOnly());
    }
  }

  /**
   * Refuses a host path that a generated file would mount, and fail its own lint on: a container engine's socket,
   * or a sensitive host directory.
   *
   * @param hostPath absolute and normalized
   */
  void refuseSensitiveHostPath(Node at, String where, String hostPath, boolean readOnly) {
    if (HostPaths.engineSocket(hostPath) != null || HostPaths.holdsEngineSocket(hostPath)) {
      problems.error(at, where + ": " + hostPath + " gives the container engine's API socket: anyone in the"
          + " container could start a privileged container and so control the host; a generated stack does not"
          + " mount it (put a socket proxy that allows only the calls the service needs in between)");
      return;
    }
    String holds = HostPaths.sensitive(hostPath, readOnly);
    if (holds != null) {
      problems.error(at, where + ": " + hostPath + " is a sensitive host directory: " + holds
          + "; mount only the file or directory the service needs" + (readOnly ? "" : ", read-only (:ro)"));
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
        problems.error(e.value(), where + "." + e.name() + ": a credential written into the environment ends up in the"
            + " compose file; put it in a file and list it under secrets, then point the service at"
            + " /run/secrets/NAME (many images read " + e.name() + "_FILE)");
      } else if (Credentials.hasPasswordInUrl(value)) {
        problems.error(e.value(), where + "." + e.name()
            + ": the URL carries a password; pass the password as a secret");
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
        problems.error(e.value(), where + "." + e.name() + ": another service of the stack reads secret " + e.name()
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
    refuseLiteralPasswords(testNode, where + ".test");
    List<String> test;
    if (testNode instanceof ScalarNode t) {
      test = List.of("CMD-SHELL", t.value());
    } else {
      test = strings(node, "test");
      if (!test.get(0).equals("CMD") && !test.get(0).equals("CMD-SHELL")) {
        problems.error(((SeqNode) testNode).get(0), where + ".test: start with CMD (a program and its arguments) or"
            + " CMD-SHELL (a shell command)");
      }
    }
    for (String key : List.of("interval", "timeout", "start_period")) {
      duration(node, key, where + "." + key);
    }
    return new Healthcheck(test, text(node, "interval"), text(node, "timeout"), text(node, "start_period"),
        whole(node, "retries", where + ".retries", RuleOption.Type.WHOLE));
  }

  /**
   * Refuses a password a command line gives literally ({@code --requirepass X}): a generated file would hold it for
   * everyone who can read it, or run docker inspect, and fail its own lint.
   */
  private void refuseLiteralPasswords(Node command, String where) {
    List<ScalarNode> parts = command instanceof ScalarNode scalar ? List.of(scalar)
        : command instanceof SeqNode seq ? seq.items().stream().map(ScalarNode.class::cast).toList()
        : List.of();
    List<String> words = new ArrayList<>();
    List<ScalarNode> wordParts = new ArrayList<>();
    for (ScalarNode part : parts) {
      // as a shell sees them: split at blanks, quotes dropped
      for (String word : part.value().trim().split("\\s+")) {
        words.add(word.replace("\"", "").replace("'", ""));
        wordParts.add(part);
      }
    }
    for (CommandLinePasswords.Literal password : CommandLinePasswords.in(words)) {
      problems.error(wordParts.get(password.word()), where + ": " + password.option() + " gives a password on the"
          + " command line, which the generated file would show to everyone who can read it or run docker inspect;"
          + " have the service read it from a secret (its *_FILE variable, or a file option)");
    }
  }

  private static boolean isRoot(String user) {
    String name = user.trim();
    int colon = name.indexOf(':');
    name = colon < 0 ? name : name.substring(0, colon);
    return name.equals("root") || name.matches("0+");
  }
}
