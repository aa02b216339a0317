package dev.lashing.lint;

import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import java.util.List;

/**
 * One problem a rule found.
 *
 * @param at the offending node where it is written (for a missing attribute, the service's key)
 * @param service the service it concerns, or null for a project-level finding
 * @param via how the value reached the service: alias, merge key, extends, include, override file
 * @param fix what would resolve it, or null
 * @param suppression the reason given in a {@code # lashing-ignore} comment, or null when not suppressed
 */
public record Finding(
    String ruleId,
    Severity severity,
    String message,
    SourceRange at,
    String service,
    List<Via> via,
    Fix fix,
    String suppression) {

  public Finding {
    via = List.copyOf(via);
  }

  public boolean isSuppressed() {
    return suppression != null;
  }

  public Finding suppressed(String reason) {
    return new Finding(ruleId, severity, message, at, service, via, fix, reason);
  }

  /** The place through which the value was inherited (the outermost use), or null when written in place. */
  public SourceRange inheritedFrom() {
    return via.isEmpty() ? null : via.get(via.size() - 1).at();
  }
}
