package dev.lashing.load;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.ScalarNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The project name, with Compose's precedence: -p, COMPOSE_PROJECT_NAME, top-level name, directory. */
final class ProjectName {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  private ProjectName() {}

  static String of(
      String flag, Map<String, String> environment, MapNode model, Path projectDirectory, List<Diagnostic> problems) {
    SourceRange cli = SourceRange.synthetic("(command line)");
    if (flag != null && !flag.isEmpty()) {
      return strict(flag, cli, problems);
    }
    String fromEnv = environment.get("COMPOSE_PROJECT_NAME");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return strict(fromEnv, SourceRange.synthetic("COMPOSE_PROJECT_NAME"), problems);
    }
    if (model.get("name") instanceof ScalarNode name && name.text() != null && !name.text().isEmpty()) {
      return lenient(name.text(), name.origin().usedAt(), problems);
    }
    Path dir = projectDirectory.getFileName();
    return lenient(dir == null ? "" : dir.toString(), SourceRange.synthetic(projectDirectory.toString()), problems);
  }

  private static String strict(String name, SourceRange at, List<Diagnostic> problems) {
    if (!VALID.matcher(name).matches()) {
      problems.add(Diagnostic.error(at, "invalid project name \"" + name + "\": must consist only of lowercase "
          + "alphanumeric characters, hyphens, and underscores as well as start with a letter or number"));
    }
    return name;
  }

  /** Names from a file or a directory are normalized silently, as Compose does. */
  static String lenient(String name, SourceRange at, List<Diagnostic> problems) {
    // Compose's normalization: lower case, only [a-z0-9_-] kept, no leading '_' or '-' (by hand: every project
    // asks, and two regular expressions compiled per call were most of the cost of naming it)
    StringBuilder kept = new StringBuilder(name.length());
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      boolean allowed = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
      if (allowed && (kept.length() > 0 || c != '_' && c != '-')) {
        kept.append(c);
      }
    }
    String normalized = kept.toString();
    if (normalized.isEmpty()) {
      problems.add(Diagnostic.error(at, "project name must not be empty"));
    }
    return normalized;
  }
}
