package dev.lashing.report;

import dev.lashing.lint.Finding;
import dev.lashing.source.Offsets;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secrets a run's findings found ({@link Finding#secret()}), and source text as the outputs show it: each
 * secret written as {@value #MASK}. Fingerprints read the text unmasked, so masking never changes them.
 */
public final class SecretMask {
  static final String MASK = "****";
  /** Shows every secret: for a user who asked to see them. */
  public static final SecretMask NONE = new SecretMask(Map.of());

  /** Per file, its secrets. */
  private final Map<String, FileSecrets> secrets;

  private SecretMask(Map<String, FileSecrets> secrets) {
    this.secrets = secrets;
  }

  /** Masks the secret of every finding, suppressed ones included. */
  public static SecretMask of(List<Finding> findings) {
    Map<String, List<SourceRange>> ranges = new HashMap<>();
    for (Finding f : findings) {
      if (f.secret() != null && !f.secret().isSynthetic()) {
        ranges.computeIfAbsent(f.secret().file(), k -> new ArrayList<>()).add(f.secret());
      }
    }
    Map<String, FileSecrets> secrets = new HashMap<>();
    ranges.forEach((file, list) -> secrets.put(file, new FileSecrets(list)));
    return new SecretMask(secrets);
  }

  /** {@link LineWindow#of} with the secrets in it masked, the span moved to where its text is shown. */
  LineWindow window(SourceRange at, SourceFile file) {
    LineWindow window = LineWindow.of(at, file);
    if (window == null) {
      return null;
    }
    Shown shown = shown(file, window.textStart(), window.textStart() + window.text().length());
    return new LineWindow(shown.text(), window.textStart(), shown.position(window.start(), false),
        shown.position(window.end(), true), window.cutBefore(), window.cutAfter());
  }

  /** The text of {@code file} between two offsets, with the secrets in it masked. */
  String text(SourceFile file, int start, int end) {
    return shown(file, start, end).text();
  }

  /** A text to be written into the file (a fix's replacement), with every secret of the file in it masked. */
  String replacement(SourceFile file, String text) {
    FileSecrets inFile = secrets.get(file.name());
    return inFile == null ? text : inFile.values(file).mask(text);
  }

  /**
   * The text between two offsets with the secrets in it masked: where each was found, and wherever else the text
   * holds it (a password that is also the database's name in the same URL).
   */
  private Shown shown(SourceFile file, int start, int end) {
    StringBuilder text = new StringBuilder();
    List<int[]> cuts = new ArrayList<>();
    int from = start;
    FileSecrets inFile = secrets.get(file.name());
    List<int[]> masked = new ArrayList<>();
    if (inFile != null) {
      inFile.overlapping(start, end).forEach(secret -> masked.add(new int[] {secret.startOffset(),
          secret.endOffset()}));
      inFile.values(file).occurrences(file.text().substring(start, end), SecretValues.SHORTEST_MASKED_ELSEWHERE)
          .forEach(at -> masked.add(new int[] {start + at[0], start + at[1]}));
      masked.sort((x, y) -> Integer.compare(x[0], y[0]));
    }
    for (int[] secret : masked) {
      int s = Math.max(secret[0], from);
      int e = Math.min(secret[1], end);
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

  /**
   * A file's secrets, sorted by start offset, with the furthest end reached so far at each index, so that the
   * secrets a piece of text overlaps are found by a binary search rather than a walk over all of them: a large
   * file has a secret in every service and a finding on nearly every line.
   */
  private static final class FileSecrets {
    private final List<SourceRange> ranges;
    private final int[] furthestEnd;
    private SecretValues values;

    FileSecrets(List<SourceRange> unsorted) {
      ranges = new ArrayList<>(unsorted);
      ranges.sort((x, y) -> Integer.compare(x.startOffset(), y.startOffset()));
      furthestEnd = new int[ranges.size()];
      int furthest = Integer.MIN_VALUE;
      for (int i = 0; i < ranges.size(); i++) {
        furthest = Math.max(furthest, ranges.get(i).endOffset());
        furthestEnd[i] = furthest;
      }
    }

    /** The secrets that may reach into {@code [start, end)}, in start order. */
    List<SourceRange> overlapping(int start, int end) {
      // the first index whose secrets so far reach past start
      int low = Offsets.firstAtOrAfter(furthestEnd, ranges.size(), start + 1);
      int to = low;
      while (to < ranges.size() && ranges.get(to).startOffset() < end) {
        to++;
      }
      return ranges.subList(low, to);
    }

    synchronized SecretValues values(SourceFile file) {
      if (values == null) {
        values = new SecretValues(ranges, file.text());
      }
      return values;
    }
  }

  /**
   * The distinct texts of a file's secrets, indexed by their first characters so that masking a text looks
   * up each position once instead of searching the text for every secret.
   */
  private static final class SecretValues {
    /**
     * Below this length a secret is masked only where it was found, not wherever else a shown text holds it: a
     * password of one or two characters would mask every word that has them.
     */
    static final int SHORTEST_MASKED_ELSEWHERE = 3;
    private final Map<String, List<String>> byPrefix = new HashMap<>();
    /** The first characters of the secrets: a text is looked up only where one of them stands. */
    private final BitSet firstChars = new BitSet();
    private final int prefixLength;

    SecretValues(List<SourceRange> ranges, String text) {
      Set<String> distinct = new LinkedHashSet<>();
      for (SourceRange secret : ranges) {
        if (secret.endOffset() > secret.startOffset()) {
          distinct.add(text.substring(secret.startOffset(), secret.endOffset()));
        }
      }
      prefixLength = distinct.stream().mapToInt(String::length).min().orElse(0);
      for (String value : distinct) {
        byPrefix.computeIfAbsent(value.substring(0, prefixLength), k -> new ArrayList<>()).add(value);
        firstChars.set(value.charAt(0));
      }
      // the longest first, so that a secret that contains another is masked whole
      byPrefix.values().forEach(list -> list.sort((x, y) -> Integer.compare(y.length(), x.length())));
    }

    String mask(String text) {
      List<int[]> found = occurrences(text, 1);
      if (found.isEmpty()) {
        return text;
      }
      StringBuilder masked = new StringBuilder(text.length());
      int copied = 0;
      for (int[] at : found) {
        masked.append(text, copied, at[0]).append(MASK);
        copied = at[1];
      }
      return masked.append(text, copied, text.length()).toString();
    }

    /**
     * Where {@code text} holds a secret of at least {@code shortest} characters, from left to right, each
     * {@code [start, end)}: the longest where secrets start alike, none overlapping.
     */
    List<int[]> occurrences(String text, int shortest) {
      List<int[]> found = new ArrayList<>();
      if (prefixLength == 0 || text.length() < prefixLength) {
        return found;
      }
      for (int i = 0; i + prefixLength <= text.length(); ) {
        if (!firstChars.get(text.charAt(i))) {
          i++;
          continue;
        }
        String match = null;
        for (String value : byPrefix.getOrDefault(text.substring(i, i + prefixLength), List.of())) {
          if (value.length() >= shortest && text.startsWith(value, i)) {
            match = value;
            break;
          }
        }
        if (match == null) {
          i++;
          continue;
        }
        found.add(new int[] {i, i + match.length()});
        i += match.length();
      }
      return found;
    }
  }
}
