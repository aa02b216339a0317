package dev.lashing.render;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The text of a long run of items (the findings of a large report), formatted a chunk of items at a time with
 * the chunks of a window side by side on every core, and handed on in order: the output does not depend on the
 * threads, and only a window's text is held at once.
 */
public final class SideBySide {
  /** Items formatted by one task. */
  private static final int CHUNK = 512;
  /** Items formatted before their text is handed on. */
  private static final int WINDOW = 16 * CHUNK;

  private SideBySide() {}

  /** Formats the items {@code from} (inclusive) to {@code to}; called from several threads at once. */
  public interface Chunk {
    String format(int from, int to);
  }

  /** Takes each chunk's text, in order. */
  public interface Sink {
    void accept(String text) throws IOException;
  }

  /** Whether a run of this many items is worth formatting side by side. */
  public static boolean worthIt(int items) {
    return items > CHUNK;
  }

  public static void format(int items, Chunk chunk, Sink out) throws IOException {
    for (int from = 0; from < items; from += WINDOW) {
      int windowStart = from;
      int windowEnd = Math.min(items, from + WINDOW);
      int chunks = (windowEnd - windowStart + CHUNK - 1) / CHUNK;
      IntStream indices = IntStream.range(0, chunks);
      List<String> texts = (chunks > 1 ? indices.parallel() : indices)
          .mapToObj(i -> chunk.format(windowStart + i * CHUNK, Math.min(windowEnd, windowStart + (i + 1) * CHUNK)))
          .toList();
      for (String text : texts) {
        out.accept(text);
      }
    }
  }
}
