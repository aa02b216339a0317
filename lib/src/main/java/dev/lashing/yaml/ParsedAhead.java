package dev.lashing.yaml;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.events.Event;

/**
 * The parser events of a long text, read on a thread of their own a few batches ahead of the tree built from
 * them: scanning the text and building the tree then take a core each. The events, and a failure of the parser
 * after them, reach the consumer in the parser's order, so the outcome is the one a single thread gives.
 */
final class ParsedAhead {
  private static final int BATCH = 512;
  private static final int BATCHES_AHEAD = 16;

  private ParsedAhead() {}

  /**
   * Hands each event to {@code consumer} on this thread; throws what the parser or the consumer throws. While no
   * events are ready, this thread does {@code meanwhile}'s work, a piece at a time, until it says there is none.
   */
  static void forEach(Iterable<Event> events, Consumer<Event> consumer, BooleanSupplier meanwhile) {
    BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    Thread parser = new Thread(() -> produce(events, queue), "lashing-yaml-parser");
    parser.setDaemon(true);
    parser.start();
    try {
      while (true) {
        Object[] batch = queue.poll();
        while (batch == null && meanwhile.getAsBoolean()) {
          batch = queue.poll();
        }
        if (batch == null) {
          batch = take(queue);
        }
        if (batch.length == 0) {
          return; // the end
        }
        for (Object item : batch) {
          if (item instanceof RuntimeException failure) {
            throw failure;
          }
          if (item instanceof Error failure) {
            throw failure;
          }
          consumer.accept((Event) item);
        }
      }
    } finally {
      parser.interrupt(); // a consumer that stops early (an alias bomb...) must not leave the parser waiting
    }
  }

  private static void produce(Iterable<Event> events, BlockingQueue<Object[]> queue) {
    Object[] batch = new Object[BATCH];
    int size = 0;
    try {
      try {
        for (Event event : events) {
          batch[size++] = event;
          if (size == BATCH) {
            queue.put(batch);
            batch = new Object[BATCH];
            size = 0;
          }
        }
      } catch (RuntimeException | Error failure) {
        batch[size++] = failure; // after the events read before it, as a single thread meets it
      }
      queue.put(Arrays.copyOf(batch, size));
      queue.put(new Object[0]);
    } catch (InterruptedException stopped) {
      // the consumer stopped reading
    }
  }

  /** The next batch; an interrupt of the consumer is kept for its caller, as a single thread would not see it. */
  private static Object[] take(BlockingQueue<Object[]> queue) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return queue.take();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
