package dev.lashing.lint;

import dev.lashing.source.Origin;
import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One problem a rule found. Its message may be written only when asked for ({@link #message()}): a large file
 * yields a million findings, held until the end of the run, and their messages, a few hundred characters each,
 * were most of that memory though a report reads each once.
 *
 * <p>Equal when every part is, the message's text included; the hash reads only the rule, severity, place, service
 * and suppression, so that a map of findings neither writes every message nor hashes every fix.
 */
public final class Finding {
  private final String ruleId;
  private final Severity severity;
  private final Supplier<String> message;
  private final SourceRange at;
  private final String service;
  private final List<Via> via;
  private final Fix fix;
  private final String suppression;
  private final SourceRange secret;

  /**
   * A finding whose message is written each time it is asked for.
   *
   * @param message gives the message, the same text every time, from any thread
   * @param at the offending node where it is written (for a missing attribute, the service's key)
   * @param service the service it concerns, or null for a project-level finding
   * @param via how the value reached the service: alias, merge key, extends, include, override file
   * @param fix what would resolve it, or null
   * @param suppression the reason given in a {@code # lashing-ignore} comment, or null when not suppressed
   * @param secret the text of a secret the rule found (a password, a token), which every output masks unless
   *     asked to show secrets; null when the finding quotes no secret
   */
  public Finding(String ruleId, Severity severity, Supplier<String> message, SourceRange at, String service,
      List<Via> via, Fix fix, String suppression, SourceRange secret) {
    this.ruleId = ruleId;
    this.severity = severity;
    this.message = message;
    this.at = at;
    this.service = service;
    this.via = Origin.immutableUses(via);
    this.fix = fix;
    this.suppression = suppression;
    this.secret = secret;
  }

  public Finding(String ruleId, Severity severity, String message, SourceRange at, String service, List<Via> via,
      Fix fix, String suppression, SourceRange secret) {
    this(ruleId, severity, () -> message, at, service, via, fix, suppression, secret);
  }

  /** A finding that holds no secret. */
  public Finding(String ruleId, Severity severity, String message, SourceRange at, String service, List<Via> via,
      Fix fix, String suppression) {
    this(ruleId, severity, message, at, service, via, fix, suppression, null);
  }

  public String ruleId() {
    return ruleId;
  }

  public Severity severity() {
    return severity;
  }

  public String message() {
    return message.get();
  }

  public SourceRange at() {
    return at;
  }

  public String service() {
    return service;
  }

  public List<Via> via() {
    return via;
  }

  public Fix fix() {
    return fix;
  }

  public String suppression() {
    return suppression;
  }

  public SourceRange secret() {
    return secret;
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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof Finding other
        && Objects.equals(ruleId, other.ruleId)
        && severity == other.severity
        && Objects.equals(at, other.at)
        && Objects.equals(service, other.service)
        && via.equals(other.via)
        && Objects.equals(fix, other.fix)
        && Objects.equals(suppression, other.suppression)
        && Objects.equals(secret, other.secret)
        && Objects.equals(message(), other.message());
  }

  @Override
  public int hashCode() {
    // Not the fix, the uses or the secret: those rarely tell apart two findings of one rule at one place, and
    // the fix's changes cost far more to hash than the rest (a report with fixes maps each of a million findings).
    int hash = Objects.hashCode(ruleId);
    hash = 31 * hash + Objects.hashCode(severity);
    hash = 31 * hash + Objects.hashCode(at);
    hash = 31 * hash + Objects.hashCode(service);
    return 31 * hash + Objects.hashCode(suppression);
  }

  @Override
  public String toString() {
    return "Finding[ruleId=" + ruleId + ", severity=" + severity + ", message=" + message() + ", at=" + at
        + ", service=" + service + ", via=" + via + ", fix=" + fix + ", suppression=" + suppression + ", secret="
        + secret + "]";
  }
}
