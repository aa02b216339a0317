package dev.lashing.load;

import dev.lashing.interpolation.ProjectEnvironment;
import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Finds the Compose files of a project the way {@code docker compose} does when no {@code -f} is given. */
public final class ComposeFiles {
  static final List<String> MAIN_NAMES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");
  static final List<String> OVERRIDE_NAMES =
      List.of(
          "compose.override.yml", "compose.override.yaml",
          "docker-compose.override.yml", "docker-compose.override.yaml");

  private static final String FILES_VARIABLE = "COMPOSE_FILE";
  /** compose.yaml, docker-compose.yml and their variants: compose.prod.yaml, docker-compose.override.yml... */
  private static final Pattern NAMED_LIKE_ONE = Pattern.compile("(docker-)?compose(\\.[\\w.-]+)?\\.ya?ml");

  private ComposeFiles() {}

  /**
   * {@code options} with the files Compose finds when none is given ({@link #discover(Path, Map)}), and the
   * environment it finds them with, which the project's environment starts from: the process environment over the
   * {@code --env-file} files, else over the {@code .env} of the working directory ({@code --project-directory} when
   * given), where COMPOSE_FILE may be set. Options that give files are returned as they are.
   */
  public static LoadOptions found(LoadOptions options) {
    return found(options, null);
  }

  /** The same, taking the environment of {@code earlier} (the project's last load, or null) where it reads the same. */
  static LoadOptions found(LoadOptions options, ProjectEnvironment.Resolved earlier) {
    if (!options.files().isEmpty()) {
      return options;
    }
    Path workingDirectory = options.workingDirectory();
    Path envDirectory = options.projectDirectory() == null ? workingDirectory
        : workingDirectory.resolve(options.projectDirectory());
    ProjectEnvironment.Resolved environment = ProjectEnvironment.resolve(options.environment(),
        options.envFiles().stream().map(workingDirectory::resolve).toList(), envDirectory,
        ProjectEnvironment.firstReading(earlier));
    return new LoadOptions(discover(workingDirectory, environment.variables()), workingDirectory,
        options.projectDirectory(), options.envFiles(), options.profiles(), options.projectName(),
        options.environment(), environment);
  }

  /**
   * COMPOSE_FILE when set (paths separated by COMPOSE_PATH_SEPARATOR or ':'), else the first main file
   * found in the working directory or its parents, followed by its override file when one is beside it.
   */
  private static List<Path> discover(Path workingDirectory, Map<String, String> environment) {
    String fromEnv = environment.get(FILES_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      String separator = environment.getOrDefault("COMPOSE_PATH_SEPARATOR", ":");
      List<Path> files = new ArrayList<>();
      for (String part : fromEnv.split(java.util.regex.Pattern.quote(separator))) {
        if (!part.isBlank()) {
          files.add(workingDirectory.resolve(part));
        }
      }
      return files;
    }
    for (Path dir = workingDirectory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path main = firstExisting(dir, MAIN_NAMES);
      if (main != null) {
        List<Path> files = new ArrayList<>(List.of(main));
        Path override = firstExisting(dir, OVERRIDE_NAMES);
        if (override != null) {
          files.add(override);
        }
        return files;
      }
    }
    throw new ComposeException(
        SourceRange.synthetic(workingDirectory.toString()),
        "no configuration file provided: not found (looked for " + String.join(", ", MAIN_NAMES)
            + " here and in parent directories)");
  }

  /** Whether a file's name is one of a compose file: the names Compose finds and their variants. */
  public static boolean isNamedLikeOne(String fileName) {
    return NAMED_LIKE_ONE.matcher(fileName).matches();
  }

  private static Path firstExisting(Path dir, List<String> names) {
    for (String name : names) {
      Path candidate = dir.resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
