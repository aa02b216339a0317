package dev.lashing.report;

import dev.lashing.lint.Finding;
import dev.lashing.source.AtomicFiles;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.SourceFiles;
import dev.lashing.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Findings a team has accepted for now, by fingerprint ({@link Fingerprints}: no line numbers, so edits
 * elsewhere in a file keep them matched). A baselined finding is reported as suppressed, so only new ones
 * fail a run. The file is JSON: {@code {"version": 1, "findings": [{"fingerprint", "rule", "file"}]}}.
 */
public final class Baseline {
  private final Map<String, Integer> counts;
  private final Path folder;

  private Baseline(Map<String, Integer> counts, Path folder) {
    this.counts = counts;
    this.folder = folder;
  }

  /**
   * Records the unsuppressed findings, sorted so the file diffs well; written atomically. Files are named from the
   * baseline's folder ({@code workingDirectory} is what the findings' file names are relative to), so that a run
   * from another folder matches the same findings.
   */
  public static void write(Path file, List<Finding> findings, Map<String, SourceFile> sources,
      Path workingDirectory) throws IOException {
    UnaryOperator<String> fromBaseline = fromFolder(folderOf(file), workingDirectory);
    List<String> fingerprints = Fingerprints.of(findings, sources, fromBaseline);
    TreeMap<String, String> entries = new TreeMap<>();
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (!f.isSuppressed()) {
        String name = fromBaseline.apply(f.at().file());
        StringBuilder entry = new StringBuilder("    {\"fingerprint\": ");
        JsonText.string(fingerprints.get(i), entry);
        entry.append(", \"rule\": ");
        JsonText.string(f.ruleId(), entry);
        entry.append(", \"file\": ");
        JsonText.string(name, entry);
        entry.append('}');
        entries.put(name + '\0' + f.ruleId() + '\0' + fingerprints.get(i), entry.toString());
      }
    }
    String json = "{\n  \"version\": 1,\n  \"findings\": [\n" + String.join(",\n", entries.values())
        + (entries.isEmpty() ? "" : "\n") + "  ]\n}\n";
    AtomicFiles.write(file, json);
  }

  /** Reads a baseline file; a malformed one is a positioned error. */
  public static Baseline read(Path file, String displayName) {
    SourceFile source = SourceFiles.read(file, displayName);
    List<Node> documents = YamlReader.read(source);
    Map<String, Integer> counts = new HashMap<>();
    if (documents.isEmpty() || !(documents.get(0) instanceof MapNode root)
        || !(root.get("findings") instanceof SeqNode entries)) {
      throw new ComposeException(Diagnostic.Kind.SCHEMA, source.at(0),
          "not a lashing baseline: expected {\"version\": 1, \"findings\": [...]}");
    }
    if (!(root.get("version") instanceof ScalarNode version) || !version.value().equals("1")) {
      Node written = root.get("version");
      throw new ComposeException(Diagnostic.Kind.SCHEMA, written == null ? source.at(0) : written.origin().at(),
          "a baseline of version 1 is expected" + (written instanceof ScalarNode v ? ", not " + v.value() : "")
              + "; write it again with lashing lint --write-baseline");
    }
    for (Node entry : entries.items()) {
      if (!(entry instanceof MapNode m) || !(m.get("fingerprint") instanceof ScalarNode fp)) {
        throw new ComposeException(Diagnostic.Kind.SCHEMA, entry.origin().at(),
            "a baseline entry needs a \"fingerprint\"");
      }
      counts.merge(fp.value(), 1, Integer::sum);
    }
    return new Baseline(counts, folderOf(file));
  }

  /**
   * The findings with those in the baseline marked suppressed (each baseline entry matches once); their file names
   * are relative to {@code workingDirectory}. A baseline written before files were named from its folder named
   * them from the working directory of its run: an entry matches by either name.
   */
  public List<Finding> apply(List<Finding> findings, Map<String, SourceFile> sources, Path workingDirectory) {
    List<String> fingerprints = Fingerprints.of(findings, sources, fromFolder(folder, workingDirectory));
    List<String> asWorkingDirectoryNamed = folder.equals(workingDirectory.toAbsolutePath().normalize())
        ? fingerprints : Fingerprints.of(findings, sources);
    Map<String, Integer> left = new HashMap<>(counts);
    List<Finding> result = new ArrayList<>(findings.size());
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      if (!f.isSuppressed() && (take(left, fingerprints.get(i)) || take(left, asWorkingDirectoryNamed.get(i)))) {
        result.add(f.suppressed("in the baseline"));
      } else {
        result.add(f);
      }
    }
    return result;
  }

  /** Whether an entry of that fingerprint is left, which it then uses. */
  private static boolean take(Map<String, Integer> left, String fingerprint) {
    Integer n = left.get(fingerprint);
    if (n == null || n == 0) {
      return false;
    }
    left.put(fingerprint, n - 1);
    return true;
  }

  private static Path folderOf(Path file) {
    return file.toAbsolutePath().normalize().getParent();
  }

  /** A file name relative to {@code workingDirectory}, as named from {@code folder}. */
  private static UnaryOperator<String> fromFolder(Path folder, Path workingDirectory) {
    Path from = workingDirectory.toAbsolutePath().normalize();
    return name -> {
      Path file = from.resolve(name).normalize();
      return file.getRoot() != null && file.getRoot().equals(folder.getRoot()) ? folder.relativize(file).toString()
          : name;
    };
  }
}
