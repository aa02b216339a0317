package dev.lashing.rules.security;

import dev.lashing.interpolation.InterpolationException;
import dev.lashing.interpolation.Template;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.WrittenValues;
import dev.lashing.model.KeyValue;
import dev.lashing.source.Origin;

/**
 * What a compose file itself supplies for a value, as opposed to the environment: the text as written,
 * interpolated with every variable unset. Literal text and literal {@code ${VAR:-default}} defaults remain;
 * a bare {@code ${VAR}} or {@code ${VAR:?error}} contributes nothing. A value that is not written in a
 * compose file (read from an env file, or a bare key filled from the environment) contributes nothing either.
 */
final class WrittenText {
  private WrittenText() {}

  /** The literal part of an {@code environment} or {@code build.args} entry's value. */
  static String literal(RuleContext context, KeyValue entry) {
    if (entry.value() == null) {
      return "";
    }
    String raw = raw(context, entry.value().origin());
    if (raw == null) {
      return "";
    }
    if (entry.keyOrigin().at().equals(entry.value().origin().at())) {
      // A K=V list item, an env_file entry or a bare key filled from the environment: only the first is
      // written here, and its text starts with the key.
      String item = raw;
      String prefix = entry.key() + "=";
      return item.startsWith(prefix) ? unset(item.substring(prefix.length())) : "";
    }
    return unset(raw);
  }

  /** The literal part of the scalar at {@code scalar}: for a string command, the whole command. */
  static String literal(RuleContext context, Origin scalar) {
    String raw = raw(context, scalar);
    return raw == null ? "" : unset(raw);
  }

  /** Whether the scalar a value is written in refers to a variable. */
  static boolean refersToVariable(RuleContext context, Origin origin) {
    String raw = raw(context, origin);
    return raw != null && !Template.references(raw).isEmpty();
  }

  /** The value as the compose file writes it (quoting undone), or null when it is not written in one. */
  static String raw(RuleContext context, Origin origin) {
    return WrittenValues.at(context.load(), origin.at());
  }

  /** The text interpolated with no variable set; empty when it requires one. */
  static String unset(String text) {
    try {
      return Template.substitute(text, name -> null, name -> {});
    } catch (InterpolationException e) {
      return "";
    }
  }
}
