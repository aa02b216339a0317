package dev.lashing.load;

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
 */
public record LoadOptions(
    List<Path> files,
    Path workingDirectory,
    Path projectDirectory,
    List<Path> envFiles,
    Set<String> profiles,
    String projectName,
    Map<String, String> environment) {

  /** The profile that enables every service, as {@code docker compose --profile '*'}. */
  public static final String EVERY_PROFILE = "*";

  public LoadOptions {
    files = List.copyOf(files);
    envFiles = List.copyOf(envFiles);
    profiles = Set.copyOf(profiles);
    environment = Map.copyOf(environment);
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
        environment);
  }
}
