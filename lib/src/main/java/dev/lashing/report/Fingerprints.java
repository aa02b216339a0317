package dev.lashing.report;

import dev.lashing.lint.Finding;
import dev.lashing.render.SideBySide;
import dev.lashing.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Identities of findings that survive unrelated edits, for baselines, SARIF's {@code partialFingerprints}
 * and GitLab's deduplication.
 *
 * <p>Recipe {@code lashing/v1}: the lower-case hex SHA-256 of the UTF-8 bytes of these fields, each followed
 * by a NUL character (which YAML text cannot contain, so fields cannot run into each other):
 * <ol>
 *   <li>{@code lashing/v1}</li>
 *   <li>the rule id</li>
 *   <li>the file name as positions give it, with {@code \} turned into {@code /}</li>
 *   <li>the service, or the empty string for a project-level finding</li>
 *   <li>the text of the offending line, stripped of leading and trailing white space; of a line longer than
 *       16,384 characters (a minified value, a flow mapping on one line), the 256 characters on either side
 *       of the finding's start, so that a fingerprint costs what it shows, not the line</li>
 *   <li>the offending span's text on that line (it tells apart two findings on one line), within the
 *       characters of field 5 for such a long line</li>
 *   <li>the occurrence: 0 for the first finding with equal fields 1 to 6 in a run's findings (suppressed
 *       ones included, in the Linter's order), 1 for the second, and so on</li>
 * </ol>
 * When the finding has no position or its file's text is unknown, the message takes the place of fields 5
 * and 6. Line and column numbers are deliberately left out: inserting lines above a finding or re-indenting
 * it keeps its fingerprint; editing the offending line itself changes it.
 */
public final class Fingerprints {
  private static final String RECIPE = "lashing/v1";

  private Fingerprints() {}

  /** The fingerprint of a finding that is the first of its kind (occurrence 0); {@code file} may be null. */
  public static String of(Finding finding, SourceFile file) {
    return hash(sha256(), key(finding, file, UnaryOperator.identity()), 0);
  }

  /** The fingerprints of all of a run's findings, in order, with occurrences counted among them. */
  public static List<String> of(List<Finding> findings, Map<String, SourceFile> sources) {
    return of(findings, sources, UnaryOperator.identity());
  }

  /**
   * The same, with each file named by {@code fileName} of the name positions give it instead (a baseline names
   * files from its own folder, so that it matches from any working directory).
   */
  public static List<String> of(List<Finding> findings, Map<String, SourceFile> sources,
      UnaryOperator<String> fileName) {
    // Each finding's fingerprint as the first of its kind, side by side (a digest costs a few microseconds, and a
    // large report has a million findings); then the occurrences counted in order, by that first fingerprint (a
    // digest of the fields rather than the fields themselves: a long line is in the key of each finding).
    List<String> first = new ArrayList<>(findings.size());
    SideBySide.inOrder(findings.size(), (from, to) -> {
      MessageDigest sha = sha256();
      List<String> fingerprints = new ArrayList<>(to - from);
      for (Finding f : findings.subList(from, to)) {
        fingerprints.add(hash(sha, key(f, sources.get(f.at().file()), fileName), 0));
      }
      return fingerprints;
    }, first::addAll);
    MessageDigest sha = sha256();
    Map<String, Integer> seen = new HashMap<>();
    List<String> result = new ArrayList<>(findings.size());
    for (int i = 0; i < findings.size(); i++) {
      int occurrence = seen.merge(first.get(i), 1, Integer::sum) - 1;
      Finding f = findings.get(i);
      result.add(occurrence == 0 ? first.get(i)
          : hash(sha, key(f, sources.get(f.at().file()), fileName), occurrence));
    }
    return result;
  }

  private static String key(Finding f, SourceFile file, UnaryOperator<String> fileName) {
    StringBuilder key = new StringBuilder();
    field(key, RECIPE);
    field(key, f.ruleId());
    field(key, fileName.apply(f.at().file()).replace('\\', '/'));
    field(key, f.service() == null ? "" : f.service());
    LineWindow line = LineWindow.of(f.at(), file);
    field(key, line == null ? f.message() : line.text().strip());
    field(key, line == null ? f.message() : line.text().substring(line.start(), line.end()));
    return key.toString();
  }

  private static void field(StringBuilder key, String value) {
    key.append(value).append('\0');
  }

  private static String hash(MessageDigest sha, String key, int occurrence) {
    return HexFormat.of().formatHex(sha.digest((key + occurrence + '\0').getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
