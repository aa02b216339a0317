package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Level;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleRole;
import dev.lashing.lint.Severity;
import dev.lashing.model.Port;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host port below 1024 published for a container. A short entry that stands for several ports
 * ({@code "80-81:80-81"}) is reported once, naming its privileged ports.
 */
@RuleInfo(
    id = "privileged-port",
    summary = "A container is published on a privileged host port (below 1024)",
    category = Category.SECURITY,
    severity = Severity.LOW,
    development = Level.OFF,
    cis = "5.8",
    cisV15 = "5.7",
    roles = RuleRole.PRIVILEGED_PORT)
public final class PrivilegedPort implements Rule {
  @Override
  public RuleInfo info() {
    return PrivilegedPortInfo.INFO;
  }

  private static final Pattern PUBLISHED = Pattern.compile("([0-9]{1,5})(?:-([0-9]{1,5}))?");
  private static final int FIRST_UNPRIVILEGED = 1024;

  /** Privileged host ports {@code first} to {@code last}. */
  private record Span(String protocol, int first, int last) {
    @Override
    public String toString() {
      return (first == last ? Integer.toString(first) : first + "-" + last) + "/" + protocol;
    }
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      // One written entry may stand for several ports; they share its origin.
      Map<Origin, List<Span>> entries = new LinkedHashMap<>();
      Map<Origin, Origin> publishedAt = new LinkedHashMap<>();
      for (Port port : service.publishedPorts()) {
        Span span = privileged(port);
        if (span != null) {
          entries.computeIfAbsent(port.origin(), o -> new ArrayList<>()).add(span);
          publishedAt.putIfAbsent(port.origin(), port.published().origin());
        }
      }
      entries.forEach((entry, spans) -> context.report(publishedAt.get(entry), service.name(), "service '"
          + service.name() + "' publishes host " + describe(merge(spans)) + ", below 1024: those are reserved for"
          + " the host's system services, and clients may trust whatever answers there; publish an unprivileged"
          + " port (such as 8080 for 80), or, if the service is meant to be the host's front door, suppress this"
          + " with that reason"));
    }
  }

  /** The privileged part of the port's published port or range, or null when none. */
  private static Span privileged(Port port) {
    if (port.published() == null) {
      return null;
    }
    Matcher m = PUBLISHED.matcher(port.published().value().trim());
    if (!m.matches()) {
      return null;
    }
    int first = Integer.parseInt(m.group(1));
    int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
    if (first == 0 || first >= FIRST_UNPRIVILEGED) {
      return null;
    }
    return new Span(port.protocolOrDefault(), first, Math.min(last, FIRST_UNPRIVILEGED - 1));
  }

  /** "port 80/tcp", "ports 80-82/tcp, 53/udp". */
  private static String describe(List<Span> spans) {
    boolean several = spans.size() > 1 || spans.get(0).first() != spans.get(0).last();
    return (several ? "ports " : "port ") + String.join(", ", spans.stream().map(Span::toString).toList());
  }

  /** Adjacent spans of one protocol joined: 80/tcp, 81/tcp and 82/tcp are 80-82/tcp. */
  private static List<Span> merge(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort((a, b) -> {
      int byProtocol = a.protocol().compareTo(b.protocol());
      return byProtocol != 0 ? byProtocol : Integer.compare(a.first(), b.first());
    });
    List<Span> merged = new ArrayList<>();
    for (Span span : sorted) {
      Span previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (previous != null && previous.protocol().equals(span.protocol()) && span.first() <= previous.last() + 1) {
        merged.set(merged.size() - 1,
            new Span(span.protocol(), previous.first(), Math.max(previous.last(), span.last())));
      } else {
        merged.add(span);
      }
    }
    return merged;
  }
}
