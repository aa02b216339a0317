package dev.lashing.interpolation;

import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.yaml.SourceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The variables Compose interpolates a project with: the OS environment, then the project's env files. */
public final class ProjectEnvironment {
  private static final String DISABLE_ENV_FILE = "COMPOSE_DISABLE_ENV_FILE";
  /** The values Go's {@code strconv.ParseBool} accepts. */
  private static final Set<String> TRUE = Set.of("1", "t", "T", "true", "TRUE", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "false", "FALSE", "False");

  private ProjectEnvironment() {}

  /**
   * A project environment with what it was read from: the OS environment and each env file's path and text, so
   * that a later load of the project whose env files read the same takes it as it is (fix and patch load a
   * project once per round, and an env file may hold a million lines).
   *
   * @param variables the project environment
   * @param osEnv the OS environment it was read with
   * @param files the env files read, in order
   * @param texts each env file's text, as read
   */
  public record Resolved(Map<String, String> variables, Map<String, String> osEnv, List<Path> files,
      List<String> texts) {}

  /**
   * The project environment. Variables of {@code osEnv} always win. The env files are the explicit
   * {@code --env-file}s in order (later ones override earlier keys), or else {@code <projectDirectory>/.env} when
   * it exists and {@code COMPOSE_DISABLE_ENV_FILE} is not true. Each file sees the OS environment, then the keys of
   * the files before it. The result reads {@code osEnv} as it is, which must not change afterwards.
   *
   * @throws ComposeException for a missing explicit file, a directory, bad UTF-8, a syntax error, or a
   *     {@code COMPOSE_DISABLE_ENV_FILE} that is not a Go boolean
   */
  public static Map<String, String> resolve(
      Map<String, String> osEnv, List<Path> explicitEnvFiles, Path projectDirectory) {
    return resolve(osEnv, explicitEnvFiles, projectDirectory, null).variables();
  }

  /**
   * The same, or {@code earlier} (null for none) itself when it was read from the same OS environment and env
   * files with the same text. The files are read, and their errors met, in the order a first resolution meets them.
   */
  public static Resolved resolve(Map<String, String> osEnv, List<Path> explicitEnvFiles, Path projectDirectory,
      Resolved earlier) {
    List<Path> files = envFiles(osEnv, explicitEnvFiles, projectDirectory);
    boolean same = earlier != null && earlier.files().equals(files) && earlier.osEnv().equals(osEnv);
    List<String> texts = new ArrayList<>();
    // read as earlier read them, so not parsed unless a later file differs: they then parse as they did, no error
    List<SourceFile> sameAsEarlier = new ArrayList<>();
    Map<String, String> fromFiles = Map.of();
    for (Path file : files) {
      SourceFile source = read(file);
      texts.add(source.text());
      if (same && source.text().equals(earlier.texts().get(texts.size() - 1))) {
        sameAsEarlier.add(source);
        continue;
      }
      same = false;
      for (SourceFile unchanged : sameAsEarlier) {
        fromFiles = withFile(fromFiles, unchanged, osEnv);
      }
      sameAsEarlier.clear();
      fromFiles = withFile(fromFiles, source, osEnv);
    }
    if (same) {
      return earlier;
    }
    Map<String, String> variables = fromFiles.isEmpty() ? Collections.unmodifiableMap(osEnv)
        : new Layered(osEnv, fromFiles);
    return new Resolved(variables, osEnv, List.copyOf(files), List.copyOf(texts));
  }

  /** The variables of the files before, and then those {@code file} defines. */
  private static Map<String, String> withFile(Map<String, String> before, SourceFile file,
      Map<String, String> osEnv) {
    Map<String, String> defined =
        DotEnv.parse(file, key -> osEnv.containsKey(key) ? osEnv.get(key) : before.get(key));
    if (before.isEmpty()) {
      return defined;
    }
    // copied, not layered: a long --env-file list would make each look-up walk every layer
    Map<String, String> merged = new LinkedHashMap<>(before);
    merged.putAll(defined);
    return Collections.unmodifiableMap(merged);
  }

  /** {@code environment} with {@code name} set to {@code value}, without a copy of the rest. */
  public static Map<String, String> withVariable(Map<String, String> environment, String name, String value) {
    return new Layered(Map.of(name, value), environment);
  }

  private static List<Path> envFiles(Map<String, String> osEnv, List<Path> explicit, Path projectDirectory) {
    if (!explicit.isEmpty()) {
      for (Path file : explicit) {
        Path absolute = file.toAbsolutePath();
        if (!Files.exists(absolute)) {
          throw new ComposeException(SourceRange.synthetic(file.toString()), "couldn't find env file: " + absolute);
        }
        if (Files.isDirectory(absolute)) {
          throw new ComposeException(SourceRange.synthetic(file.toString()), absolute + " is a directory");
        }
      }
      return explicit;
    }
    String disable = osEnv.get(DISABLE_ENV_FILE);
    if (disable != null) {
      if (TRUE.contains(disable)) {
        return List.of();
      }
      if (!FALSE.contains(disable)) {
        throw new ComposeException(SourceRange.synthetic(DISABLE_ENV_FILE),
            "strconv.ParseBool: parsing " + Template.quote(disable) + ": invalid syntax");
      }
    }
    Path dotEnv = projectDirectory.resolve(".env");
    return Files.isRegularFile(dotEnv) ? List.of(dotEnv) : List.of();
  }

  /** Reads a file as strict UTF-8; a bad byte is an error at the line and column where decoding stopped. */
  private static SourceFile read(Path file) {
    return SourceFiles.readUtf8(file, file.toString());
  }
}
