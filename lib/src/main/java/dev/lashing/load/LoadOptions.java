package dev.lashing.load;

import dev.lashing.interpolation.ProjectEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to load, as {@code docker compose} takes it on its command line.
 *
 * @param files the {@code -f} files in order; empty means "find them as Compose does" (COMPOSE_FILE, then
 *     compose.yaml… in the working directory or a parent, plus the override file beside it)
 * @param workingDirectory where relative paths given here are resolved and default files are searched
 * @param projectDirectory {@code --project-directory}, or null for the directory of the first file
 * @param envFiles {@code --env-file} files; they replace the project's {@code .env}
 * @param profiles {@code --profile} names (COMPOSE_PROFILES adds more)
 * @param projectName {@code -p}, or null
 * @param environment the process environment; it wins over every env file
 * @param foundWith when {@code files} are those Compose found itself ({@link ComposeFiles#found}), the environment it
 *     found them with, which the project's environment starts from; else null
 */
public record LoadOptions(
    List<Path> files,
    Path workingDirectory,
    Path projectDirectory,
    List<Path> envFiles,
    Set<String> profiles,
    String projectName,
    Map<String, String> environment,
    ProjectEnvironment.Resolved foundWith) {

  /** The profile that enables every service, as {@code docker compose --profile '*'}. */
  public static final String EVERY_PROFILE = "*";

  public LoadOptions {
    files = List.copyOf(files);
    envFiles = List.copyOf(envFiles);
    profiles = Set.copyOf(profiles);
    environment = Map.copyOf(environment);
  }

  /** Options whose files, if any, are given, not found. */
  public LoadOptions(List<Path> files, Path workingDirectory, Path projectDirectory, List<Path> envFiles,
      Set<String> profiles, String projectName, Map<String, String> environment) {
    this(files, workingDirectory, projectDirectory, envFiles, profiles, projectName, environment, null);
  }

  /** These options with other files, of the same project: the files the project found, and more. */
  public LoadOptions withFiles(List<Path> files, Path projectDirectory) {
    return new LoadOptions(files, workingDirectory, projectDirectory, envFiles, profiles, projectName, environment,
        foundWith);
  }

  /** The given files, the current directory and the process environment, no other options. */
  public static LoadOptions of(Path workingDirectory, Map<String, String> environment, Path... files) {
    return new LoadOptions(List.of(files), workingDirectory, null, List.of(), Set.of(), null, environment);
  }

  /**
   * These options as lint, fix, patch and the editor server check a project: every service whatever its
   * profiles, as with {@code --profile '*'}, unless profiles are named ({@code --profile} or COMPOSE_PROFILES);
   * a service behind a profile is as much part of the stack as any other.
   */
  public LoadOptions checkingEveryService() {
    if (!profiles.isEmpty() || environment.containsKey("COMPOSE_PROFILES")) {
      return this;
    }
    return new LoadOptions(files, workingDirectory, projectDirectory, envFiles, Set.of(EVERY_PROFILE), projectName,
        environment, foundWith);
  }
}
