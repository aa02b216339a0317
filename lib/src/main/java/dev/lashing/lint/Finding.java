package dev.lashing.lint;

import dev.lashing.source.Origin;
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
 * @param secret the text of a secret the rule found (a password, a token), which every output masks unless
 *     asked to show secrets; null when the finding quotes no secret
 */
public record Finding(
    String ruleId,
    Severity severity,
    String message,
    SourceRange at,
    String service,
    List<Via> via,
    Fix fix,
    String suppression,
    SourceRange secret) {

  public Finding {
    via = Origin.immutableUses(via);
  }

  /** A finding that holds no secret. */
  public Finding(String ruleId, Severity severity, String message, SourceRange at, String service, List<Via> via,
      Fix fix, String suppression) {
    this(ruleId, severity, message, at, service, via, fix, suppression, null);
  }

  public boolean isSuppressed() {
    return suppression != null;
  }

  public Finding suppressed(String reason) {
    return new Finding(ruleId, severity, message, at, service, via, fix, reason, secret);
  }

  /** The place through which the value was inherited (the outermost use), or null when written in place. */
  public SourceRange inheritedFrom() {
    return via.isEmpty() ? null : via.get(via.size() - 1).at();
  }
}
