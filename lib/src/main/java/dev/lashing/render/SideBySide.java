package dev.lashing.render;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Work on a long run of items (the findings of a large report) done a chunk of items at a time, with the chunks
 * of a window side by side on every core, and handed on in order: the output does not depend on the threads,
 * and only a window's results are held at once.
 */
public final class SideBySide {
  /** Items done by one task. */
  private static final int CHUNK = 512;
  /** Items done before their results are handed on. */
  private static final int WINDOW = 16 * CHUNK;

  private SideBySide() {}

  /** Does the items {@code from} (inclusive) to {@code to}; called from several threads at once. */
  public interface Chunk<T> {
    T of(int from, int to);
  }

  /** Takes each chunk's result, in order. */
  public interface Sink<T, X extends Exception> {
    void accept(T result) throws X;
  }

  /** Whether a run of this many items is worth doing side by side. */
  public static boolean worthIt(int items) {
    return items > CHUNK;
  }

  public static <T, X extends Exception> void inOrder(int items, Chunk<T> chunk, Sink<? super T, X> out) throws X {
    for (int from = 0; from < items; from += WINDOW) {
      int windowStart = from;
      int windowEnd = Math.min(items, from + WINDOW);
      int chunks = (windowEnd - windowStart + CHUNK - 1) / CHUNK;
      IntStream indices = IntStream.range(0, chunks);
      List<T> results = (chunks > 1 ? indices.parallel() : indices)
          .mapToObj(i -> chunk.of(windowStart + i * CHUNK, Math.min(windowEnd, windowStart + (i + 1) * CHUNK)))
          .toList();
      for (T result : results) {
        out.accept(result);
      }
    }
  }
}
