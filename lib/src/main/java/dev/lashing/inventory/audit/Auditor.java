package dev.lashing.inventory.audit;

import dev.lashing.inventory.Inventory;
import dev.lashing.inventory.Inventory.Environment;
import dev.lashing.inventory.Inventory.Service;
import dev.lashing.inventory.Inventory.Stack;
import dev.lashing.inventory.Stacks;
import dev.lashing.inventory.audit.AuditResult.Classified;
import dev.lashing.inventory.audit.AuditResult.Kind;
import dev.lashing.inventory.audit.AuditResult.Verdict;
import dev.lashing.syntax.ImageReference;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.syntax.VolumeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Classifies everything on a host against an environment of the inventory. Each container, image and volume
 * is, in this order of precedence:
 *
 * <ol>
 *   <li><b>protected</b> when its name (an image's repository, also without its registry and namespace) or an
 *       image's tag matches a protected pattern: never touched, whatever else is true of it;
 *   <li><b>expected</b> when a stack of the environment defines it (container {@code <stack>-<service>}, the
 *       services' images, volumes {@code <stack>_<volume>}) or an {@code allowed} pattern names it; also a
 *       resource matching {@code safe_to_delete} that must be kept for now (in use, younger than
 *       {@code max_unused_age}, or of unknown use or age);
 *   <li><b>safe to delete</b> when it matches {@code safe_to_delete}, is unused (a stopped container; an image no
 *       container uses; a volume no container mounts) and older than {@code max_unused_age} when one is set;
 *       never on a production host;
 *   <li><b>extra</b> otherwise: drift from the inventory; also a container matching {@code safe_to_delete}
 *       that is running (an experiment someone runs on the host), and the images and volumes it uses.
 * </ol>
 *
 * <p>Ages: an image's age is its {@code CreatedAt}, when it was built, since Docker records no last use;
 * {@code docker volume ls} prints no age, so a volume's age is known only from {@code docker volume inspect}
 * lines, and without one a volume age limit keeps the volume.
 */
public final class Auditor {
  private static final String EXPERIMENT = ", and that container matches safe_to_delete but is running";

  private final Environment env;
  private final HostState state;
  private final Instant now;
  private final ResourceUsers resourceUsers;
  private final Map<String, String> containers = new LinkedHashMap<>();
  private final Map<String, String> volumes = new LinkedHashMap<>();
  private final List<ExpectedImage> images = new ArrayList<>();
  /**
   * Running containers that match safe_to_delete: someone's experiment on the host, reported as drift with the
   * images and volumes they use. Containers are classified first, so images and volumes find them here.
   */
  private final Set<String> experiments = new HashSet<>();

  /** An image a service runs. */
  private record ExpectedImage(String repository, String tag, String digest, String reason) {}

  private Auditor(Environment env, HostState state, Instant now) {
    this.env = env;
    this.state = state;
    this.now = now;
    this.resourceUsers = new ResourceUsers(state.containers());
    for (Stack stack : env.stacks().values()) {
      for (Service service : stack.services().values()) {
        String of = "service " + service.name() + " of stack " + stack.name();
        containers.put(Stacks.containerName(stack, service.name()), of);
        images.add(new ExpectedImage(service.reference().familiarName(), service.reference().tag(),
            service.digest(), "image of " + of));
        for (String spec : service.volumes()) {
          VolumeSpec.Mount mount = VolumeSpec.parse(spec);
          if (mount.type().equals("volume")) {
            volumes.putIfAbsent(Stacks.volumeName(stack, mount.source()),
                "volume " + mount.source() + " of stack " + stack.name());
          }
        }
      }
      if (stack.backup() != null) {
        String name = Stacks.backupServiceName(stack);
        String of = "backup job " + name + " of stack " + stack.name();
        containers.put(Stacks.containerName(stack, name), of);
        ImageReference reference = ImageReference.parse(
            Stacks.backupImage(stack.backup(), stack.services().get(stack.backup().service())));
        images.add(new ExpectedImage(reference.familiarName(), reference.tag(), stack.backup().digest(),
            "image of " + of));
      }
    }
  }

  /** Classifies every resource of {@code state} against {@code environment}, as of {@code now}. */
  public static AuditResult audit(Inventory inventory, Environment environment, HostState state, Instant now) {
    return new Auditor(environment, state, now).run(inventory);
  }

  private AuditResult run(Inventory inventory) {
    List<Classified> items = new ArrayList<>();
    for (HostState.Container c : state.containers()) {
      items.add(container(c));
    }
    for (HostState.Image i : state.images()) {
      items.add(image(i));
    }
    for (HostState.Volume v : state.volumes()) {
      items.add(volume(v));
    }
    List<String> missing = new ArrayList<>();
    Set<String> present = new HashSet<>();
    state.containers().forEach(c -> present.add("container " + c.name()));
    state.volumes().forEach(v -> present.add("volume " + v.name()));
    containers.forEach((name, of) -> {
      if (!present.contains("container " + name)) {
        missing.add("container " + name + " (" + of + ")");
      }
    });
    volumes.forEach((name, of) -> {
      if (!present.contains("volume " + name)) {
        missing.add("volume " + name + " (" + of + ")");
      }
    });
    return new AuditResult(inventory.file(), env, items, missing);
  }

  private Classified container(HostState.Container c) {
    String name = c.name();
    String pattern = Glob.firstMatch(env.protectedNames(), name);
    if (pattern != null) {
      return new Classified(Kind.CONTAINER, name, Verdict.PROTECTED, "protected name (" + pattern + ")", name);
    }
    if (containers.containsKey(name)) {
      return new Classified(Kind.CONTAINER, name, Verdict.EXPECTED, containers.get(name), name);
    }
    pattern = Glob.firstMatch(env.allowed().containers(), name);
    if (pattern != null) {
      return new Classified(Kind.CONTAINER, name, Verdict.EXPECTED, "allowed (" + pattern + ")", name);
    }
    pattern = env.production() ? null : Glob.firstMatch(env.safeToDelete().containers(), name);
    if (pattern != null) {
      String matched = "matches safe_to_delete (" + pattern + ")";
      if (c.isRunning()) {
        experiments.add(name);
        return new Classified(Kind.CONTAINER, name, Verdict.EXTRA, matched + " but is " + c.state()
            + ": someone is running an experiment on the host", name);
      }
      return new Classified(Kind.CONTAINER, name, Verdict.SAFE_TO_DELETE, matched + "; " + c.state(), name);
    }
    return new Classified(Kind.CONTAINER, name, Verdict.EXTRA, "not in the inventory (" + c.state() + ", image "
        + c.image() + ")", name);
  }

  private Classified image(HostState.Image i) {
    String name = display(i);
    String argument = removeArgument(i);
    String repository = familiar(i.repository());
    String pattern = protectedImageName(i.repository());
    if (pattern != null) {
      return new Classified(Kind.IMAGE, name, Verdict.PROTECTED, "protected name (" + pattern + ")", argument);
    }
    pattern = Glob.firstMatch(env.protectedTags(), i.tag());
    if (pattern != null && !i.tag().equals("<none>")) {
      return new Classified(Kind.IMAGE, name, Verdict.PROTECTED, "protected tag (" + pattern + ")", argument);
    }
    for (ExpectedImage e : images) {
      if (e.repository().equals(repository)
          && (i.tag().equals(e.tag()) || e.digest() != null && e.digest().equals(i.digest()))) {
        return new Classified(Kind.IMAGE, name, Verdict.EXPECTED, e.reason(), argument);
      }
    }
    pattern = imagePattern(env.allowed().images(), i);
    if (pattern != null) {
      return new Classified(Kind.IMAGE, name, Verdict.EXPECTED, "allowed (" + pattern + ")", argument);
    }
    List<String> users = resourceUsers.ofImage(i, repository);
    pattern = env.production() ? null : imagePattern(env.safeToDelete().images(), i);
    if (pattern != null) {
      String matched = "matches safe_to_delete (" + pattern + ")";
      String experiment = experimentAmong(users);
      if (experiment != null) {
        return new Classified(Kind.IMAGE, name, Verdict.EXTRA, matched + ", but container " + experiment
            + " uses it" + EXPERIMENT, argument);
      }
      String keep = !state.hasContainerData()
          ? "no docker ps lines were given, so whether a container uses it is unknown"
          : !users.isEmpty() ? "container " + String.join(", ", users) + " uses it"
          : tooYoung(i.createdAt(), env.maxImageAge(), "docker images printed no CreatedAt");
      return keep != null
          ? new Classified(Kind.IMAGE, name, Verdict.EXPECTED, "kept: " + matched + ", but " + keep, argument)
          : new Classified(Kind.IMAGE, name, Verdict.SAFE_TO_DELETE, matched + "; no container uses it"
              + age(i.createdAt(), "built"), argument);
    }
    return new Classified(Kind.IMAGE, name, Verdict.EXTRA, "not in the inventory" + (users.isEmpty() ? ""
        : " (used by " + String.join(", ", users) + ")"), argument);
  }

  private Classified volume(HostState.Volume v) {
    String name = v.name();
    String pattern = Glob.firstMatch(env.protectedNames(), name);
    if (pattern != null) {
      return new Classified(Kind.VOLUME, name, Verdict.PROTECTED, "protected name (" + pattern + ")", name);
    }
    if (volumes.containsKey(name)) {
      return new Classified(Kind.VOLUME, name, Verdict.EXPECTED, volumes.get(name), name);
    }
    pattern = Glob.firstMatch(env.allowed().volumes(), name);
    if (pattern != null) {
      return new Classified(Kind.VOLUME, name, Verdict.EXPECTED, "allowed (" + pattern + ")", name);
    }
    List<String> users = resourceUsers.ofVolume(name);
    pattern = env.production() ? null : Glob.firstMatch(env.safeToDelete().volumes(), name);
    if (pattern != null) {
      String matched = "matches safe_to_delete (" + pattern + ")";
      String experiment = experimentAmong(users);
      if (experiment != null) {
        return new Classified(Kind.VOLUME, name, Verdict.EXTRA, matched + ", but container " + experiment
            + " mounts it" + EXPERIMENT, name);
      }
      String keep = !state.hasContainerData()
          ? "no docker ps lines were given, so whether a container mounts it is unknown"
          : !users.isEmpty() ? "container " + String.join(", ", users) + " mounts it"
          : tooYoung(v.createdAt(), env.maxVolumeAge(), "docker volume ls prints no age (add docker volume inspect"
              + " lines)");
      return keep != null
          ? new Classified(Kind.VOLUME, name, Verdict.EXPECTED, "kept: " + matched + ", but " + keep, name)
          : new Classified(Kind.VOLUME, name, Verdict.SAFE_TO_DELETE, matched + "; no container mounts it"
              + age(v.createdAt(), "created"), name);
    }
    return new Classified(Kind.VOLUME, name, Verdict.EXTRA, "not in the inventory" + (users.isEmpty() ? ""
        : " (mounted by " + String.join(", ", users) + ")"), name);
  }

  /**
   * The protected pattern an image's repository matches as Docker shows it, in its familiar form, or by its
   * name alone without registry and namespace ({@code ipai-*} protects {@code ghcr.io/acme/ipai-odoo}):
   * protection errs on the side of keeping.
   */
  private String protectedImageName(String repository) {
    String familiar = familiar(repository);
    String name = repository.substring(repository.lastIndexOf('/') + 1);
    for (String subject : List.of(repository, familiar, name)) {
      String pattern = Glob.firstMatch(env.protectedNames(), subject);
      if (pattern != null) {
        return pattern;
      }
    }
    return null;
  }

  /** The first of a resource's users that is a running experiment, or null. */
  private String experimentAmong(List<String> users) {
    return users.stream().filter(experiments::contains).findFirst().orElse(null);
  }

  /** Why a resource must be kept although unused: younger than the limit, or of unknown age; null when old enough. */
  private String tooYoung(Instant createdAt, Duration limit, String unknown) {
    if (limit == null) {
      return null;
    }
    if (createdAt == null) {
      return "its age is unknown (" + unknown + ") and max_unused_age is " + format(limit);
    }
    Duration age = Duration.between(createdAt, now);
    return age.compareTo(limit) < 0
        ? "it is " + format(age) + " old, less than max_unused_age " + format(limit)
        : null;
  }

  private String age(Instant createdAt, String verb) {
    return createdAt == null ? "" : ", " + verb + " " + format(Duration.between(createdAt, now)) + " ago";
  }

  /** Whole days, else whole hours, else minutes: {@code 40d}, {@code 5h}, {@code 12m}. */
  static String format(Duration d) {
    if (d.isNegative()) {
      return "0m";
    }
    if (d.toDays() >= 1) {
      return d.toDays() + "d";
    }
    if (d.toHours() >= 1) {
      return d.toHours() + "h";
    }
    return d.toMinutes() + "m";
  }

  /** A pattern with a colon matches {@code repository:tag}; one without matches the repository. */
  private static String imagePattern(List<String> patterns, HostState.Image image) {
    for (String pattern : patterns) {
      String subject = pattern.contains(":") ? image.name() : image.repository();
      if (Glob.matches(pattern, subject)) {
        return pattern;
      }
    }
    return null;
  }

  /** {@code postgres} for {@code docker.io/library/postgres}; the text itself when it is not a reference. */
  static String familiar(String repository) {
    try {
      ImageReference r = ImageReference.parse(repository);
      return r.tag() == null && r.digest() == null ? r.familiarName() : repository;
    } catch (SyntaxException e) {
      return repository;
    }
  }

  /** How a listing names an image: {@code postgres:16.4}, {@code postgres@sha256:…} when untagged, else its ID. */
  private static String display(HostState.Image i) {
    if (!i.isDangling() && i.tag().equals("<none>") && i.digest() != null) {
      return i.repository() + "@" + i.digest();
    }
    return i.isDangling() ? "<none>:<none> " + i.id() : i.name();
  }

  /** What {@code docker rmi} is given: the tag, else the digest, else the ID. */
  private static String removeArgument(HostState.Image i) {
    if (!i.isDangling() && !i.tag().equals("<none>")) {
      return i.name();
    }
    if (!i.isDangling() && i.digest() != null) {
      return i.repository() + "@" + i.digest();
    }
    return i.id();
  }
}
