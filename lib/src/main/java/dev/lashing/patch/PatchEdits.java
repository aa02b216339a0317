package dev.lashing.patch;

import static dev.lashing.patch.PatchBuilder.SERVICES;

import dev.lashing.knowledge.ImageCatalog;
import dev.lashing.knowledge.KnownImage;
import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.model.Deploy;
import dev.lashing.model.Located;
import dev.lashing.model.Project;
import dev.lashing.model.Service;
import dev.lashing.syntax.ByteSize;
import dev.lashing.syntax.ImageReference;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edits a patch makes for findings: each change of their fixes, with the rule that asked for it, rewritten
 * where an override must say it differently (a restart policy) or where the project needs more room (PIDs for
 * PostgreSQL's connections).
 */
final class PatchEdits {
  private PatchEdits() {}

  /** One change, the rule whose fix asked for it, and a note to write beside the value (or null). */
  record Edit(String ruleId, Fix.Change change, String note) {
    Edit(String ruleId, Fix.Change change) {
      this(ruleId, change, null);
    }
  }

  private static final Pattern MAX_CONNECTIONS =
      Pattern.compile("(?:max_connections\\s*=\\s*|(?:^|\\s)-N\\s*)([0-9]{1,6})(?:\\s|$)");

  /**
   * PostgreSQL runs a process per connection: a PIDs limit below its {@code max_connections} (set on the command
   * line) would refuse connections the server accepts, so the limit leaves room for them.
   */
  static List<Edit> withRoomForConnections(List<Edit> edits, MapNode current) {
    List<Edit> adjusted = new ArrayList<>(edits.size());
    for (Edit e : edits) {
      List<String> p = e.change().path();
      String last = p.get(p.size() - 1);
      boolean pids = e.change() instanceof Fix.Set set && set.value() instanceof Number && p.size() >= 3
          && p.get(0).equals(SERVICES) && (last.equals("pids") || last.equals("pids_limit"));
      Long connections = pids ? maxConnections(current, p.get(1)) : null;
      long value = pids ? ((Number) ((Fix.Set) e.change()).value()).longValue() : 0;
      if (connections != null && connections + 100 > value) {
        adjusted.add(new Edit(e.ruleId(), new Fix.Set(p, connections + 100), "max_connections=" + connections
            + " needs a process per connection"));
      } else {
        adjusted.add(e);
      }
    }
    return adjusted;
  }

  /**
   * A memory or CPU limit that is the service's reservation (the limit rules raise their proposal to it: the engine
   * refuses a memory limit below the reservation) says so beside it, since it is not the kind of image's default.
   */
  static List<Edit> withReservationNotes(List<Edit> edits, Project project) {
    List<Edit> noted = new ArrayList<>(edits.size());
    for (Edit e : edits) {
      noted.add(e.note() == null && e.change() instanceof Fix.Set set && isReservation(set, project)
          ? new Edit(e.ruleId(), set, "raised to its reservation: a limit is never below it") : e);
    }
    return noted;
  }

  /** Whether {@code set} writes a memory or CPU limit equal to the service's reservation of it. */
  private static boolean isReservation(Fix.Set set, Project project) {
    List<String> p = set.path();
    Service service = p.size() < 3 || !p.get(0).equals(SERVICES) ? null : project.services().get(p.get(1));
    if (service == null) {
      return false;
    }
    boolean deployed = p.size() == 6 && p.subList(2, 5).equals(List.of("deploy", "resources", "limits"));
    String key = deployed ? p.get(5) : p.size() == 3 ? p.get(2) : "";
    if (deployed ? key.equals("memory") : key.equals("mem_limit")) {
      long reserved = service.effectiveMemoryReservation().map(Located::value).orElse(0L);
      try {
        return reserved > 0 && ByteSize.parse(String.valueOf(set.value())) == reserved;
      } catch (SyntaxException e) {
        return false; // a value the loader would have refused: no note
      }
    }
    Deploy.Resources resources = service.deploy() == null ? null : service.deploy().resources();
    Located<Double> reserved = resources == null || resources.reservations() == null ? null
        : resources.reservations().cpus();
    return key.equals("cpus") && set.value() instanceof Number limit && reserved != null && reserved.value() > 0
        && limit.doubleValue() == reserved.value();
  }

  private static Long maxConnections(MapNode current, String service) {
    if (!(PatchPaths.nodeAt(current, List.of(SERVICES, service, "command")) instanceof SeqNode command)
        || !(PatchPaths.nodeAt(current, List.of(SERVICES, service, "image")) instanceof ScalarNode image)
        || image.text() == null || !isPostgresql(image.text())) {
      return null;
    }
    StringBuilder words = new StringBuilder();
    for (Node w : command.items()) {
      if (w instanceof ScalarNode s && s.text() != null) {
        words.append(' ').append(s.text());
      }
    }
    Matcher m = MAX_CONNECTIONS.matcher(words.toString());
    Long found = null;
    while (m.find()) {
      found = Long.parseLong(m.group(1));
    }
    return found;
  }

  private static boolean isPostgresql(String image) {
    try {
      return ImageCatalog.find(ImageReference.parse(image)).map(KnownImage::postgresql).orElse(false);
    } catch (SyntaxException e) {
      return false;
    }
  }

  /** The edits of the findings' fixes, restart fixes on deploy.restart_policy rewritten. */
  static List<Edit> edits(List<Finding> findings) {
    List<Edit> edits = new ArrayList<>();
    for (Finding f : findings) {
      for (Fix.Change c : f.fix().changes()) {
        edits.addAll(rewrite(f.ruleId(), c));
      }
    }
    return edits;
  }

  /** {@link #rewrite} for one edit (tests). */
  static List<Edit> rewriteForTest(Edit edit) {
    return rewrite(edit.ruleId(), edit.change());
  }

  /**
   * A restart fix that sets {@code deploy.restart_policy.condition} or {@code .max_attempts} becomes
   * {@code restart} plus a reset of {@code deploy.restart_policy}, which would otherwise win over it.
   */
  private static List<Edit> rewrite(String ruleId, Fix.Change c) {
    List<String> p = c.path();
    if (c instanceof Fix.Set set && p.size() == 5 && p.get(0).equals(SERVICES) && p.get(2).equals("deploy")
        && p.get(3).equals("restart_policy")) {
      String restart = switch (p.get(4)) {
        case "condition" -> switch (String.valueOf(set.value())) {
          case "none" -> "no";
          case "any" -> "unless-stopped";
          case "on-failure" -> "on-failure";
          default -> null;
        };
        case "max_attempts" -> "on-failure:" + set.value();
        default -> null;
      };
      if (restart != null) {
        return List.of(
            new Edit(ruleId, new Fix.Remove(p.subList(0, 4))),
            new Edit(ruleId, new Fix.Set(List.of(SERVICES, p.get(1), "restart"), restart)));
      }
    }
    return List.of(new Edit(ruleId, c));
  }
}
