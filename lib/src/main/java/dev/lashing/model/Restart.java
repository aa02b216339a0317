package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * A restart policy as the engine receives it: from {@code restart} ({@code "no"}, {@code always},
 * {@code on-failure[:N]}, {@code unless-stopped}) or from {@code deploy.restart_policy}. {@code text} is the
 * written value; {@code maxRetries} is null when not given.
 */
public record Restart(String text, Policy policy, Long maxRetries, Origin origin) {

  /** The engine's restart policies. */
  public enum Policy {
    NO,
    ALWAYS,
    ON_FAILURE,
    UNLESS_STOPPED,
    /** A value the engine will refuse. */
    OTHER
  }

  /**
   * {@code restart: on-failure:3}; like docker compose ({@code strconv.Atoi}, its error dropped), an unreadable
   * count ({@code on-failure:abc}, {@code on-failure:}, {@code on-failure:1.5}) is 0, which the engine takes as no
   * limit.
   */
  static Restart of(Located<String> written) {
    String text = written.value();
    int colon = text.indexOf(':');
    String count = countText(text);
    Long retries = count == null ? null : Objects.requireNonNullElse(readCount(count), 0L);
    return new Restart(text, policy(colon >= 0 ? text.substring(0, colon) : text), retries, written.origin());
  }

  /** What is written after the policy's colon, up to a second one; null without a colon. */
  private static String countText(String text) {
    int colon = text.indexOf(':');
    return colon < 0 ? null : text.substring(colon + 1).split(":", -1)[0];
  }

  /** The count as an integer, or null when it does not read as one. */
  private static Long readCount(String count) {
    try {
      return Long.parseLong(count);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * {@code deploy.restart_policy}, mapped as docker compose does: {@code none} is "no", {@code any} is
   * always, and no condition at all leaves the engine's default, "no".
   */
  static Restart of(Deploy.RestartPolicy deploy) {
    Located<String> condition = deploy.condition();
    String text = condition == null ? "" : condition.value();
    Policy policy = text.isEmpty() ? Policy.NO : policy(text);
    Long retries = deploy.maxAttempts() == null ? null : deploy.maxAttempts().value();
    return new Restart(text, policy, retries, condition == null ? deploy.origin() : condition.origin());
  }

  private static Policy policy(String name) {
    return switch (name) {
      case "no", "none" -> Policy.NO;
      case "always", "any" -> Policy.ALWAYS;
      case "on-failure" -> Policy.ON_FAILURE;
      case "unless-stopped" -> Policy.UNLESS_STOPPED;
      default -> Policy.OTHER;
    };
  }

  /**
   * Why the engine refuses this policy when it creates the container, as a phrase ("no restart policy the engine
   * knows"); empty when it takes it. The engine knows four names, takes a retry count only with on-failure and
   * never a negative one (moby's {@code ValidateRestartPolicy}); a {@code deploy.restart_policy} without a
   * condition reaches it with no name, which it takes with any count.
   */
  public Optional<String> refusal() {
    if (policy == Policy.OTHER) {
      return Optional.of("no restart policy the engine knows");
    }
    long count = maxRetries == null ? 0 : maxRetries;
    if (policy == Policy.ON_FAILURE && count < 0) {
      return Optional.of("a negative retry count, which the engine refuses");
    }
    if (policy != Policy.ON_FAILURE && count != 0 && !text.isEmpty()) {
      return Optional.of("a retry count, which the engine takes only with on-failure");
    }
    return Optional.empty();
  }

  /**
   * The count written after the policy's colon that Compose cannot read as an integer and drops ({@code abc} of
   * {@code on-failure:abc}, and "" of {@code on-failure:}); empty when there is none or it reads.
   */
  public Optional<String> unreadCount() {
    String count = countText(text);
    return count != null && readCount(count) == null ? Optional.of(count) : Optional.empty();
  }

  /** The container is started again after it stops (for on-failure, only after a failure). */
  public boolean restarts() {
    return policy == Policy.ALWAYS || policy == Policy.ON_FAILURE || policy == Policy.UNLESS_STOPPED;
  }
}
