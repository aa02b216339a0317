package dev.lashing.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Things written in files, sorted once per file by where they start, so that those starting within a range are
 * found by halving, not by reading them all again for each range asked about (a file of 20,000 values, each
 * asked about, read its 20,000 errors or references 20,000 times).
 */
public final class ByStart<T> {
  private final Function<T, SourceRange> at;
  private final Map<String, List<T>> byFile = new HashMap<>();

  /** {@code items}, each written where {@code at} says. */
  public ByStart(Iterable<T> items, Function<T, SourceRange> at) {
    this.at = at;
    for (T item : items) {
      byFile.computeIfAbsent(at.apply(item).file(), file -> new ArrayList<>()).add(item);
    }
    for (List<T> inFile : byFile.values()) {
      inFile.sort((a, b) -> Integer.compare(start(a), start(b)));
    }
  }

  /** Those that start within {@code range}, its start and end included, in the order they start. */
  public List<T> startingWithin(SourceRange range) {
    List<T> inFile = byFile.get(range.file());
    if (inFile == null) {
      return List.of();
    }
    int from = Offsets.firstAtOrAfter(inFile.size(), i -> start(inFile.get(i)), range.startOffset());
    int to = Offsets.firstAtOrAfter(inFile.size(), i -> start(inFile.get(i)), range.endOffset() + 1);
    return inFile.subList(from, Math.max(from, to));
  }

  private int start(T item) {
    return at.apply(item).startOffset();
  }
}
