package dev.lashing.inventory.audit;

import dev.lashing.inventory.Inventory.Environment;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The classification of a host's resources, and the three things made of it: summary, log line, cleanup script. */
public final class AuditResult {

  /** A kind of resource. */
  public enum Kind {
    CONTAINER("container", "containers"),
    IMAGE("image", "images"),
    VOLUME("volume", "volumes");

    private final String singular;
    private final String plural;

    Kind(String singular, String plural) {
      this.singular = singular;
      this.plural = plural;
    }

    public String singular() {
      return singular;
    }

    public String plural() {
      return plural;
    }
  }

  /** What the inventory says about a resource. */
  public enum Verdict {
    EXPECTED("expected", "expected"),
    EXTRA("extra", "extra"),
    PROTECTED("protected", "protected"),
    SAFE_TO_DELETE("safe to delete", "safe_delete");

    private final String label;
    private final String logKey;

    Verdict(String label, String logKey) {
      this.label = label;
      this.logKey = logKey;
    }

    public String label() {
      return label;
    }

    /** How the audit log names this class after a kind's plural: {@code containers_safe_delete}. */
    public String logKey() {
      return logKey;
    }
  }

  /**
   * One resource and its class.
   *
   * @param name how the summary names it
   * @param removeArgument what the cleanup script passes to docker to remove it
   */
  public record Classified(Kind kind, String name, Verdict verdict, String reason, String removeArgument) {}

  /** Names longer than this push their reason further right instead of widening the whole table. */
  private static final int NAME_WIDTH = 40;

  private final String inventory;
  private final Environment environment;
  private final List<Classified> items;
  private final List<String> missing;

  AuditResult(String inventory, Environment environment, List<Classified> items, List<String> missing) {
    this.inventory = inventory;
    this.environment = environment;
    this.missing = List.copyOf(missing);
    List<Classified> sorted = new ArrayList<>(items);
    sorted.sort((a, b) -> {
      int byKind = a.kind().compareTo(b.kind());
      return byKind != 0 ? byKind : a.name().compareTo(b.name());
    });
    this.items = List.copyOf(sorted);
  }

  public List<Classified> items() {
    return items;
  }

  /**
   * The containers and volumes the environment's stacks define that the host does not have (stopped stacks
   * and development stacks not started yet look like this): shown for information, not drift.
   */
  public List<String> missing() {
    return missing;
  }

  public Environment environment() {
    return environment;
  }

  public long count(Kind kind, Verdict verdict) {
    return items.stream().filter(c -> c.kind() == kind && c.verdict() == verdict).count();
  }

  /** Whether anything is extra: the host drifts from the inventory. */
  public boolean hasDrift() {
    return items.stream().anyMatch(c -> c.verdict() == Verdict.EXTRA);
  }

  public List<Classified> safeToDelete() {
    return items.stream().filter(c -> c.verdict() == Verdict.SAFE_TO_DELETE).toList();
  }

  /** The UTC time a run is logged at, to the second. */
  public static String timestamp(Instant now) {
    return DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * One line of the audit log ({@code schemas/lashing-audit-log.schema.json}), without a line break: timestamp,
   * host, ip and env, then for each kind and class the names of the resources in it, so that an alert on drift
   * can say what drifted.
   */
  public String logLine(Instant now, String host, String ip) {
    StringBuilder line = new StringBuilder("{");
    line.append("\"timestamp\":").append(jsonString(timestamp(now)));
    line.append(",\"host\":").append(jsonString(host));
    line.append(",\"ip\":").append(jsonString(ip));
    line.append(",\"env\":").append(jsonString(environment.name()));
    for (Kind kind : Kind.values()) {
      for (Verdict verdict : Verdict.values()) {
        line.append(",\"").append(kind.plural()).append('_').append(verdict.logKey).append("\":[");
        String separator = "";
        for (Classified c : items) {
          if (c.kind() == kind && c.verdict() == verdict) {
            line.append(separator).append(jsonString(c.name()));
            separator = ",";
          }
        }
        line.append(']');
      }
    }
    return line.append('}').toString();
  }

  /** The report for people: counts per kind, then every resource by class, with the reason. */
  public String summary(Instant now, String host) {
    StringBuilder out = new StringBuilder();
    out.append("audit of environment ").append(environment.name()).append(" on host ").append(host).append(" at ")
        .append(timestamp(now)).append(" (").append(inventory).append(")\n\n");
    for (Kind kind : Kind.values()) {
      out.append(String.format(Locale.ROOT, "%-11s%3d expected, %d extra, %d protected, %d safe to delete\n",
          kind.plural(), count(kind, Verdict.EXPECTED), count(kind, Verdict.EXTRA), count(kind, Verdict.PROTECTED),
          count(kind, Verdict.SAFE_TO_DELETE)));
    }
    int width = Math.min(NAME_WIDTH, items.stream().mapToInt(c -> c.name().length()).max().orElse(0));
    for (Verdict verdict : List.of(Verdict.EXTRA, Verdict.PROTECTED, Verdict.SAFE_TO_DELETE, Verdict.EXPECTED)) {
      List<Classified> group = items.stream().filter(c -> c.verdict() == verdict).toList();
      if (group.isEmpty()) {
        continue;
      }
      out.append('\n').append(heading(verdict)).append('\n');
      for (Classified c : group) {
        out.append(String.format(Locale.ROOT, "  %-10s %-" + width + "s  %s\n", c.kind().singular(),
            printable(c.name()), printable(c.reason())));
      }
    }
    if (!missing.isEmpty()) {
      out.append("\nin the inventory but not on the host (not drift; a stack may simply be stopped):\n");
      for (String m : missing) {
        out.append("  ").append(printable(m)).append('\n');
      }
    }
    long extra = items.stream().filter(c -> c.verdict() == Verdict.EXTRA).count();
    out.append('\n').append(extra == 0 ? "no drift: everything on the host is in the inventory"
        : "drift: " + extra + " resource" + (extra == 1 ? " is" : "s are") + " not in the inventory").append('\n');
    return out.toString();
  }

  private String heading(Verdict verdict) {
    return switch (verdict) {
      case EXTRA -> "extra (not in the inventory):";
      case PROTECTED -> "protected (never touched):";
      case SAFE_TO_DELETE -> environment.cleanup() ? "safe to delete (--cleanup-script writes their removal):"
          : "safe to delete (cleanup is off in this environment):";
      case EXPECTED -> "expected:";
    };
  }

  /**
   * A shell script that removes the safe-to-delete resources, one command each with the reason above it:
   * containers first, then images, then volumes. Protected and all other resources never appear in it.
   *
   * @throws IllegalStateException when the environment does not allow cleanup (callers check first)
   */
  public String cleanupScript(Instant now, String host) {
    if (!environment.cleanup() || environment.production()) {
      throw new IllegalStateException("environment " + environment.name() + " does not allow cleanup");
    }
    StringBuilder out = new StringBuilder();
    out.append("#!/bin/sh\n");
    out.append("# Cleanup of environment ").append(comment(environment.name())).append(" on host ")
        .append(comment(host)).append(", written by `lashing audit` at ").append(timestamp(now)).append('\n');
    out.append("# from ").append(comment(inventory)).append(". Review it before running it: it removes only what")
        .append(" the inventory marks\n");
    out.append("# safe to delete, never a protected resource. Lashing itself runs no docker command.\n");
    out.append("set -eu\n");
    Map<Kind, String> commands = new EnumMap<>(Kind.class);
    commands.put(Kind.CONTAINER, "docker rm -- ");
    commands.put(Kind.IMAGE, "docker rmi -- ");
    commands.put(Kind.VOLUME, "docker volume rm -- ");
    List<Classified> safe = safeToDelete();
    if (safe.isEmpty()) {
      out.append("\n# Nothing is safe to delete.\n");
    }
    for (Classified c : safe) {
      out.append('\n').append("# ").append(c.kind().singular()).append(' ').append(comment(c.name())).append(": ")
          .append(comment(c.reason())).append('\n');
      out.append(commands.get(c.kind())).append(shellQuote(c.removeArgument())).append('\n');
    }
    return out.toString();
  }

  /** Single-quoted for sh: nothing inside is special but the quote itself. */
  static String shellQuote(String text) {
    return "'" + text.replace("'", "'\"'\"'") + "'";
  }

  /** Text for a comment line: no line breaks or control characters can end the comment. */
  private static String comment(String text) {
    return printable(text);
  }

  private static String printable(String text) {
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints().forEach(c -> s.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
    return s.toString();
  }

  static String jsonString(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}
