package dev.lashing.report;

import dev.lashing.lint.Finding;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets a run's findings found ({@link Finding#secret()}), and source text as the outputs show it: each
 * secret written as {@value #MASK}. Fingerprints read the text unmasked, so masking never changes them.
 */
public final class SecretMask {
  static final String MASK = "****";
  /** Shows every secret: for a user who asked to see them. */
  public static final SecretMask NONE = new SecretMask(Map.of());

  /** Per file, the secrets' ranges by start offset. */
  private final Map<String, List<SourceRange>> secrets;

  private SecretMask(Map<String, List<SourceRange>> secrets) {
    this.secrets = secrets;
  }

  /** Masks the secret of every finding, suppressed ones included. */
  public static SecretMask of(List<Finding> findings) {
    Map<String, List<SourceRange>> secrets = new HashMap<>();
    for (Finding f : findings) {
      if (f.secret() != null && !f.secret().isSynthetic()) {
        secrets.computeIfAbsent(f.secret().file(), k -> new ArrayList<>()).add(f.secret());
      }
    }
    secrets.values().forEach(ranges -> ranges.sort(Comparator.comparingInt(SourceRange::startOffset)));
    return new SecretMask(secrets);
  }

  /** {@link LineSpan#of} with the line's secrets masked, the span moved to where its text is shown. */
  LineSpan span(SourceRange at, SourceFile file) {
    LineSpan span = LineSpan.of(at, file);
    if (span == null) {
      return null;
    }
    int lineStart = file.lineStart(at.line());
    Shown shown = shown(file, lineStart, lineStart + span.line().length());
    return new LineSpan(shown.text(), shown.position(span.start(), false), shown.position(span.end(), true));
  }

  /** The text of {@code file} between two offsets, with the secrets in it masked. */
  String text(SourceFile file, int start, int end) {
    return shown(file, start, end).text();
  }

  /** A text to be written into the file (a fix's replacement), with every secret of the file in it masked. */
  String replacement(SourceFile file, String text) {
    String masked = text;
    for (SourceRange secret : secrets.getOrDefault(file.name(), List.of())) {
      String value = file.text().substring(secret.startOffset(), secret.endOffset());
      if (!value.isEmpty()) {
        masked = masked.replace(value, MASK);
      }
    }
    return masked;
  }

  private Shown shown(SourceFile file, int start, int end) {
    StringBuilder text = new StringBuilder();
    List<int[]> cuts = new ArrayList<>();
    int from = start;
    for (SourceRange secret : secrets.getOrDefault(file.name(), List.of())) {
      int s = Math.max(secret.startOffset(), from);
      int e = Math.min(secret.endOffset(), end);
      if (s < e) {
        text.append(file.text(), from, s);
        cuts.add(new int[] {s - start, e - start, text.length()});
        text.append(MASK);
        from = e;
      }
    }
    text.append(file.text(), from, end);
    return new Shown(text.toString(), cuts);
  }

  /**
   * Shown text, and where each masked secret was cut out: its start and end in the original text and where
   * its mask starts in the shown text (all relative to the start of the text).
   */
  private record Shown(String text, List<int[]> cuts) {
    /** Where an index into the original text is in the shown text; within a secret, its mask's start or end. */
    int position(int index, boolean end) {
      int shift = 0;
      for (int[] cut : cuts) {
        if (index < cut[1]) {
          return index <= cut[0] ? index + shift : cut[2] + (end ? MASK.length() : 0);
        }
        shift = cut[2] + MASK.length() - cut[1];
      }
      return index + shift;
    }
  }
}
