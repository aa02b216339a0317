package dev.lashing.cli;

import dev.lashing.load.ComposeFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns {@code lashing lint} arguments into projects: a file is a project of its own; a directory
 * contributes every compose file below it, each with the override file Compose would load beside it.
 */
final class LintTargets {
  private static final Pattern OVERRIDE_FILE =
      Pattern.compile("(docker-)?compose\\.override\\.ya?ml");
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", "target", ".venv");

  private LintTargets() {}

  /** The projects to lint, each as the list of files given to Compose with -f. */
  static List<List<Path>> projects(Path workingDirectory, List<String> arguments) {
    List<List<Path>> projects = new ArrayList<>();
    // a file named twice, or named beside a directory it is found in, is one project, linted once
    Set<List<Path>> seen = new HashSet<>();
    Predicate<List<Path>> first = project -> seen.add(
        project.stream().map(f -> workingDirectory.resolve(f).normalize()).toList());
    for (String argument : arguments) {
      Path path = workingDirectory.resolve(argument).normalize();
      if (Files.isDirectory(path)) {
        List<Path> files = composeFilesBelow(path);
        if (files.isEmpty()) {
          throw new Arguments.UsageException("no compose file in " + argument + " (looked for compose.yaml,"
              + " docker-compose.yml and compose.*.yaml below it); name a file, or use -f");
        }
        files.stream().map(file -> withOverride(file, workingDirectory)).filter(first).forEach(projects::add);
      } else if (first.test(List.of(Path.of(argument)))) {
        projects.add(List.of(Path.of(argument)));
      }
    }
    return projects;
  }

  /** A main file ({@code compose.yaml}…) and the override file beside it, relative to the working directory. */
  private static List<Path> withOverride(Path main, Path workingDirectory) {
    if (main.getFileName().toString().matches("(docker-)?compose\\.ya?ml")) {
      for (String name : List.of("compose.override.yaml", "compose.override.yml",
          "docker-compose.override.yml", "docker-compose.override.yaml")) {
        Path candidate = main.resolveSibling(name);
        if (Files.isRegularFile(candidate)) {
          return List.of(workingDirectory.relativize(main), workingDirectory.relativize(candidate));
        }
      }
    }
    return List.of(workingDirectory.relativize(main));
  }

  private static List<Path> composeFilesBelow(Path directory) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(directory, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(directory) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
              ? FileVisitResult.SKIP_SUBTREE
              : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          // a named pipe or a device so named is no compose file, and reading one would wait forever
          if (ComposeFiles.isNamedLikeOne(name) && !OVERRIDE_FILE.matcher(name).matches()
              && Files.isRegularFile(file)) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    return files;
  }
}
