package dev.lashing.syntax;

import java.util.Locale;

/**
 * Compose's lenient cast of an interpolated string to a boolean (compose-go {@code toBoolean}): YAML 1.1
 * spellings are still accepted here even though the YAML reader itself only knows {@code true} and
 * {@code false}.
 */
public final class ComposeBool {
  private ComposeBool() {}

  public static boolean parse(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "y", "yes", "true", "on":
        return true;
      case "n", "no", "false", "off":
        return false;
      default:
        throw new SyntaxException("invalid boolean: " + text);
    }
  }

  /** Whether a value that {@link #parse} accepts is spelled as plain {@code true} or {@code false}. */
  public static boolean isCanonical(String text) {
    return text.equals("true") || text.equals("false");
  }
}
