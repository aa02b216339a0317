package dev.lashing.lint;

import java.util.Locale;

/**
 * Which rules run and how strictly. Not "profile": Compose already uses {@code --profile} for service
 * profiles, and our commands take it with Compose's meaning.
 */
public enum Policy {
  /** Sensible for any stack. */
  DEFAULT,
  /** Strict: digest pins, no published ports except gateways, restart unless-stopped. */
  PRODUCTION,
  /** For a developer's machine: ports bound to 127.0.0.1, restart "no", limits still set. */
  DEVELOPMENT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Policy parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown policy '" + text + "' (expected default, production or development)");
    }
  }
}
