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
   * A project environment with what it was read from: the environment underneath and each env file's path and text,
   * so that a later load of the project whose env files read the same takes it as it is (fix and patch load a
   * project once per round, and an env file may hold a million lines).
   *
   * @param variables the project environment
   * @param base the environment the files were read over, whose variables win: the OS environment, or for the
   *     second reading of a project whose files Compose found, what the first reading made ({@code found})
   * @param files the env files read, in order
   * @param texts each env file's text, as read
   * @param found the first reading, of the working directory's env files, with which Compose found the project's
   *     files, when the project directory's differ; else null
   */
  public record Resolved(Map<String, String> variables, Map<String, String> base, List<Path> files,
      List<String> texts, Resolved found) {
    /** Every env file read, in the order read. */
    public List<Path> everyFile() {
      if (found == null) {
        return files;
      }
      List<Path> every = new ArrayList<>(found.everyFile());
      every.addAll(files);
      return every;
    }
  }

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
    return read(osEnv, envFiles(osEnv, explicitEnvFiles, projectDirectory), null, earlier);
  }

  /**
   * The environment of a project whose files Compose found itself: it reads the env files twice, those of the
   * working directory (or {@code --project-directory}) to learn COMPOSE_FILE, which gave {@code found}, and those of
   * the project directory once it knows it, which add the variables {@code found} leaves unset. Where both
   * readings name the same files, the second adds nothing: the environment is {@code found}.
   *
   * @param earlier as for {@link #resolve(Map, List, Path, Resolved)}
   */
  public static Resolved resolveAfter(Resolved found, List<Path> explicitEnvFiles, Path projectDirectory,
      Resolved earlier) {
    // Compose asks the process itself whether .env is turned off, both times
    List<Path> files = envFiles(found.base(), explicitEnvFiles, projectDirectory);
    if (files.equals(found.files())) {
      return found;
    }
    return read(found.variables(), files, found, earlier != null && earlier.found() == found ? earlier : null);
  }

  /**
   * The first reading of a project's environment within {@code earlier}, the environment of its last load (null for
   * none): the part a new load's own first reading can take as it is.
   */
  public static Resolved firstReading(Resolved earlier) {
    return earlier == null || earlier.found() == null ? earlier : earlier.found();
  }

  /**
   * {@code files} read over {@code base}, or {@code earlier} itself when it read the same files over an equal
   * environment. The files are read, and their errors met, in the order a first resolution meets them.
   */
  private static Resolved read(Map<String, String> base, List<Path> files, Resolved found, Resolved earlier) {
    boolean same = earlier != null && earlier.files().equals(files) && earlier.base().equals(base);
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
        fromFiles = withFile(fromFiles, unchanged, base);
      }
      sameAsEarlier.clear();
      fromFiles = withFile(fromFiles, source, base);
    }
    if (same) {
      return earlier;
    }
    Map<String, String> variables = fromFiles.isEmpty() ? Collections.unmodifiableMap(base)
        : new Layered(base, fromFiles);
    return new Resolved(variables, base, List.copyOf(files), List.copyOf(texts), found);
  }

  /** The variables of the files before, and then those {@code file} defines. */
  private static Map<String, String> withFile(Map<String, String> before, SourceFile file,
      Map<String, String> base) {
    Map<String, String> defined =
        DotEnv.parse(file, key -> base.containsKey(key) ? base.get(key) : before.get(key));
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
