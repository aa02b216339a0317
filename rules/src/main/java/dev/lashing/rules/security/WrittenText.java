package dev.lashing.rules.security;

import dev.lashing.interpolation.InterpolationException;
import dev.lashing.interpolation.Template;
import dev.lashing.lint.RuleContext;
import dev.lashing.model.KeyValue;
import dev.lashing.model.Located;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import java.util.regex.Pattern;

/**
 * What a compose file itself supplies for a value, as opposed to the environment: the text as written,
 * interpolated with every variable unset. Literal text and literal {@code ${VAR:-default}} defaults remain;
 * a bare {@code ${VAR}} or {@code ${VAR:?error}} contributes nothing. A value that is not written in a
 * compose file (read from an env file, or a bare key filled from the environment) contributes nothing either.
 */
final class WrittenText {
  private static final Pattern YAML_NULL = Pattern.compile("|~|null|Null|NULL");

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
      String item = unquote(raw);
      String prefix = entry.key() + "=";
      return item.startsWith(prefix) ? unset(item.substring(prefix.length())) : "";
    }
    return YAML_NULL.matcher(raw).matches() ? "" : unset(unquote(raw));
  }

  /**
   * The literal part of the scalar a value is written in. For a string command split into words, that is
   * the whole command.
   */
  static String literal(RuleContext context, Located<String> value) {
    String raw = raw(context, value.origin());
    return raw == null ? "" : unset(unquote(raw));
  }

  /** Whether the scalar a value is written in refers to a variable. */
  static boolean refersToVariable(RuleContext context, Origin origin) {
    String raw = raw(context, origin);
    return raw != null && !Template.references(unquote(raw)).isEmpty();
  }

  private static String raw(RuleContext context, Origin origin) {
    SourceRange at = origin.at();
    SourceFile file = at.isSynthetic() ? null : context.load().sources().get(at.file());
    if (file == null || at.endOffset() > file.text().length()) {
      return null;
    }
    return file.text().substring(at.startOffset(), at.endOffset());
  }

  /** The scalar's text without YAML quoting (line folding is left as written). */
  private static String unquote(String raw) {
    int last = raw.length() - 1;
    if (last > 0 && raw.charAt(0) == '\'' && raw.charAt(last) == '\'') {
      return raw.substring(1, last).replace("''", "'");
    }
    if (last > 0 && raw.charAt(0) == '"' && raw.charAt(last) == '"') {
      return unescape(raw.substring(1, last));
    }
    if (raw.startsWith("|") || raw.startsWith(">")) {
      int lineEnd = raw.indexOf('\n');
      return lineEnd < 0 ? "" : raw.substring(lineEnd + 1);
    }
    return raw;
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(switch (next) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> next;
        });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The text interpolated with no variable set; empty when it requires one. */
  private static String unset(String text) {
    try {
      return Template.substitute(text, name -> null, name -> {});
    } catch (InterpolationException e) {
      return "";
    }
  }
}
