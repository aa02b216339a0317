package dev.lashing.fix;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Severity;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project in a temporary directory and fixes written by hand (as rules would emit them), planned with
 * {@link FixPlanner}: the engine's tests need no rule.
 */
final class Fixture {
  private final Path dir;
  private final List<String> composeFiles = new ArrayList<>();
  private final List<FixPlanner.Candidate> candidates = new ArrayList<>();
  private LoadResult load;

  Fixture(Path dir) {
    this.dir = dir;
  }

  /** Adds a file; the first ones added are the project's -f files unless {@link #project} says otherwise. */
  Fixture file(String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Fixture project(String... files) {
    composeFiles.clear();
    composeFiles.addAll(List.of(files));
    load = null;
    return this;
  }

  LoadResult load() {
    if (load == null) {
      List<Path> files = composeFiles.isEmpty() ? List.of(Path.of("compose.yaml"))
          : composeFiles.stream().map(Path::of).toList();
      load = ProjectLoader.load(new LoadOptions(files, dir, null, List.of(), java.util.Set.of(), "test", Map.of()));
    }
    return load;
  }

  /** A fix for a finding of {@code service} reported at the first occurrence of {@code at} in {@code file}. */
  Fixture fix(String service, String file, String at, Fix fix) {
    SourceFile source = load().sources().get(file);
    int i = at == null ? 0 : source.text().indexOf(at);
    if (i < 0) {
      throw new IllegalArgumentException(at + " not in " + file);
    }
    SourceRange range = source.range(i, at == null ? 0 : i + at.length());
    Finding finding = new Finding("test-rule", Severity.MEDIUM, fix.description(), range, service, List.of(), fix,
        null);
    candidates.add(new FixPlanner.Candidate(finding, fix));
    return this;
  }

  Fixture fix(String service, Fix fix) {
    return fix(service, load().composeFiles().get(0), null, fix);
  }

  FixPlanner.Result plan() {
    return new FixPlanner(load()).plan(candidates);
  }

  /** The new text of every file the plan changes. */
  Map<String, String> texts() {
    return new LinkedHashMap<>(plan().texts());
  }

  /** The new text of one file (its old text when unchanged). */
  String text(String file) {
    String fixed = plan().texts().get(file);
    return fixed != null ? fixed : load().sources().get(file).text();
  }

  String text() {
    return text("compose.yaml");
  }

  /** Writes the plan's result to disk and returns a fixture of the result (same files, no fixes yet). */
  Fixture applied() {
    for (Map.Entry<String, String> e : plan().texts().entrySet()) {
      file(e.getKey(), e.getValue());
    }
    Fixture next = new Fixture(dir);
    next.composeFiles.addAll(composeFiles);
    return next;
  }

  static Fix set(String description, Object value, String... path) {
    return new Fix(description, Fix.Safety.SAFE, List.of(new Fix.Set(List.of(path), value)));
  }

  static Fix append(Object item, String... path) {
    return new Fix("append " + item, Fix.Safety.SAFE, List.of(new Fix.Append(List.of(path), item)));
  }

  static Fix changes(Fix.Change... changes) {
    return new Fix("changes", Fix.Safety.SAFE, List.of(changes));
  }

  static List<String> path(String... segments) {
    return List.of(segments);
  }
}
