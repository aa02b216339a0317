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
    String normalized = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "").replaceFirst("^[_-]+", "");
    if (normalized.isEmpty()) {
      problems.add(Diagnostic.error(at, "project name must not be empty"));
    }
    return normalized;
  }
}
