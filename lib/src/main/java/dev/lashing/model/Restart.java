package dev.lashing.model;

import dev.lashing.source.Origin;

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

  /** {@code restart: on-failure:3}; like docker compose, an unreadable count is ignored. */
  static Restart of(Located<String> written) {
    String text = written.value();
    int colon = text.indexOf(':');
    Long retries = null;
    if (colon >= 0) {
      try {
        retries = Long.parseLong(text.substring(colon + 1).split(":", -1)[0]);
      } catch (NumberFormatException e) {
        retries = 0L;
      }
    }
    return new Restart(text, policy(colon >= 0 ? text.substring(0, colon) : text), retries, written.origin());
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

  /** The container is started again after it stops (for on-failure, only after a failure). */
  public boolean restarts() {
    return policy == Policy.ALWAYS || policy == Policy.ON_FAILURE || policy == Policy.UNLESS_STOPPED;
  }
}
